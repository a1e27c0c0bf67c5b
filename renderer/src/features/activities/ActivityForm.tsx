/**
 * Log or edit an activity (CRA): an individual session or a workshop. Built for 15 a day: a new form
 * starts from the place, duration and equipment of the last one logged on this laptop, the cursor
 * waits on the first field still to fill, the essentials fit on one screen, the rest is folded
 * (remembered open or closed), and Ctrl+S saves, Ctrl+Shift+S saves and starts the next one.
 * The draft is autosaved, so a closed window loses nothing; nothing is stored until the whole
 * activity is valid.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { getRelais } from '../../db';
import { readRememberedDetails } from '../../db/activityDefaults';
import { saveActivityFromForm } from '../../db/activities';
import { liveBeneficiaries } from '../../db/beneficiaries';
import { livePlacesByName } from '../../db/places';
import { liveVillagesByName } from '../../db/villages';
import { validateNewActivity } from '../../domain/activity';
import { structuresOf } from '../../domain/profile';
import { readProfile } from '../../db/profile';
import { ACTIVITY_TYPES, isOneOf, type ActivityType } from '../../domain/codes';
import { dataOf, type Activity, type Place, type Stored, type Village } from '../../domain/records';
import { rememberedFrom, type RememberedDetails } from '../../domain/rememberedDetails';
import type { ValidationIssue } from '../../domain/validation';
import { todayIso } from '../../i18n/format';
import { Disclosure } from '../../ui/Disclosure';
import { ErrorSummary, focusField, revealField } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { ariaKeys, Shortcut, useShortcut } from '../../ui/shortcuts';
import { useToast } from '../../ui/toast';
import { useDraft } from '../../ui/useDraft';
import { useMayChange, useRead, useRecord } from '../../ui/useRead';
import {
  activityFromDraft, draftFromActivity, duplicateDraft, emptyDraft, firstFieldToFill, withRemembered, type ActivityDraft, type LiveChoices,
} from './draft';
import { listFocusState } from './focusAfterSave';
import {
  BreakdownsSection, ParticipantsSection, hasMoreDetails, IndividualSection, NotesSection, TypeChoice, WhatSection, WhenSection, WhereSection, WorkshopSection,
} from './sections';
import { AnonymousPersonFields, StructureField } from './nationalFields';
import { ActivityDetails } from './ActivityDetails';

function liveChoices(places: Stored<Place>[], villages: Stored<Village>[]): LiveChoices {
  return { placeIds: new Set(places.map((p) => p.id)), villageIds: new Set(villages.map((v) => v.id)) };
}

/** `/activities/new?type=…[&village=…][&from=<id>]`: a new activity, or a copy of `from`. */
export function NewActivityPage() {
  const [params] = useSearchParams();
  const requested = params.get('type');
  const from = params.get('from') ?? undefined;
  const remembered = useRead(readRememberedDetails);
  const places = useRead(livePlacesByName);
  const villages = useRead(liveVillagesByName);
  const source = useRecord('activity', from);
  if (remembered === undefined || places === undefined || villages === undefined || (from && source === undefined)) return null;
  const copied = source && !source.deleted ? dataOf<Activity>(source) : undefined;
  const type: ActivityType = copied?.type ?? (isOneOf(ACTIVITY_TYPES, requested) ? requested : 'individuel');
  const live = liveChoices(places, villages);
  const fresh = (details: RememberedDetails | undefined, date = todayIso()) =>
    withRemembered(emptyDraft(type, date, params.get('village') ?? ''), details, live);
  const draftKey = copied ? `activity:copy:${from}` : `activity:new:${type}`;
  return (
    <ActivityForm key={draftKey} draftKey={draftKey} initial={copied ? duplicateDraft(copied) : fresh(remembered[type])} copied={Boolean(copied)}
      places={places} villages={villages} next={(saved) => fresh(rememberedFrom(saved), saved.date)} />
  );
}

export function EditActivityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('activities');
  const record = useRecord('activity', id);
  const mayChange = useMayChange('activity', record);
  const places = useRead(livePlacesByName);
  const villages = useRead(liveVillagesByName);
  if (record === undefined || places === undefined || villages === undefined || (mayChange === undefined && record !== null)) return null;
  if (record === null || record.deleted) {
    return <Page title={t('form.titleEdit')}><EmptyState>{t('common:errors.notFound')}</EmptyState></Page>;
  }
  if (!mayChange) return <ActivityDetails activity={record} places={places} villages={villages} />;
  return <ActivityForm key={id} draftKey={`activity:${id}`} initial={draftFromActivity(record)} editingId={id} places={places} villages={villages} />;
}

interface FormProps {
  draftKey: string;
  initial: ActivityDraft;
  editingId?: string;
  /** A copy of another activity ("Duplicate"). */
  copied?: boolean;
  places: Stored<Place>[];
  villages: Stored<Village>[];
  /** The form that follows a "save and new" (a new form only; an edit goes to a new page). */
  next?: (saved: Activity) => ActivityDraft;
}

type AfterSave = 'list' | 'new';

