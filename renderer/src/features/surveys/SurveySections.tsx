/**
 * The sections of the survey form. Each gets the form state, a `patch` function and the current
 * validation issues; labels come from the `surveys` namespace, value labels from `codes`.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUVERTURES_MOBILES, DEBITS, OPERATEURS_MOBILES, type OperateurMobile, EQUIPEMENTS_VILLAGE, PUBLICS_PRIORITAIRES, STADES_MATURITE, STATUTS_FIBRE,
  TECHNOLOGIES_FIXES, THEMATIQUES,
} from '../../domain/codes';
import type { Place, Stored } from '../../domain/records';
import { SURVEY_NOTES_MAX } from '../../domain/survey';
import type { ValidationIssue } from '../../domain/validation';
import { CheckboxGroup, issueFor, RadioGroup, SelectField, TextField, useCodeOptions } from '../../ui/form';
import { FRANCE_SERVICES, type SurveyFormState, type YesNo } from './surveyForm';

export interface SectionProps {
  form: SurveyFormState;
  patch: (changes: Partial<SurveyFormState>) => void;
  issues: ValidationIssue[];
}

/** France Services is asked in its own section, so it is left out of the equipment checkboxes. */
const EQUIPEMENTS_SANS_FS = EQUIPEMENTS_VILLAGE.filter((e) => e !== FRANCE_SERVICES);

