/**
 * The structures that employ this mediator (La Coop's "structure employeuse"; several are possible):
 * name, commune (it locates remote activities), SIRET, and how many months (12 at most, as La Coop)
 * their followed people are kept before being anonymised.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { saveProfile } from '../../db/profile';
import { DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS, structuresOf, validateProfile, type Profile, type ProfileStructure } from '../../domain/profile';
import type { ValidationIssue } from '../../domain/validation';
import { ErrorSummary, issueFor, TextField } from '../../ui/form';
import { useToast } from '../../ui/toast';
import { CommunePicker } from '../communes/CommunePicker';

interface StructureDraft extends Omit<ProfileStructure, 'retentionMonths' | 'siret'> {
  siret: string;
  retentionMonths: string;
}

const toDraft = (s: ProfileStructure): StructureDraft => ({ ...s, siret: s.siret ?? '', retentionMonths: String(s.retentionMonths) });

function fromDraft(d: StructureDraft): ProfileStructure {
  const months = d.retentionMonths.trim();
  return {
    nom: d.nom,
    ...(d.commune ? { commune: d.commune } : {}),
    ...(d.siret.trim() ? { siret: d.siret.replace(/\s/g, '') } : {}),
    retentionMonths: /^\d+$/.test(months) ? Number(months) : Number.NaN,
  };
}

export function StructuresSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation(['settings', 'common']);
  const { notify } = useToast();
  const [drafts, setDrafts] = useState<StructureDraft[]>(() => structuresOf(profile).map(toDraft));
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const change = (index: number, patch: Partial<StructureDraft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  async function save() {
    const structures = drafts.map(fromDraft);
    const next: Profile = { ...profile, structures, structure: structures[0]?.nom ?? '' };
    const found = validateProfile(next);
    setIssues(found);
    if (found.length > 0) return;
    await saveProfile(getRelais().db, next);
    notify(t('structures.saved'), 'success');
  }

  return (
    <section className="form-section" aria-labelledby="settings-structures">
      <h2 id="settings-structures">{t('structures.title')}</h2>
      <p className="field-hint">{t('structures.intro')}</p>
      <ErrorSummary issues={issues} fieldLabel={(field) => t(`structures.fields.${field.split('.').at(-1)}`)} />
      {drafts.map((draft, index) => (
        <fieldset key={index} className="export-filters" aria-label={t('structures.item', { index: index + 1 })}>
          <legend>{draft.nom || t('structures.item', { index: index + 1 })}</legend>
          <div className="form-row">
            <TextField label={t('structures.fields.nom')} value={draft.nom} required onChange={(nom) => change(index, { nom })}
              error={issueFor(issues, `structures.${index}.nom`)} />
            <TextField label={t('structures.fields.siret')} hint={t('structures.siretHint')} value={draft.siret}
              onChange={(siret) => change(index, { siret })} error={issueFor(issues, `structures.${index}.siret`)} />
          </div>
          <div className="form-row">
            <CommunePicker label={t('structures.fields.commune')} hint={t('structures.communeHint')} value={draft.commune}
              onChange={(commune) => change(index, { commune })} error={issueFor(issues, `structures.${index}.commune`)} />
            <TextField type="number" min={1} max={MAX_RETENTION_MONTHS} label={t('structures.fields.retentionMonths')}
              hint={t('structures.retentionHint', { max: MAX_RETENTION_MONTHS })} value={draft.retentionMonths}
              onChange={(retentionMonths) => change(index, { retentionMonths })} error={issueFor(issues, `structures.${index}.retentionMonths`)} />
          </div>
          {drafts.length > 1 ? (
            <button type="button" className="button button--small" onClick={() => setDrafts((all) => all.filter((_, i) => i !== index))}>
              {t('structures.remove')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setDrafts((all) => [...all, { nom: '', siret: '', retentionMonths: String(DEFAULT_RETENTION_MONTHS) }])}>
          {t('structures.add')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void save()}>{t('structures.save')}</button>
      </div>
    </section>
  );
}
