/**
 * The parts of the activity form. Each section receives the draft, a `patch` to change it and the
 * validation issues; none of them saves anything (ActivityForm does).
 */
import { useTranslation } from 'react-i18next';
import {
  AUTONOMIE, DUREE_PRESETS, MATERIEL, NIVEAUX, STRUCTURES_REDIRECTION, THEMATIQUES, THEMATIQUES_DEMARCHE,
  THEMATIQUE_DEMARCHES, TYPES_LIEU,
} from '../../domain/codes';
import { BREAKDOWNS, BREAKDOWN_NAMES, MAX_DUREE_MINUTES, type BreakdownName } from '../../domain/activity';
import type { CommuneRef, Place, Stored, Village } from '../../domain/records';
import type { FollowedPerson } from '../../db/beneficiaries';
import type { ValidationIssue } from '../../domain/validation';
import { CheckboxGroup, issueFor, RadioGroup, SelectField, TextField, useCodeOptions } from '../../ui/form';
import { formatNumber } from '../../i18n/format';
import { CommunePicker } from '../communes/CommunePicker';
import { BeneficiaryQuickCreate } from '../beneficiaries/BeneficiaryQuickCreate';
import { breakdownProgress, CUSTOM_DUREE, type ActivityDraft } from './draft';
import { AnonymousPersonFields } from './nationalFields';

export interface SectionProps {
  draft: ActivityDraft;
  patch: (changes: Partial<ActivityDraft>) => void;
  issues: ValidationIssue[];
}

export function WhenSection({ draft, patch, issues }: SectionProps) {
  const { t } = useTranslation('activities');
  const presets = [
    ...DUREE_PRESETS.map((m) => ({ value: String(m), label: t('form.minutes', { count: m }) })),
    { value: CUSTOM_DUREE, label: t('form.dureeCustomChoice') },
  ];
  const dureeError = issueFor(issues, 'duree');
  return (
    <section className="form-section">
      <h2>{t('form.sections.when')}</h2>
      <TextField type="date" label={t('fields.date')} value={draft.date} onChange={(date) => patch({ date })} required error={issueFor(issues, 'date')} />
      <RadioGroup legend={t('fields.duree')} options={presets} value={draft.dureeChoice} columns={3}
        onChange={(dureeChoice) => patch({ dureeChoice })} error={draft.dureeChoice === CUSTOM_DUREE ? undefined : dureeError} required />
      {draft.dureeChoice === CUSTOM_DUREE ? (
        <TextField type="number" min={1} max={MAX_DUREE_MINUTES} label={t('form.dureeCustom')} hint={t('form.dureeCustomHint')}
          value={draft.dureeCustom} onChange={(dureeCustom) => patch({ dureeCustom })} error={dureeError} required />
      ) : null}
    </section>
  );
}

interface WhereProps extends SectionProps {
  places: Stored<Place>[];
  villages: Stored<Village>[];
}

export function WhereSection({ draft, patch, issues, places, villages }: WhereProps) {
  const { t } = useTranslation('activities');
  const lieux = useCodeOptions('typeLieu', TYPES_LIEU);
  const placeOptions = places.map((p) => ({ value: p.id, label: `${p.nom} — ${p.commune.nom}` }));
  const villageOptions = villages.map((v) => ({ value: v.id, label: v.commune.nom }));

  // A place or a commune that belongs to a village chooses that village, unless one is already chosen.
  function choosePlace(placeId: string) {
    const place = places.find((p) => p.id === placeId);
    const villageId = draft.villageId || place?.villageId || villageByCommune(villages, place?.commune)?.id || '';
    patch({ placeId, villageId });
  }
  function chooseCommune(commune: CommuneRef | undefined) {
    patch({ commune, villageId: draft.villageId || villageByCommune(villages, commune)?.id || '' });
  }

  return (
    <section className="form-section">
      <h2>{t('form.sections.where')}</h2>
      <RadioGroup legend={t('fields.typeLieu')} options={lieux} value={draft.typeLieu} columns={2} required
        onChange={(typeLieu) => patch({ typeLieu })} error={issueFor(issues, 'typeLieu')} />
      {draft.typeLieu === 'lieu_activite' ? (
        <SelectField label={t('fields.placeId')} options={placeOptions} value={draft.placeId} onChange={choosePlace} required
          placeholder={t('form.choose')} hint={placeOptions.length === 0 ? t('form.noPlaces') : undefined} error={issueFor(issues, 'placeId')} />
      ) : null}
      {draft.typeLieu === 'domicile' || draft.typeLieu === 'autre' ? (
        <CommunePicker label={t('fields.commune')} value={draft.commune} onChange={chooseCommune} required error={issueFor(issues, 'commune')} />
      ) : null}
      <SelectField label={t('fields.villageId')} options={villageOptions} value={draft.villageId} placeholder={t('form.noVillage')}
        hint={t('form.villageHint')} onChange={(villageId) => patch({ villageId })} error={issueFor(issues, 'villageId')} />
    </section>
  );
}

