/**
 * The fields of a followed person: a pseudonymous code and the national tool's bands. Used by the
 * beneficiary form and by the quick creation inside the activity form.
 */
import { useTranslation } from 'react-i18next';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../../domain/codes';
import type { Beneficiary } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import { issueFor, RadioGroup, SelectField, TextField, useCodeOptions } from '../../ui/form';

export type BeneficiaryDraft = Omit<Beneficiary, 'genre' | 'trancheAge' | 'statutSocial'> & {
  genre: Beneficiary['genre'] | '';
  trancheAge: Beneficiary['trancheAge'] | '';
  statutSocial: Beneficiary['statutSocial'] | '';
};

export function emptyBeneficiary(code: string): BeneficiaryDraft {
  return { code, genre: '', trancheAge: '', statutSocial: '', dejaAccompagne: false };
}

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
  return (
    <>
      <TextField label={t('fields.code')} hint={t('form.codeHint')} value={value.code} required
        onChange={(code) => set({ code: code.toUpperCase() })} error={issueFor(issues, 'code')} />
      <RadioGroup legend={t('fields.genre')} options={genres} value={value.genre} required
        onChange={(genre) => set({ genre })} error={issueFor(issues, 'genre')} />
      <div className="form-row">
        <SelectField label={t('fields.trancheAge')} options={ages} value={value.trancheAge} required
          onChange={(trancheAge) => set({ trancheAge })} error={issueFor(issues, 'trancheAge')} />
        <SelectField label={t('fields.statutSocial')} options={statuts} value={value.statutSocial} required
          onChange={(statutSocial) => set({ statutSocial })} error={issueFor(issues, 'statutSocial')} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={value.dejaAccompagne} onChange={(e) => set({ dejaAccompagne: e.target.checked })} />
        <span>{t('fields.dejaAccompagne')}</span>
      </label>
    </>
  );
}
