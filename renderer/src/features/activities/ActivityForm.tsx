/**
 * Log or edit an activity (CRA): an individual session or a workshop. The draft is autosaved, so a
 * closed window loses nothing; nothing is stored until the whole activity is valid.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { getRelais } from '../../db';
import { liveBeneficiaries } from '../../db/beneficiaries';
import { livePlacesByName } from '../../db/places';
import { liveVillagesByName } from '../../db/villages';
import { validateNewActivity } from '../../domain/activity';
import { structuresOf } from '../../domain/profile';
import { readProfile } from '../../db/profile';
import { ACTIVITY_TYPES, isOneOf, type ActivityType } from '../../domain/codes';
import type { ValidationIssue } from '../../domain/validation';
import { todayIso } from '../../i18n/format';
import { ErrorSummary, RadioGroup, useCodeOptions } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { useDraft } from '../../ui/useDraft';
import { useRead, useRecord } from '../../ui/useRead';
import { activityFromDraft, draftFromActivity, emptyDraft, type ActivityDraft } from './draft';
import { IndividualSection, NotesSection, WhatSection, WhenSection, WhereSection, WorkshopSection } from './sections';
import { StructureField } from './nationalFields';

/** Places and villages for the selects (live ones, by name), read once per change of those tables. */
function usePlacesAndVillages() {
  return { places: useRead(livePlacesByName) ?? [], villages: useRead(liveVillagesByName) ?? [] };
}

export function NewActivityPage() {
  const [params] = useSearchParams();
  const requested = params.get('type');
  const type: ActivityType = isOneOf(ACTIVITY_TYPES, requested) ? requested : 'individuel';
  const initial = emptyDraft(type, todayIso(), params.get('village') ?? '');
  const draftKey = `activity:new:${type}`;
  return <ActivityForm key={draftKey} draftKey={draftKey} initial={initial} />;
}

export function EditActivityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('activities');
  const record = useRecord('activity', id);
  if (record === undefined) return null;
  if (record === null || record.deleted) {
    return <Page title={t('form.titleEdit')}><EmptyState>{t('common:errors.notFound')}</EmptyState></Page>;
  }
  return <ActivityForm key={id} draftKey={`activity:${id}`} initial={draftFromActivity(record)} editingId={id} />;
}

interface FormProps {
  draftKey: string;
  initial: ActivityDraft;
  editingId?: string;
}

function ActivityForm({ draftKey, initial, editingId }: FormProps) {
  const { t } = useTranslation('activities');
  const navigate = useNavigate();
  const toast = useToast();
  const { value: draft, setValue, restored, ready, clearDraft } = useDraft<ActivityDraft>(draftKey, initial);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { places, villages } = usePlacesAndVillages();
  const beneficiaries = useRead(liveBeneficiaries) ?? [];
  const profile = useRead(readProfile);
  const structures = profile ? structuresOf(profile) : [];
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  const patch = (changes: Partial<ActivityDraft>) => setValue((prev) => ({ ...prev, ...changes }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const activity = activityFromDraft(draft, structures);
    const found = validateNewActivity(activity);
    setIssues(found);
    if (found.length > 0) {
      // Let the summary render, then bring it into view so the person sees what to fix.
      requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus());
      return;
    }
    const repo = getRelais().activities;
    if (editingId) await repo.update(editingId, activity);
    else await repo.create(activity);
    await clearDraft();
    toast.notify(t(editingId ? 'form.updated' : 'form.saved'), 'success');
    navigate('/activities');
  }

  async function cancel() {
    await clearDraft();
    navigate('/activities');
  }

  if (!ready) return null;
  const title = editingId ? t('form.titleEdit') : t(`form.titleNew_${draft.type}`);
  const sectionProps = { draft, patch, issues };
  return (
    <Page title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        {restored ? <p className="notice">{t('common:form.draftRestored')}</p> : null}
        <div ref={summaryRef}>
          <ErrorSummary issues={issues} fieldLabel={(field) => t(`fields.${field.replace('.', '_')}`)} />
        </div>
        <RadioGroup legend={t('fields.type')} options={types} value={draft.type} columns={2} onChange={(type) => patch({ type })} />
        <WhenSection {...sectionProps} />
        <WhereSection {...sectionProps} places={places} villages={villages} />
        <StructureField {...sectionProps} structures={structures} />
        <WhatSection {...sectionProps} />
        {draft.type === 'individuel'
          ? <IndividualSection {...sectionProps} beneficiaries={beneficiaries} />
          : <WorkshopSection {...sectionProps} beneficiaries={beneficiaries} />}
        <NotesSection {...sectionProps} />
        <div className="form-actions">
          <button type="submit" className="button button--primary button--large">{t('common:actions.save')}</button>
          <button type="button" className="button button--large" onClick={cancel}>{t('common:actions.cancel')}</button>
        </div>
      </form>
    </Page>
  );
}
