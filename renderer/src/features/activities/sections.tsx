/**
 * The parts of the activity form, small so that a new field has an obvious home. Each receives the
 * draft, a `patch` to change it and the validation issues; none of them saves anything (ActivityForm
 * does). Each control names the data field it edits (`field`): the form focuses the first one still
 * to fill, the error summary finds the one that needs fixing.
 *
 * The essentials come first, on one screen: type, when, where, what, who. What is filled less often
 * (a referral, the breakdowns of a workshop, village, tags, notes) is in "More details" (MoreDetails).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_TYPES, AUTONOMIE, DUREE_PRESETS, MATERIEL, NIVEAUX, STRUCTURES_REDIRECTION, THEMATIQUES, THEMATIQUES_DEMARCHE,
  THEMATIQUE_DEMARCHES, TYPES_LIEU,
} from '../../domain/codes';
import { BREAKDOWNS, BREAKDOWN_NAMES, MAX_DUREE_MINUTES, MAX_NOTES_LENGTH, MAX_TITLE_LENGTH, type BreakdownName } from '../../domain/activity';
import { EARLIEST_RECORD_DATE, latestRecordDate } from '../../domain/dates';
import type { CommuneRef, Place, Stored, Village } from '../../domain/records';
import type { FollowedPerson } from '../../db/beneficiaries';
import type { ValidationIssue } from '../../domain/validation';
import { CheckboxGroup, issueFor, RadioGroup, SelectField, TextField, useCodeOptions, useIssueMessage } from '../../ui/form';
import { formatNumber } from '../../i18n/format';
import { CommunePicker } from '../communes/CommunePicker';
import { BeneficiaryQuickCreate } from '../beneficiaries/BeneficiaryQuickCreate';
import { breakdownProgress, CUSTOM_DUREE, type ActivityDraft } from './draft';

export interface SectionProps {
  draft: ActivityDraft;
  patch: (changes: Partial<ActivityDraft>) => void;
  issues: ValidationIssue[];
}

/**
 * A block of the form. Its heading is for screen readers (navigation by headings): on screen the
 * labels say it already, and the room is kept for the fields, so the essentials fit on one screen.
 */
function Block({ id, title, className, children }: { id: string; title: string; className: string; children: ReactNode }) {
  return (
    <section className={`activity-block ${className}`} aria-labelledby={id}>
      <h2 id={id} className="visually-hidden">{title}</h2>
      {children}
    </section>
  );
}

export function TypeChoice({ draft, patch }: SectionProps) {
  const { t } = useTranslation('activities');
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  return (
    <div className="activity-block activity-type">
      <RadioGroup legend={t('fields.type')} options={types} value={draft.type} inline field="type" onChange={(type) => patch({ type })} />
    </div>
  );
}

export function WhenSection({ draft, patch, issues }: SectionProps) {
  const { t } = useTranslation('activities');
  const presets = [
    ...DUREE_PRESETS.map((m) => ({ value: String(m), label: t('form.minutes', { count: m }) })),
    { value: CUSTOM_DUREE, label: t('form.dureeCustomChoice') },
  ];
  const dureeError = issueFor(issues, 'duree');
  return (
    <Block id="activity-when" title={t('form.sections.when')} className="activity-when">
      <TextField type="date" label={t('fields.date')} value={draft.date} onChange={(date) => patch({ date })} required field="date"
        min={EARLIEST_RECORD_DATE} max={latestRecordDate()} error={issueFor(issues, 'date')} />
      <RadioGroup legend={t('fields.duree')} options={presets} value={draft.dureeChoice} inline field="duree"
        onChange={(dureeChoice) => patch({ dureeChoice })} error={draft.dureeChoice === CUSTOM_DUREE ? undefined : dureeError} required />
      {draft.dureeChoice === CUSTOM_DUREE ? (
        <TextField type="number" min={1} max={MAX_DUREE_MINUTES} label={t('form.dureeCustom')} hint={t('form.dureeCustomHint')}
          value={draft.dureeCustom} onChange={(dureeCustom) => patch({ dureeCustom })} error={dureeError} required />
      ) : null}
    </Block>
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
    <Block id="activity-where" title={t('form.sections.where')} className="activity-where">
      <RadioGroup legend={t('fields.typeLieu')} options={lieux} value={draft.typeLieu} inline required field="typeLieu"
        onChange={(typeLieu) => patch({ typeLieu })} error={issueFor(issues, 'typeLieu')} />
      {draft.typeLieu === 'lieu_activite' ? (
        <SelectField label={t('fields.placeId')} options={placeOptions} value={draft.placeId} onChange={choosePlace} required field="placeId"
          placeholder={t('form.choose')} hint={placeOptions.length === 0 ? t('form.noPlaces') : undefined} error={issueFor(issues, 'placeId')} />
      ) : null}
      {draft.typeLieu === 'domicile' || draft.typeLieu === 'autre' ? (
        <CommunePicker label={t('fields.commune')} value={draft.commune} onChange={chooseCommune} required field="commune" error={issueFor(issues, 'commune')} />
      ) : null}
    </Block>
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
    <Block id="activity-what" title={t('form.sections.what')} className="activity-what">
      <CheckboxGroup legend={t('fields.thematiques')} options={thematiques} value={draft.thematiques} columns={4} required oneTabStop
        field="thematiques" onChange={(next) => patch({ thematiques: next })} error={issueFor(issues, 'thematiques')} />
      {draft.thematiques.includes(THEMATIQUE_DEMARCHES) ? (
        <div className="form-subsection">
          <CheckboxGroup legend={t('fields.thematiquesDemarche')} options={demarches} value={draft.thematiquesDemarche} columns={3} oneTabStop
            field="thematiquesDemarche" onChange={(next) => patch({ thematiquesDemarche: next })} error={issueFor(issues, 'thematiquesDemarche')} />
          <TextField label={t('fields.precisionsDemarche')} hint={t('form.sensitiveWarning')} value={draft.precisionsDemarche} field="precisionsDemarche"
            maxLength={MAX_NOTES_LENGTH} onChange={(precisionsDemarche) => patch({ precisionsDemarche })} error={issueFor(issues, 'precisionsDemarche')} />
        </div>
      ) : null}
      <CheckboxGroup legend={t('fields.materiel')} options={materiel} value={draft.materiel} inline oneTabStop field="materiel"
        onChange={(next) => patch({ materiel: next })} error={issueFor(issues, 'materiel')} />
    </Block>
  );
}