function villageByCommune(villages: Stored<Village>[], commune: CommuneRef | undefined): Stored<Village> | undefined {
  return commune ? villages.find((v) => v.commune.codeInsee === commune.codeInsee) : undefined;
}

export function WhatSection({ draft, patch, issues }: SectionProps) {
  const { t } = useTranslation('activities');
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  const demarches = useCodeOptions('thematiquesDemarche', THEMATIQUES_DEMARCHE);
  const materiel = useCodeOptions('materiel', MATERIEL);
  return (
    <section className="form-section">
      <h2>{t('form.sections.what')}</h2>
      <CheckboxGroup legend={t('fields.thematiques')} options={thematiques} value={draft.thematiques} columns={2} required
        onChange={(next) => patch({ thematiques: next })} error={issueFor(issues, 'thematiques')} />
      {draft.thematiques.includes(THEMATIQUE_DEMARCHES) ? (
        <div className="form-subsection">
          <CheckboxGroup legend={t('fields.thematiquesDemarche')} options={demarches} value={draft.thematiquesDemarche} columns={2}
            onChange={(next) => patch({ thematiquesDemarche: next })} error={issueFor(issues, 'thematiquesDemarche')} />
          <TextField label={t('fields.precisionsDemarche')} hint={t('form.sensitiveWarning')} value={draft.precisionsDemarche}
            onChange={(precisionsDemarche) => patch({ precisionsDemarche })} error={issueFor(issues, 'precisionsDemarche')} />
        </div>
      ) : null}
      <CheckboxGroup legend={t('fields.materiel')} options={materiel} value={draft.materiel} columns={3}
        onChange={(next) => patch({ materiel: next })} error={issueFor(issues, 'materiel')} />
    </section>
  );
}

export function NotesSection({ draft, patch, issues }: SectionProps) {
  const { t } = useTranslation('activities');
  return (
    <section className="form-section">
      <h2>{t('form.sections.notes')}</h2>
      <TextField label={t('fields.tags')} hint={t('form.tagsHint')} value={draft.tags} onChange={(tags) => patch({ tags })} error={issueFor(issues, 'tags')} />
      <p className="notice notice--warning">{t('form.sensitiveWarning')}</p>
      <TextField multiline label={t('fields.notes')} value={draft.notes} onChange={(notes) => patch({ notes })} error={issueFor(issues, 'notes')} />
    </section>
  );
}

interface PeopleProps extends SectionProps {
  beneficiaries: FollowedPerson[];
}

export function IndividualSection({ draft, patch, issues, beneficiaries }: PeopleProps) {
  const { t } = useTranslation('activities');
  const autonomie = useCodeOptions('autonomie', AUTONOMIE);
  const structures = useCodeOptions('structureDeRedirection', STRUCTURES_REDIRECTION);
  const yesNo = [{ value: 'oui' as const, label: t('form.yes') }, { value: 'non' as const, label: t('form.no') }];
  return (
    <section className="form-section">
      <h2>{t('form.sections.person')}</h2>
      <SelectField label={t('fields.beneficiaryIds')} hint={t('form.beneficiaryHint')} value={draft.beneficiaryId}
        options={beneficiaries.map((b) => ({ value: b.id, label: b.code }))} placeholder={t('form.anonymous')}
        onChange={(beneficiaryId) => patch({ beneficiaryId })} error={issueFor(issues, 'beneficiaryIds')} />
      <BeneficiaryQuickCreate onCreated={(beneficiaryId) => patch({ beneficiaryId })} />
      {draft.beneficiaryId ? null : <AnonymousPersonFields value={draft.anonyme} onChange={(anonyme) => patch({ anonyme })} issues={issues} />}
      <RadioGroup legend={t('fields.autonomie')} options={autonomie} value={draft.autonomie} columns={3}
        onChange={(next) => patch({ autonomie: next })} error={issueFor(issues, 'autonomie')} />
      <RadioGroup legend={t('fields.orienteVersStructure')} options={yesNo} value={draft.oriente} columns={3}
        onChange={(oriente) => patch({ oriente })} error={issueFor(issues, 'orienteVersStructure')} />
      {draft.oriente === 'oui' ? (
        <SelectField label={t('fields.structureDeRedirection')} options={structures} value={draft.structureDeRedirection}
          placeholder={t('form.choose')} onChange={(next) => patch({ structureDeRedirection: next })} error={issueFor(issues, 'structureDeRedirection')} />
      ) : null}
    </section>
  );
}

