/**
 * The survey form itself, for a new survey or an existing one. The state autosaves as a draft; saving
 * validates first (nothing is written when invalid), then writes through the repository and returns
 * to the village page.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { livePlacesOfVillage } from '../../db/places';
import type { Place, Stored, Survey, Village } from '../../domain/records';
import { EARLIEST_RECORD_DATE, latestRecordDate } from '../../domain/dates';
import { SURVEY_AUTHOR_MAX, validateSurvey } from '../../domain/survey';
import { ValidationError, type ValidationIssue } from '../../domain/validation';
import { ErrorSummary, issueFor, TextField } from '../../ui/form';
import { useToast } from '../../ui/toast';
import { useDraft } from '../../ui/useDraft';
import { useRead } from '../../ui/useRead';
import {
  ConnectivitySection, EquipmentSection, MaturitySection, NeedsSection, NotesSection, PlacesSection, ServicesSection,
} from './SurveySections';
import { formToSurvey, type SurveyFormState } from './surveyForm';

interface SurveyEditorProps {
  village: Stored<Village>;
  draftKey: string;
  initial: SurveyFormState;
  /** Writes the survey (create or update); may throw ValidationError. */
  save: (survey: Survey) => Promise<unknown>;
}

function useVillagePlaces(villageId: string): Stored<Place>[] {
  return useRead(livePlacesOfVillage, villageId) ?? [];
}

/** Move focus to the error summary after a failed save, so keyboard and screen-reader users land on it. */
function useFocusSummary(issues: ValidationIssue[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (issues.length > 0) ref.current?.querySelector<HTMLElement>('.error-summary')?.focus();
  }, [issues]);
  return ref;
}

export function SurveyEditor({ village, draftKey, initial, save }: SurveyEditorProps) {
  const { t } = useTranslation(['surveys', 'common']);
  const navigate = useNavigate();
  const { notify } = useToast();
  const draft = useDraft<SurveyFormState>(draftKey, initial);
  const places = useVillagePlaces(village.id);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const summaryRef = useFocusSummary(issues);

  if (!draft.ready) return null;
  const form = draft.value;
  const patch = (changes: Partial<SurveyFormState>) => draft.setValue((prev) => ({ ...prev, ...changes }));
  const villagePage = `/villages/${village.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const survey = formToSurvey(form, village.id);
    const found = validateSurvey(survey);
    setIssues(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await save(survey);
      await draft.clearDraft();
      notify(t('surveys:form.saved'), 'success');
      navigate(villagePage);
    } catch (error) {
      if (error instanceof ValidationError) setIssues(error.issues);
      else notify(t('common:errors.unexpected', { message: String(error) }), 'error');
    } finally {
      setSaving(false);
    }
  }

  async function cancel() {
    await draft.clearDraft();
    navigate(villagePage);
  }

  const sectionProps = { form, patch, issues };
  return (
    <form onSubmit={submit} noValidate aria-label={t('surveys:form.label', { name: village.commune.nom })} className="survey-form">
      {draft.restored ? <p className="notice" role="status">{t('common:form.draftRestored')}</p> : null}
      <div ref={summaryRef}>
        <ErrorSummary issues={issues} fieldLabel={(field) => t(`surveys:fields.${field}`)} />
      </div>
      <section className="form-section" aria-labelledby="survey-general">
        <h2 id="survey-general">{t('surveys:sections.general')}</h2>
        <div className="form-row">
          <TextField type="date" label={t('surveys:fields.date')} value={form.date} required min={EARLIEST_RECORD_DATE} max={latestRecordDate()}
            onChange={(date) => patch({ date })} error={issueFor(issues, 'date')} />
          <TextField label={t('surveys:fields.author')} value={form.author} required hint={t('surveys:hints.author')} maxLength={SURVEY_AUTHOR_MAX}
            onChange={(author) => patch({ author })} error={issueFor(issues, 'author')} />
        </div>
      </section>
      <ConnectivitySection {...sectionProps} />
      <EquipmentSection {...sectionProps} />
      <ServicesSection {...sectionProps} />
      <PlacesSection {...sectionProps} places={places} />
      <NeedsSection {...sectionProps} />
      <MaturitySection {...sectionProps} />
      <NotesSection {...sectionProps} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>{t('common:actions.save')}</button>
        <button type="button" className="button" onClick={() => void cancel()}>{t('common:actions.cancel')}</button>
        <Link className="button" to={villagePage}>{t('surveys:form.keepDraft')}</Link>
      </div>
    </form>
  );
}
