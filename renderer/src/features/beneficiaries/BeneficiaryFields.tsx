/**
 * The fields of a followed person: a pseudonymous code, an optional year of birth and the national
 * tool's bands (each optional: "non communiqué" by default, as La Coop). Used by the beneficiary form
 * and by the quick creation inside the activity form.
 */
import { useTranslation } from 'react-i18next';
import { trancheAgeOf } from '../../domain/beneficiary';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../../domain/codes';
import type { ValidationIssue } from '../../domain/validation';
import { issueFor, RadioGroup, SelectField, TextField, useCodeOptions } from '../../ui/form';
import { parseYear, type BeneficiaryDraft } from './draft';

interface Props {
  value: BeneficiaryDraft;
  onChange: (next: BeneficiaryDraft) => void;
  issues: ValidationIssue[];
}

export function BeneficiaryFields({ value, onChange, issues }: Props) {
  const { t } = useTranslation('beneficiaries');
  const genres = useCodeOptions('genre', GENRES);
  const ages = useCodeOptions('trancheAge', TRANCHES_AGE);
  const statuts = useCodeOptions('statutSocial', STATUTS_SOCIAUX);
  const set = (patch: Partial<BeneficiaryDraft>) => onChange({ ...value, ...patch });
  const year = parseYear(value.anneeNaissance);
  // With a year of birth the band is computed (and kept current): shown, not chosen.
  const band = year === undefined ? value.trancheAge : trancheAgeOf({ anneeNaissance: year });
  return (
    <>
      <TextField label={t('fields.code')} hint={t('form.codeHint')} value={value.code} required
        onChange={(code) => set({ code: code.toUpperCase() })} error={issueFor(issues, 'code')} />
      <RadioGroup legend={t('fields.genre')} options={genres} value={value.genre}
        onChange={(genre) => set({ genre })} error={issueFor(issues, 'genre')} />
      <div className="form-row">
        <TextField type="number" label={t('fields.anneeNaissance')} hint={t('form.anneeNaissanceHint')} value={value.anneeNaissance}
          min={1900} onChange={(anneeNaissance) => set({ anneeNaissance })} error={issueFor(issues, 'anneeNaissance')} />
        <SelectField label={t('fields.trancheAge')} options={ages} value={band} disabled={year !== undefined}
          hint={year !== undefined ? t('form.trancheAgeComputed') : undefined}
          onChange={(trancheAge) => set({ trancheAge: trancheAge || 'non_communique' })} error={issueFor(issues, 'trancheAge')} />
        <SelectField label={t('fields.statutSocial')} options={statuts} value={value.statutSocial}
          onChange={(statutSocial) => set({ statutSocial: statutSocial || 'non_communique' })} error={issueFor(issues, 'statutSocial')} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={value.dejaAccompagne} onChange={(e) => set({ dejaAccompagne: e.target.checked })} />
        <span>{t('fields.dejaAccompagne')}</span>
      </label>
    </>
  );
}

/** A followed person as facts, for a record this laptop may not change (another's, or read-only mode). */
export function BeneficiaryFacts({ value }: { value: BeneficiaryDraft }) {
  const { t } = useTranslation(['beneficiaries', 'codes']);
  const rows: Array<[string, string]> = [
    [t('fields.code'), value.code],
    [t('fields.genre'), t(`codes:genre.${value.genre}`)],
    [t('fields.trancheAge'), t(`codes:trancheAge.${value.trancheAge}`)],
    [t('fields.statutSocial'), t(`codes:statutSocial.${value.statutSocial}`)],
  ];
  if (value.anneeNaissance) rows.splice(2, 0, [t('fields.anneeNaissance'), value.anneeNaissance]);
  if (value.communeResidence) rows.push([t('fields.communeResidence'), value.communeResidence.nom]);
  if (value.dejaAccompagne) rows.push([t('fields.dejaAccompagne'), t('form.yes')]);
  return (
    <dl className="details">
      {rows.map(([label, text]) => <div key={label}><dt>{label}</dt><dd>{text}</dd></div>)}
    </dl>
  );
}