function ActivityForm({ draftKey, initial, editingId, copied, places, villages, next }: FormProps) {
  const { t } = useTranslation('activities');
  const navigate = useNavigate();
  const toast = useToast();
  const { value: draft, setValue, restored, ready, clearDraft, reset } = useDraft<ActivityDraft>(draftKey, initial);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const saving = useRef(false);
  const beneficiaries = useRead(liveBeneficiaries) ?? [];
  const profile = useRead(readProfile);
  const structures = profile ? structuresOf(profile) : [];
  const patch = (changes: Partial<ActivityDraft>) => setValue((prev) => ({ ...prev, ...changes }));

  /** The cursor on the first field still to fill (on a new form; an edit starts where the person clicks). */
  const focusStart = useCallback((form: ActivityDraft) => {
    requestAnimationFrame(() => { if (formRef.current) focusField(formRef.current, firstFieldToFill(form), { reveal: false }); });
  }, []);
  useEffect(() => {
    if (ready && !editingId) focusStart(draft);
    // Once, when the draft is loaded: later changes must not move the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  async function save(after: AfterSave) {
    if (saving.current) return; // a double Ctrl+S must not save twice
    const activity = activityFromDraft(draft, structures);
    const found = validateNewActivity(activity);
    setIssues(found);
    if (found.length > 0) {
      // Let the summary render, open the sections holding the faulty fields, then bring the summary into view.
      requestAnimationFrame(() => {
        const form = formRef.current;
        if (!form) return;
        for (const issue of found) revealField(form, issue.field);
        form.querySelector<HTMLElement>('.error-summary')?.focus();
      });
      return;
    }
    saving.current = true;
    try {
      const id = await store(activity);
      toast.notify(t(editingId ? 'form.updated' : 'form.saved'), 'success');
      if (after === 'list') {
        await clearDraft();
        navigate('/activities', { state: listFocusState(id) });
      } else if (editingId || !next) {
        await clearDraft();
        navigate(`/activities/new?type=${activity.type}`);
      } else {
        const following = next(activity);
        await reset(following);
        focusStart(following);
      }
    } finally {
      saving.current = false;
    }
  }

  /** Writes the activity, in one transaction with its draft's end (a new one also becomes where the next one starts from). */
  function store(activity: Activity): Promise<string> {
    return saveActivityFromForm(getRelais(), { activity, editingId, draftKey });
  }

  useShortcut('save', () => void save('list'));
  useShortcut('saveAndNew', () => void save('new'));

  async function cancel() {
    await clearDraft();
    navigate('/activities');
  }

  if (!ready) return null;
  const title = editingId ? t('form.titleEdit') : copied ? t('form.titleCopy') : t(`form.titleNew_${draft.type}`);
  const sectionProps = { draft, patch, issues };
  const actions = editingId ? (
    <Link className="button" to={`/activities/new?from=${editingId}`}>{t('form.duplicate')}</Link>
  ) : null;
  return (
    <Page title={title} actions={actions}>
      <form ref={formRef} className="activity-form" onSubmit={(e) => { e.preventDefault(); void save('list'); }} noValidate aria-label={title}>
        {restored ? <p className="notice">{t('common:form.draftRestored')}</p> : null}
        {copied ? <p className="notice">{t('form.copyNotice')}</p> : null}
        <ErrorSummary issues={issues} fieldLabel={(field) => t(`fields.${field.replace('.', '_')}`)} />
        <div className="activity-essentials">
          <TypeChoice {...sectionProps} />
          <WhenSection {...sectionProps} />
          <WhereSection {...sectionProps} places={places} villages={villages} />
          <WhatSection {...sectionProps} />
          {draft.type === 'individuel' ? <IndividualSection {...sectionProps} beneficiaries={beneficiaries} /> : (
            <>
              <WorkshopSection {...sectionProps} />
              <ParticipantsSection {...sectionProps} beneficiaries={beneficiaries} />
            </>
          )}
        </div>
        <StructureField {...sectionProps} structures={structures} />
        <Disclosure key={draft.type} title={t('form.more')} summary={t(`form.moreSummary_${draft.type}`)} rememberAs={`activity.more.${draft.type}`}
          openAtFirst={hasMoreDetails(initial)} className="form-section activity-more">
          {draft.type === 'collectif' ? <BreakdownsSection {...sectionProps} /> : null}
          {draft.type === 'individuel' && !draft.beneficiaryId
            ? <AnonymousPersonFields value={draft.anonyme} onChange={(anonyme) => patch({ anonyme })} issues={issues} /> : null}
          <NotesSection {...sectionProps} villages={villages} />
        </Disclosure>
        <div className="form-actions activity-actions">
          <button type="submit" className="button button--primary button--large" aria-keyshortcuts={ariaKeys('save')}>
            {t('common:actions.save')}<span aria-hidden="true"><Shortcut name="save" /></span>
          </button>
          <button type="button" className="button button--large" aria-keyshortcuts={ariaKeys('saveAndNew')} onClick={() => void save('new')}>
            {t('form.saveAndNew')}<span aria-hidden="true"><Shortcut name="saveAndNew" /></span>
          </button>
          <button type="button" className="button button--large" onClick={cancel}>{t('common:actions.cancel')}</button>
        </div>
      </form>
    </Page>
  );
}