interface PeopleProps extends SectionProps {
  beneficiaries: FollowedPerson[];
}

export function IndividualSection({ draft, patch, issues, beneficiaries }: PeopleProps) {
  const { t } = useTranslation('activities');
  const autonomie = useCodeOptions('autonomie', AUTONOMIE);
  return (
    <Block id="activity-person" title={t('form.sections.person')} className="activity-who">
      <div className="activity-person-who">
        <SelectField label={t('fields.beneficiaryIds')} value={draft.beneficiaryId} field="beneficiaryIds"
          options={beneficiaries.map((b) => ({ value: b.id, label: b.code }))} placeholder={t('form.anonymous')}
          onChange={(beneficiaryId) => patch({ beneficiaryId })} error={issueFor(issues, 'beneficiaryIds')} />
        <BeneficiaryQuickCreate onCreated={(beneficiaryId) => patch({ beneficiaryId })} />
      </div>
      <RadioGroup legend={t('fields.autonomie')} options={autonomie} value={draft.autonomie} inline field="autonomie"
        onChange={(next) => patch({ autonomie: next })} error={issueFor(issues, 'autonomie')} />
      <ReferralFields draft={draft} patch={patch} issues={issues} />
    </Block>
  );
}

/** Was the person referred to another structure, and which one. */
function ReferralFields({ draft, patch, issues }: SectionProps) {
  const { t } = useTranslation('activities');
  const structures = useCodeOptions('structureDeRedirection', STRUCTURES_REDIRECTION);
  const yesNo = [{ value: 'oui' as const, label: t('form.yes') }, { value: 'non' as const, label: t('form.no') }];
  return (
    <div className="activity-referral">
      <RadioGroup legend={t('fields.orienteVersStructure')} options={yesNo} value={draft.oriente} inline field="orienteVersStructure"
        onChange={(oriente) => patch({ oriente })} error={issueFor(issues, 'orienteVersStructure')} />
      {draft.oriente === 'oui' ? (
        <SelectField label={t('fields.structureDeRedirection')} options={structures} value={draft.structureDeRedirection}
          field="structureDeRedirection" placeholder={t('form.choose')} onChange={(next) => patch({ structureDeRedirection: next })}
          error={issueFor(issues, 'structureDeRedirection')} />
      ) : null}
    </div>
  );
}

export function WorkshopSection({ draft, patch, issues }: SectionProps) {
  const { t } = useTranslation('activities');
  const niveaux = useCodeOptions('niveau', NIVEAUX);
  return (
    <Block id="activity-workshop" title={t('form.sections.workshop')} className="activity-who">
      <TextField label={t('fields.titreAtelier')} value={draft.titreAtelier} field="titreAtelier" maxLength={MAX_TITLE_LENGTH}
        onChange={(titreAtelier) => patch({ titreAtelier })} error={issueFor(issues, 'titreAtelier')} />
      <RadioGroup legend={t('fields.niveau')} options={niveaux} value={draft.niveau} inline field="niveau"
        onChange={(niveau) => patch({ niveau })} error={issueFor(issues, 'niveau')} />
    </Block>
  );
}

/**
 * Who came to a workshop: anonymous participants counted, followed people ticked by code (a list as
 * long as the people followed, so across the form).
 */
