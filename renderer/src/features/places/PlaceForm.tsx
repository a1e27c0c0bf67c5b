/**
 * `/places/new?village=<id>` and `/places/:id/edit`. The outer components load what the form starts
 * from (the record, or the village whose commune pre-fills a new place); `PlaceFormBody` then owns the
 * state, autosaved as a draft, and saves through the repository.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { liveVillageOfCommune } from '../../db/villages';
import {
  DISPOSITIFS, FRAIS, ITINERANCE, MODALITES_ACCES, MODALITES_ACCOMPAGNEMENT, PRISES_EN_CHARGE, PUBLICS, SERVICES,
} from '../../domain/codes';
import { itinerancesOf, PLACE_LIMITS, validatePlace } from '../../domain/place';
import { dataOf, type CommuneRef, type Place } from '../../domain/records';
import { ValidationError, type ValidationIssue } from '../../domain/validation';
import { todayIso } from '../../i18n/format';
import { CheckboxGroup, ErrorSummary, issueFor, TextField, useCodeOptions } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useDraft } from '../../ui/useDraft';
import { useRecord } from '../../ui/useRead';
import { useToast } from '../../ui/toast';
import { CommunePicker } from '../communes/CommunePicker';
import { emptyPlaceDraft, placeFromDraft, type PlaceDraft } from './placeDraft';
import { ContactFields, OpeningHoursEditor, TypologiePicker } from './placeFields';
import { readProfile } from '../../db/profile';

export function NewPlace() {
  const [params] = useSearchParams();
  const villageId = params.get('village') ?? '';
  // `null` = no village asked for (or not found): the form starts empty.
  const village = useRecord('village', villageId);
  if (village === undefined) return null;
  const live = village && village.deleted === 0 ? village : undefined;
  return <PlaceFormBody draftKey={live ? `place:new:${live.id}` : 'place:new'} initial={emptyPlaceDraft(live?.commune, live?.id)} />;
}

export function EditPlace() {
  const { id = '' } = useParams();
  const { t } = useTranslation('places');
  const record = useRecord('place', id);
  // Keep the first version read: later live updates (e.g. our own save) must not reset the form.
  const [original, setOriginal] = useState<Place | null | undefined>(undefined);
  useEffect(() => {
    if (record !== undefined && original === undefined) setOriginal(record && record.deleted === 0 ? dataOf(record) : null);
  }, [record, original]);
  if (original === undefined) return null;
  if (original === null) return <Page title={t('form.editTitle')}><EmptyState>{t('form.notFound')}</EmptyState></Page>;
  return <PlaceFormBody draftKey={`place:${id}`} initial={original} recordId={id} original={original} />;
}

interface BodyProps {
  draftKey: string;
  initial: PlaceDraft;
  recordId?: string;
  original?: Place;
}

function PlaceFormBody({ draftKey, initial, recordId, original }: BodyProps) {
  const { t } = useTranslation(['places', 'common']);
  const navigate = useNavigate();
  const { notify } = useToast();
  const { value: draft, setValue, restored, ready, clearDraft } = useDraft<PlaceDraft>(draftKey, initial);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const villageName = useVillageName(draft.villageId);

  function set<K extends keyof PlaceDraft>(key: K, value: PlaceDraft[K]) {
    setValue((prev) => ({ ...prev, [key]: value }));
  }

  async function chooseCommune(commune: CommuneRef | undefined) {
    set('commune', commune);
    const village = await liveVillageOfCommune(getRelais().db, commune?.codeInsee);
    set('villageId', village?.id);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const place = placeFromDraft({ ...draft }, original, todayIso());
    const found = validatePlace(place);
    setIssues(found);
    if (found.length > 0) return focusSummary();
    setSaving(true);
    try {
      await save(place, recordId);
      await clearDraft();
      notify(t('form.saved'), 'success');
      navigate('/places');
    } catch (error) {
      if (error instanceof ValidationError) { setIssues(error.issues); focusSummary(); } else throw error;
    } finally {
      setSaving(false);
    }
  }

  async function cancel() {
    await clearDraft();
    navigate('/places');
  }

  if (!ready) return null;
  const issue = (field: string) => issueFor(issues, field);
  return (
    <Page title={recordId ? t('form.editTitle') : t('form.newTitle')}>
      {restored ? <p className="notice" role="status">{t('common:form.draftRestored')}</p> : null}
      <form className="place-form" onSubmit={(e) => void submit(e)} noValidate aria-label={recordId ? t('form.editTitle') : t('form.newTitle')}>
        <ErrorSummary issues={issues} fieldLabel={(field) => t(`fields.${field.split('.')[0]}`)} />
        <IdentitySection draft={draft} set={set} issue={issue} onCommune={(c) => void chooseCommune(c)} villageName={villageName} />
        <OfferSection draft={draft} set={set} issue={issue} />
        <AccessSection draft={draft} set={set} issue={issue} />
        <ContactFields draft={draft} set={set} issue={issue} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>{t('common:actions.save')}</button>
          <button type="button" className="button" onClick={() => void cancel()}>{t('common:actions.cancel')}</button>
        </div>
      </form>
    </Page>
  );
}

async function save(place: Place, recordId: string | undefined): Promise<void> {
  const { places } = getRelais();
  // Attach to the commune's village at save time too: the village may have been added meanwhile.
  const village = await liveVillageOfCommune(getRelais().db, place.commune.codeInsee);
  // The national schema's `source`: the structure that collected the place (this profile's), set once.
  const source = place.source ?? (await readProfile(getRelais().db))?.structure;
  const withVillage = { ...place, villageId: village?.id ?? place.villageId, ...(source ? { source } : {}) };
  if (recordId) await places.update(recordId, withVillage);
  else await places.create(withVillage);
}

function focusSummary() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.place-form .error-summary')?.focus());
}

function useVillageName(villageId: string | undefined): string | undefined {
  const village = useRecord('village', villageId);
  return village && village.deleted === 0 ? village.commune.nom : undefined;
}

interface SectionProps {
  draft: PlaceDraft;
  set: <K extends keyof PlaceDraft>(key: K, value: PlaceDraft[K]) => void;
  issue: (field: string) => ValidationIssue | undefined;
}

function IdentitySection({ draft, set, issue, onCommune, villageName }: SectionProps & { onCommune: (c: CommuneRef | undefined) => void; villageName?: string }) {
  const { t } = useTranslation('places');
  return (
    <section className="form-section" aria-labelledby="place-identity">
      <h2 id="place-identity">{t('form.identity')}</h2>
      <TextField label={t('fields.nom')} value={draft.nom} onChange={(v) => set('nom', v)} required error={issue('nom')} autoFocus maxLength={PLACE_LIMITS.nom} />
      <TypologiePicker draft={draft} set={set} issue={issue} />
      <div className="form-row">
        <TextField label={t('fields.adresse')} hint={t('fields.adresseHint')} value={draft.adresse} onChange={(v) => set('adresse', v)} required error={issue('adresse')} maxLength={PLACE_LIMITS.adresse} />
        <TextField label={t('fields.complementAdresse')} hint={t('fields.complementHint')} value={draft.complementAdresse ?? ''}
          onChange={(v) => set('complementAdresse', v || undefined)} error={issue('complementAdresse')} maxLength={PLACE_LIMITS.complementAdresse} />
      </div>
      <CommunePicker label={t('fields.commune')} value={draft.commune} onChange={onCommune} required error={issue('commune')} />
      {draft.commune ? (
        <p className="notice" role="status">{villageName ? t('form.villageAttached', { name: villageName }) : t('form.noVillage')}</p>
      ) : null}
      <TextField label={t('fields.pivot')} hint={t('fields.pivotHint')} value={draft.pivot ?? ''} onChange={(v) => set('pivot', v || undefined)} error={issue('pivot')} />
    </section>
  );
}

function OfferSection({ draft, set, issue }: SectionProps) {
  const { t } = useTranslation('places');
  const services = useCodeOptions<string>('services', SERVICES);
  const dispositifs = useCodeOptions<string>('dispositifs', DISPOSITIFS);
  const accompagnement = useCodeOptions<string>('modalitesAccompagnement', MODALITES_ACCOMPAGNEMENT);
  const publics = useCodeOptions<string>('publics', PUBLICS);
  const priseEnCharge = useCodeOptions<string>('priseEnCharge', PRISES_EN_CHARGE);
  return (
    <>
      <section className="form-section" aria-labelledby="place-offer">
        <h2 id="place-offer">{t('form.offer')}</h2>
        <p className="field-hint">{t('form.schemaNote')}</p>
        <CheckboxGroup legend={t('fields.services')} options={services} value={draft.services} onChange={(v) => set('services', v)} error={issue('services')} />
        <CheckboxGroup legend={t('fields.modalitesAccompagnement')} options={accompagnement} value={draft.modalitesAccompagnement}
          onChange={(v) => set('modalitesAccompagnement', v)} error={issue('modalitesAccompagnement')} />
        <CheckboxGroup legend={t('fields.dispositifs')} options={dispositifs} value={draft.dispositifs} onChange={(v) => set('dispositifs', v)} error={issue('dispositifs')} />
      </section>
      <section className="form-section" aria-labelledby="place-publics">
        <h2 id="place-publics">{t('form.publics')}</h2>
        <CheckboxGroup legend={t('fields.publics')} options={publics} value={draft.publics} onChange={(v) => set('publics', v)} error={issue('publics')} columns={3} />
        <CheckboxGroup legend={t('fields.priseEnChargeSpecifique')} options={priseEnCharge} value={draft.priseEnChargeSpecifique}
          onChange={(v) => set('priseEnChargeSpecifique', v)} error={issue('priseEnChargeSpecifique')} />
      </section>
    </>
  );
}

function AccessSection({ draft, set, issue }: SectionProps) {
  const { t } = useTranslation('places');
  const frais = useCodeOptions<string>('frais', FRAIS);
  const acces = useCodeOptions<string>('modalitesAcces', MODALITES_ACCES);
  const itinerance = useCodeOptions<string>('itinerance', ITINERANCE);
  return (
    <section className="form-section" aria-labelledby="place-access">
      <h2 id="place-access">{t('form.access')}</h2>
      <CheckboxGroup legend={t('fields.fraisACharge')} options={frais} value={draft.fraisACharge} onChange={(v) => set('fraisACharge', v)} error={issue('fraisACharge')} columns={3} />
      <CheckboxGroup legend={t('fields.modalitesAcces')} options={acces} value={draft.modalitesAcces} onChange={(v) => set('modalitesAcces', v)} error={issue('modalitesAcces')} />
      <div className="form-row">
        <CheckboxGroup legend={t('fields.itinerance')} options={itinerance} value={itinerancesOf(draft)} columns={2}
          onChange={(v) => set('itinerance', v.length > 0 ? v : undefined)} error={issue('itinerance')} />
      </div>
      <OpeningHoursEditor draft={draft} set={set} issue={issue} />
      <TextField label={t('fields.presentationResume')} multiline value={draft.presentationResume ?? ''}
        hint={t('fields.presentationHint')} maxLength={PLACE_LIMITS.presentationResume}
        onChange={(v) => set('presentationResume', v || undefined)} error={issue('presentationResume')} />
    </section>
  );
}
