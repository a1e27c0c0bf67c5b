/**
 * Add a followed participant by pseudonymous code (never a name): creates the beneficiary, then lets
 * the caller enrol them. Kept small so it fits in the session screen.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, type Genre, type StatutSocial, type TrancheAge } from '../../domain/codes';
import { codeTakenIssues, validateBeneficiary } from '../../domain/beneficiary';
import type { Beneficiary } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import { issueFor, SelectField, TextField, useCodeOptions } from '../../ui/form';

export function AddParticipant({ suggestedCode, others, onAdded, submitLabel }: {
  suggestedCode: string; others: Array<{ id: string; code: string }>; onAdded: (id: string) => Promise<void>;
  /** What the button says it does with the new person (default: add and mark present, in a session). */
  submitLabel?: string;
}) {
  const { t } = useTranslation('workshops');
  const [code, setCode] = useState(suggestedCode);
  const [genre, setGenre] = useState<Genre | ''>('non_communique');
  const [trancheAge, setTrancheAge] = useState<TrancheAge | ''>('non_communique');
  const [statutSocial, setStatutSocial] = useState<StatutSocial | ''>('non_communique');
  const [dejaAccompagne, setDejaAccompagne] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const genres = useCodeOptions('genre', GENRES);
  const tranches = useCodeOptions('trancheAge', TRANCHES_AGE);
  const statuts = useCodeOptions('statutSocial', STATUTS_SOCIAUX);

  async function add(event: FormEvent) {
    event.preventDefault();
    const person = { code: code.trim().toUpperCase(), genre, trancheAge, statutSocial, dejaAccompagne } as Beneficiary;
    const found = [...validateBeneficiary(person), ...codeTakenIssues(person.code, others)];
    setIssues(found);
    if (found.length > 0) return;
    const created = await getRelais().beneficiaries.create(person);
    await onAdded(created.id);
    setCode('');
  }

  return (
    <form className="ws-add-participant" onSubmit={(e) => void add(e)} noValidate aria-label={t('participant.addTitle')}>
      <div className="form-row">
        <TextField label={t('participant.code')} value={code} onChange={setCode} required hint={t('participant.codeHint')} error={issueFor(issues, 'code')} />
        <SelectField label={t('participant.genre')} value={genre} onChange={setGenre} options={genres} required error={issueFor(issues, 'genre')} />
        <SelectField label={t('participant.trancheAge')} value={trancheAge} onChange={setTrancheAge} options={tranches} required error={issueFor(issues, 'trancheAge')} />
        <SelectField label={t('participant.statutSocial')} value={statutSocial} onChange={setStatutSocial} options={statuts} required error={issueFor(issues, 'statutSocial')} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={dejaAccompagne} onChange={(e) => setDejaAccompagne(e.target.checked)} />
        <span>{t('participant.dejaAccompagne')}</span>
      </label>
      <div><button type="submit" className="button">{submitLabel ?? t('participant.add')}</button></div>
    </form>
  );
}

/** The next free code in the B-0001 sequence. */
export function nextCode(existing: Iterable<string>): string {
  let max = 0;
  for (const code of existing) {
    const match = /^B-(\d+)$/.exec(code);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `B-${String(max + 1).padStart(4, '0')}`;
}
