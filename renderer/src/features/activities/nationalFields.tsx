/**
 * Two small parts of the activity form that La Coop's rules add: the employing structure the activity
 * carries (chosen when the profile has several), and what may be said of an anonymous person helped
 * individually (gender, age band, status, commune, already helped). Self-contained, so the form's
 * layout can place them where it likes.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../../domain/codes';
import type { ProfileStructure } from '../../domain/profile';
import type { ValidationIssue } from '../../domain/validation';
import { issueFor, SelectField, useCodeOptions } from '../../ui/form';
import { CommunePicker } from '../communes/CommunePicker';
import { emptyAnonymousPerson, type ActivityDraft, type AnonymousPersonDraft } from './draft';

interface StructureFieldProps {
  draft: ActivityDraft;
  structures: readonly ProfileStructure[];
  patch: (changes: Partial<ActivityDraft>) => void;
  issues: ValidationIssue[];
}

export function StructureField({ draft, structures, patch, issues }: StructureFieldProps) {
  const { t } = useTranslation('activities');
  const error = issueFor(issues, 'structureEmployeuse');
  const chosen = structures.find((s) => s.nom === draft.structureNom) ?? (structures.length === 1 ? structures[0] : undefined);
  const needsCommune = draft.typeLieu === 'a_distance' && chosen !== undefined && chosen.commune === undefined;
  return (
    <div className="form-subsection">
      {structures.length > 1 ? (
        <SelectField label={t('fields.structureEmployeuse')} required value={draft.structureNom ?? ''} placeholder={t('form.choose')}
          options={structures.map((s) => ({ value: s.nom, label: s.nom }))} onChange={(structureNom) => patch({ structureNom })} error={error} />
      ) : (
        <p className="field-hint">{chosen ? t('form.structureIs', { name: chosen.nom }) : t('form.noStructure')}</p>
      )}
      {needsCommune || (error && structures.length <= 1) ? (
        <p className={error ? 'field-error' : 'notice notice--warning'} role={error ? 'alert' : 'status'}>
          {t('form.structureCommuneMissing')} <Link to="/settings">{t('form.toSettings')}</Link>
        </p>
      ) : null}
    </div>
  );
}

interface AnonymousProps {
  value: AnonymousPersonDraft | undefined;
  onChange: (next: AnonymousPersonDraft) => void;
  issues: ValidationIssue[];
}

export function AnonymousPersonFields({ value, onChange, issues }: AnonymousProps) {
  const { t } = useTranslation('activities');
  const genres = useCodeOptions('genre', GENRES);
  const ages = useCodeOptions('trancheAge', TRANCHES_AGE);
  const statuts = useCodeOptions('statutSocial', STATUTS_SOCIAUX);
  const person = value ?? emptyAnonymousPerson();
  const set = (patch: Partial<AnonymousPersonDraft>) => onChange({ ...person, ...patch });
  return (
    <fieldset className="export-filters">
      <legend>{t('form.anonymousPerson')}</legend>
      <p className="field-hint">{t('form.anonymousPersonHint')}</p>
      <div className="form-row">
        <SelectField label={t('fields.beneficiaireAnonyme_genre')} options={genres} value={person.genre} placeholder={t('form.notSaid')}
          onChange={(genre) => set({ genre })} error={issueFor(issues, 'beneficiaireAnonyme.genre')} />
        <SelectField label={t('fields.beneficiaireAnonyme_trancheAge')} options={ages} value={person.trancheAge} placeholder={t('form.notSaid')}
          onChange={(trancheAge) => set({ trancheAge })} error={issueFor(issues, 'beneficiaireAnonyme.trancheAge')} />
        <SelectField label={t('fields.beneficiaireAnonyme_statutSocial')} options={statuts} value={person.statutSocial} placeholder={t('form.notSaid')}
          onChange={(statutSocial) => set({ statutSocial })} error={issueFor(issues, 'beneficiaireAnonyme.statutSocial')} />
      </div>
      <CommunePicker label={t('fields.beneficiaireAnonyme_communeResidence')} value={person.communeResidence}
        onChange={(communeResidence) => set({ communeResidence })} error={issueFor(issues, 'beneficiaireAnonyme.communeResidence')} />
      <label className="choice">
        <input type="checkbox" checked={person.dejaAccompagne} onChange={(e) => set({ dejaAccompagne: e.target.checked })} />
        <span>{t('fields.beneficiaireAnonyme_dejaAccompagne')}</span>
      </label>
    </fieldset>
  );
}