export function WorkshopSection({ draft, patch, issues, beneficiaries }: PeopleProps) {
  const { t } = useTranslation('activities');
  const niveaux = useCodeOptions('niveau', NIVEAUX);
  const setCount = (changes: Partial<ActivityDraft['counts']>) => patch({ counts: { ...draft.counts, ...changes } });
  const participantsError = issueFor(issues, 'participants');
  return (
    <section className="form-section">
      <h2>{t('form.sections.workshop')}</h2>
      <TextField label={t('fields.titreAtelier')} value={draft.titreAtelier} onChange={(titreAtelier) => patch({ titreAtelier })} error={issueFor(issues, 'titreAtelier')} />
      <RadioGroup legend={t('fields.niveau')} options={niveaux} value={draft.niveau} columns={3}
        onChange={(niveau) => patch({ niveau })} error={issueFor(issues, 'niveau')} />
      <h3>{t('form.anonymousTitle')}</h3>
      <p className="field-hint">{t('form.anonymousHint')}</p>
      {participantsError ? <p className="field-error" role="alert">{t(`validation:${participantsError.code}`, participantsError.params)}</p> : null}
      <div className="form-row">
        <TextField type="number" min={0} label={t('fields.participantsAnonymes_total')} value={draft.counts.total}
          onChange={(total) => setCount({ total })} error={issueFor(issues, 'participantsAnonymes.total')} />
        <TextField type="number" min={0} label={t('fields.participantsAnonymes_dejaAccompagne')} value={draft.counts.dejaAccompagne}
          onChange={(dejaAccompagne) => setCount({ dejaAccompagne })} error={issueFor(issues, 'participantsAnonymes.dejaAccompagne')} />
      </div>
      {BREAKDOWN_NAMES.map((name) => (
        <BreakdownFields key={name} name={name} draft={draft} onChange={(values) => setCount({ [name]: values })}
          error={issueFor(issues, `participantsAnonymes.${name}`)} />
      ))}
      <CheckboxGroup legend={t('fields.participantIds')} hint={beneficiaries.length === 0 ? t('form.noBeneficiaries') : undefined}
        options={beneficiaries.map((b) => ({ value: b.id, label: b.code }))} value={draft.participantIds} columns={3}
        onChange={(participantIds) => patch({ participantIds })} error={issueFor(issues, 'beneficiaryIds')} />
    </section>
  );
}

const BREAKDOWN_CODE_LIST: Record<BreakdownName, string> = { genres: 'genre', tranchesAge: 'trancheAge', statutsSociaux: 'statutSocial' };

/** One breakdown of the anonymous participants, with live "x of total" feedback. */
function BreakdownFields({ name, draft, onChange, error }: { name: BreakdownName; draft: ActivityDraft; onChange: (values: Record<string, string>) => void; error?: ValidationIssue }) {
  const { t } = useTranslation(['activities', 'codes', 'validation']);
  const values = draft.counts[name];
  const { sum, total } = breakdownProgress(draft.counts, name);
  const over = sum > total;
  return (
    <fieldset className={`choices breakdown${error || over ? ' field--invalid' : ''}`}>
      <legend>{t(`activities:fields.participantsAnonymes_${name}`)}</legend>
      <p className={`breakdown-progress${over ? ' is-over' : ''}`} aria-live="polite">
        {t('activities:form.progress', { sum: formatNumber(sum), total: formatNumber(total), count: total })}
      </p>
      <div className="breakdown-grid">
        {(BREAKDOWNS[name] as readonly string[]).map((code) => (
          <label key={code} className="breakdown-cell">
            <span>{t(`codes:${BREAKDOWN_CODE_LIST[name]}.${code}`)}</span>
            <input type="number" min={0} inputMode="numeric" value={values[code] ?? ''}
              onChange={(e) => onChange({ ...values, [code]: e.target.value })} />
          </label>
        ))}
      </div>
      {error ? <p className="field-error" role="alert">{t(`validation:${error.code}`, error.params)}</p> : null}
    </fieldset>
  );
}