export function ParticipantsSection({ draft, patch, issues, beneficiaries }: PeopleProps) {
  const { t } = useTranslation('activities');
  const setCount = (changes: Partial<ActivityDraft['counts']>) => patch({ counts: { ...draft.counts, ...changes } });
  const participantsError = issueFor(issues, 'participants');
  const message = useIssueMessage();
  return (
    <Block id="activity-participants" title={t('fields.participants')} className="activity-followed">
      <div className="activity-participants" data-field="participants">
        <h3>{t('form.anonymousTitle')}</h3>
        <p className="field-hint">{t('form.anonymousHint')}</p>
        {participantsError ? <p className="field-error" role="alert">{message(participantsError)}</p> : null}
        <div className="form-row">
          <TextField type="number" min={0} label={t('fields.participantsAnonymes_total')} value={draft.counts.total} field="participantsAnonymes.total"
            onChange={(total) => setCount({ total })} error={issueFor(issues, 'participantsAnonymes.total')} />
          <TextField type="number" min={0} label={t('fields.participantsAnonymes_dejaAccompagne')} value={draft.counts.dejaAccompagne}
            field="participantsAnonymes.dejaAccompagne" onChange={(dejaAccompagne) => setCount({ dejaAccompagne })}
            error={issueFor(issues, 'participantsAnonymes.dejaAccompagne')} />
        </div>
      </div>
      <CheckboxGroup legend={t('fields.participantIds')} hint={beneficiaries.length === 0 ? t('form.noBeneficiaries') : undefined} oneTabStop
        options={beneficiaries.map((b) => ({ value: b.id, label: b.code }))} value={draft.participantIds} columns={4} field="beneficiaryIds"
        onChange={(participantIds) => patch({ participantIds })} error={issueFor(issues, 'beneficiaryIds')} />
    </Block>
  );
}

/** A workshop's anonymous participants by gender, age band and status: often partial, so folded. */
export function BreakdownsSection({ draft, patch, issues }: SectionProps) {
  const setCount = (changes: Partial<ActivityDraft['counts']>) => patch({ counts: { ...draft.counts, ...changes } });
  return (
    <>
      {BREAKDOWN_NAMES.map((name) => (
        <BreakdownFields key={name} name={name} draft={draft} onChange={(values) => setCount({ [name]: values })}
          error={issueFor(issues, `participantsAnonymes.${name}`)} />
      ))}
    </>
  );
}

interface VillageProps extends SectionProps {
  villages: Stored<Village>[];
}

export function NotesSection({ draft, patch, issues, villages }: VillageProps) {
  const { t } = useTranslation('activities');
  const villageOptions = villages.map((v) => ({ value: v.id, label: v.commune.nom }));
  return (
    <>
      <SelectField label={t('fields.villageId')} options={villageOptions} value={draft.villageId} placeholder={t('form.noVillage')} field="villageId"
        hint={t('form.villageHint')} onChange={(villageId) => patch({ villageId })} error={issueFor(issues, 'villageId')} />
      <TextField label={t('fields.tags')} hint={t('form.tagsHint')} value={draft.tags} field="tags" onChange={(tags) => patch({ tags })} error={issueFor(issues, 'tags')} />
      <p className="notice notice--warning">{t('form.sensitiveWarning')}</p>
      <TextField multiline label={t('fields.notes')} value={draft.notes} field="notes" maxLength={MAX_NOTES_LENGTH}
        onChange={(notes) => patch({ notes })} error={issueFor(issues, 'notes')} />
    </>
  );
}

/** Does the folded part hold something (an edited or duplicated activity)? Then it opens by itself. */
export function hasMoreDetails(draft: ActivityDraft): boolean {
  const breakdowns = BREAKDOWN_NAMES.some((name) => Object.values(draft.counts[name]).some((n) => (n ?? '').trim() !== ''));
  const anonymous = draft.type === 'individuel' && draft.anonyme !== undefined
    && (draft.anonyme.genre !== '' || draft.anonyme.trancheAge !== '' || draft.anonyme.statutSocial !== '' || draft.anonyme.communeResidence !== undefined || draft.anonyme.dejaAccompagne);
  return draft.tags.trim() !== '' || draft.notes.trim() !== '' || (draft.type === 'collectif' && breakdowns) || anonymous;
}

const BREAKDOWN_CODE_LIST: Record<BreakdownName, string> = { genres: 'genre', tranchesAge: 'trancheAge', statutsSociaux: 'statutSocial' };

/** One breakdown of the anonymous participants, with live "x of total" feedback. */
function BreakdownFields({ name, draft, onChange, error }: { name: BreakdownName; draft: ActivityDraft; onChange: (values: Record<string, string>) => void; error?: ValidationIssue }) {
  const { t } = useTranslation(['activities', 'codes', 'validation']);
  const message = useIssueMessage();
  const values = draft.counts[name];
  const { sum, total } = breakdownProgress(draft.counts, name);
  const over = sum > total;
  return (
    <fieldset className={`choices breakdown${error || over ? ' field--invalid' : ''}`} data-field={`participantsAnonymes.${name}`}>
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
      {error ? <p className="field-error" role="alert">{message(error)}</p> : null}
    </fieldset>
  );
}