export function ConnectivitySection({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation('surveys');
  const technologies = useCodeOptions('technologiesFixes', TECHNOLOGIES_FIXES);
  const fibre = useCodeOptions('statutFibre', STATUTS_FIBRE);
  const debits = useCodeOptions('debit', DEBITS);
  const coverage = useCodeOptions('couverture', COUVERTURES_MOBILES);
  return (
    <section className="form-section" aria-labelledby="survey-connectivity">
      <h2 id="survey-connectivity">{t('sections.connectivity')}</h2>
      <p className="field-hint">{t('hints.connectivity')}</p>
      <CheckboxGroup legend={t('fields.technologiesFixes')} options={technologies} value={form.technologiesFixes}
        onChange={(technologiesFixes) => patch({ technologiesFixes })} error={issueFor(issues, 'technologiesFixes')} columns={3} />
      <RadioGroup legend={t('fields.statutFibre')} options={fibre} value={form.statutFibre}
        onChange={(statutFibre) => patch({ statutFibre })} error={issueFor(issues, 'statutFibre')} />
      <RadioGroup legend={t('fields.debit')} options={debits} value={form.debit} columns={1}
        onChange={(debit) => patch({ debit })} error={issueFor(issues, 'debit')} />
      <RadioGroup legend={t('fields.couvertureVoix')} options={coverage} value={form.couvertureVoix} columns={2}
        onChange={(couvertureVoix) => patch({ couvertureVoix })} error={issueFor(issues, 'couvertureVoix')} />
      <RadioGroup legend={t('fields.couverture4g')} options={coverage} value={form.couverture4g} columns={2}
        onChange={(couverture4g) => patch({ couverture4g })} error={issueFor(issues, 'couverture4g')} />
      <OperatorCoverage form={form} patch={patch} issues={issues} />
    </section>
  );
}

/** ARCEP reports each operator separately ("Mon réseau mobile"): voice and SMS, 4G data, 5G. */
function OperatorCoverage({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation(['surveys', 'codes']);
  const coverage = useCodeOptions('couverture', COUVERTURES_MOBILES);
  const yesNo = [{ value: 'oui', label: t('surveys:operators.yes') }, { value: 'non', label: t('surveys:operators.no') }];
  const set = (operator: OperateurMobile, changes: Record<string, unknown>) => {
    const next = { ...form.couvertureOperateurs[operator], ...changes };
    patch({ couvertureOperateurs: { ...form.couvertureOperateurs, [operator]: next } });
  };
  return (
    <fieldset className="export-filters">
      <legend>{t('surveys:operators.title')}</legend>
      <p className="field-hint">{t('surveys:operators.hint')}</p>
      {OPERATEURS_MOBILES.map((operator) => {
        const value = form.couvertureOperateurs[operator] ?? {};
        const name = t(`codes:operateurs.${operator}`);
        return (
          <div className="form-row" key={operator} role="group" aria-label={name}>
            <SelectField label={t('surveys:operators.voix', { operator: name })} options={coverage} value={value.voix ?? ''}
              placeholder={t('surveys:operators.unknown')} onChange={(voix) => set(operator, { voix: voix || undefined })}
              error={issueFor(issues, `couvertureOperateurs.${operator}.voix`)} />
            <SelectField label={t('surveys:operators.data4g', { operator: name })} options={coverage} value={value.data4g ?? ''}
              placeholder={t('surveys:operators.unknown')} onChange={(data4g) => set(operator, { data4g: data4g || undefined })} />
            <SelectField label={t('surveys:operators.cinqG', { operator: name })} options={yesNo}
              value={value.cinqG === undefined ? '' : value.cinqG ? 'oui' : 'non'} placeholder={t('surveys:operators.unknown')}
              onChange={(answer) => set(operator, { cinqG: answer === '' ? undefined : answer === 'oui' })} />
          </div>
        );
      })}
    </fieldset>
  );
}

export function EquipmentSection({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation('surveys');
  const equipments = useCodeOptions('equipements', EQUIPEMENTS_SANS_FS);
  return (
    <section className="form-section" aria-labelledby="survey-equipment">
      <h2 id="survey-equipment">{t('sections.equipment')}</h2>
      <CheckboxGroup legend={t('fields.equipements')} options={equipments} value={form.equipements}
        onChange={(equipements) => patch({ equipements })} error={issueFor(issues, 'equipements')} />
      <div className="form-row">
        <TextField type="number" min={0} label={t('fields.nombrePointsAcces')} hint={t('hints.nombrePointsAcces')}
          value={form.nombrePointsAcces} onChange={(nombrePointsAcces) => patch({ nombrePointsAcces })}
          error={issueFor(issues, 'nombrePointsAcces')} />
      </div>
    </section>
  );
}

export function ServicesSection({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation('surveys');
  const answers: Array<{ value: YesNo; label: string }> = [
    { value: 'oui', label: t('franceServices.oui') },
    { value: 'non', label: t('franceServices.non') },
  ];
  return (
    <section className="form-section" aria-labelledby="survey-services">
      <h2 id="survey-services">{t('sections.services')}</h2>
      <RadioGroup legend={t('fields.franceServices')} options={answers} value={form.franceServices} columns={2}
        onChange={(franceServices) => patch({ franceServices })} />
      {form.franceServices === 'non' ? (
        <div className="form-row">
          <TextField type="number" min={0} label={t('fields.distanceFranceServicesKm')} hint={t('hints.distance')}
            value={form.distanceFranceServicesKm} onChange={(distanceFranceServicesKm) => patch({ distanceFranceServicesKm })}
            error={issueFor(issues, 'distanceFranceServicesKm')} />
        </div>
      ) : null}
    </section>
  );
}

export function PlacesSection({ form, patch, issues, places }: SectionProps & { places: Stored<Place>[] }) {
  const { t } = useTranslation('surveys');
  const options = places.map((p) => ({ value: p.id, label: p.nom }));
  return (
    <section className="form-section" aria-labelledby="survey-places">
      <h2 id="survey-places">{t('sections.places')}</h2>
      {options.length === 0 ? <p className="field-hint">{t('hints.noPlaces')}</p> : (
        <CheckboxGroup legend={t('fields.placeIds')} hint={t('hints.places')} options={options} value={form.placeIds}
          onChange={(placeIds) => patch({ placeIds })} error={issueFor(issues, 'placeIds')} />
      )}
    </section>
  );
}

export function NeedsSection({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation('surveys');
  const publics = useCodeOptions('publicsPrioritaires', PUBLICS_PRIORITAIRES);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  return (
    <section className="form-section" aria-labelledby="survey-needs">
      <h2 id="survey-needs">{t('sections.needs')}</h2>
      <CheckboxGroup legend={t('fields.publicsPrioritaires')} options={publics} value={form.publicsPrioritaires}
        onChange={(publicsPrioritaires) => patch({ publicsPrioritaires })} error={issueFor(issues, 'publicsPrioritaires')} />
      <CheckboxGroup legend={t('fields.thematiquesBesoins')} options={thematiques} value={form.thematiquesBesoins}
        onChange={(thematiquesBesoins) => patch({ thematiquesBesoins })} error={issueFor(issues, 'thematiquesBesoins')} />
    </section>
  );
}

/** The three smart-village stages, each with a one-line explanation tied to its radio button. */
export function MaturitySection({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation(['surveys', 'codes', 'validation']);
  const id = useId();
  const error = issueFor(issues, 'stadeMaturite');
  return (
    <section className="form-section" aria-labelledby="survey-maturity">
      <h2 id="survey-maturity">{t('surveys:sections.maturity')}</h2>
      <fieldset className={`choices stages${error ? ' field--invalid' : ''}`}>
        <legend>{t('surveys:fields.stadeMaturite')}</legend>
        <p className="field-hint">{t('surveys:hints.maturity')}</p>
        {STADES_MATURITE.map((stage, index) => (
          <label key={stage} className="choice stage-choice">
            <input type="radio" name={`${id}-stage`} checked={form.stadeMaturite === stage}
              onChange={() => patch({ stadeMaturite: stage })} aria-describedby={`${id}-${stage}`} />
            <span>
              <span className="stage-name">{t('surveys:stageNumber', { number: index + 1 })} {t(`codes:stadeMaturite.${stage}`)}</span>
              <span id={`${id}-${stage}`} className="field-hint stage-explanation">{t(`surveys:stages.${stage}`)}</span>
            </span>
          </label>
        ))}
        {error ? <p className="field-error" role="alert">{t(`validation:${error.code}`, error.params)}</p> : null}
      </fieldset>
    </section>
  );
}

export function NotesSection({ form, patch, issues }: SectionProps) {
  const { t } = useTranslation('surveys');
  return (
    <section className="form-section" aria-labelledby="survey-notes">
      <h2 id="survey-notes">{t('sections.notes')}</h2>
      <p className="notice notice--warning">{t('hints.privacy')}</p>
      <TextField multiline label={t('fields.notes')} maxLength={SURVEY_NOTES_MAX}
        value={form.notes} onChange={(notes) => patch({ notes })} error={issueFor(issues, 'notes')} />
    </section>
  );
}
