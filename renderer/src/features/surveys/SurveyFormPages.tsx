/**
 * `/surveys/new?village=<id>` and `/surveys/:id/edit`. Each waits for what the form's first state
 * depends on (the village, the profile for the default author, or the stored survey) before mounting
 * the editor, so the draft hook starts from the right initial value.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { surveyWithVillage } from '../../db/surveys';
import { liveVillagesNewestFirst } from '../../db/villages';
import type { Stored, Survey, Village } from '../../domain/records';
import { formatDate, todayIso } from '../../i18n/format';
import { SelectField } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { readProfile } from '../../db/profile';
import { useRead, useRecord } from '../../ui/useRead';
import { SurveyEditor } from './SurveyEditor';
import { emptySurveyForm, surveyToForm } from './surveyForm';

function NotFound() {
  const { t } = useTranslation(['surveys', 'common']);
  return (
    <Page title={t('surveys:form.notFoundTitle')}>
      <EmptyState><p>{t('common:errors.notFound')}</p><Link to="/surveys">{t('surveys:list.backToList')}</Link></EmptyState>
    </Page>
  );
}

/** Without a village in the address, ask which village the survey is about. */
function ChooseVillage() {
  const { t } = useTranslation(['surveys', 'common']);
  const villages = useRead(liveVillagesNewestFirst);
  const navigate = useNavigate();
  const [villageId, setVillageId] = useState('');
  if (villages === undefined) return null;
  const options = villages.map((v) => ({ value: v.id, label: `${v.commune.nom} (${v.commune.codePostal})` }));
  return (
    <Page title={t('surveys:form.newTitle')}>
      {options.length === 0 ? (
        <EmptyState><p>{t('surveys:form.noVillage')}</p><Link className="button button--primary" to="/villages/new">{t('surveys:form.addVillage')}</Link></EmptyState>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); if (villageId) navigate(`/surveys/new?village=${villageId}`); }} aria-label={t('surveys:form.chooseVillage')}>
          <SelectField label={t('surveys:form.chooseVillage')} options={options} value={villageId} onChange={setVillageId} required />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={!villageId}>{t('surveys:form.continue')}</button>
          </div>
        </form>
      )}
    </Page>
  );
}

function NewSurveyFor({ villageId }: { villageId: string }) {
  const { t } = useTranslation('surveys');
  const village = useRecord('village', villageId);
  const profile = useRead(readProfile);
  if (village === undefined || profile === undefined) return null;
  if (village === null || village.deleted === 1) return <NotFound />;
  return (
    <Page title={t('form.newTitleFor', { name: village.commune.nom })}>
      <SurveyEditor village={village} draftKey={`survey:new:${village.id}`}
        initial={emptySurveyForm(todayIso(), profile?.displayName ?? '')}
        save={(survey) => getRelais().surveys.create(survey)} />
    </Page>
  );
}

export function NewSurveyPage() {
  const [params] = useSearchParams();
  const villageId = params.get('village');
  return villageId ? <NewSurveyFor key={villageId} villageId={villageId} /> : <ChooseVillage />;
}

function EditSurvey({ survey, village }: { survey: Stored<Survey>; village: Stored<Village> }) {
  const { t } = useTranslation('surveys');
  return (
    <Page title={t('form.editTitle', { name: village.commune.nom, date: formatDate(survey.date, 'long') })}>
      <SurveyEditor village={village} draftKey={`survey:${survey.id}`} initial={surveyToForm(survey)}
        save={(next) => getRelais().surveys.update(survey.id, next)} />
    </Page>
  );
}

export function EditSurveyPage() {
  const { id = '' } = useParams();
  // Live, but the editor keeps its own state once mounted (useDraft reads `initial` only once), so a
  // background change does not reset the form under the user's fingers.
  const loaded = useRead(surveyWithVillage, id);
  if (loaded === undefined) return null;
  const { survey, village } = loaded;
  if (!survey || survey.deleted === 1 || !village || village.deleted === 1) return <NotFound />;
  return <EditSurvey key={survey.id} survey={survey} village={village} />;
}
