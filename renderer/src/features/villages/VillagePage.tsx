/**
 * A village: its commune, its latest diagnostic at a glance, every diagnostic over time, and what
 * happens there (activities, places). Deleting it is a soft delete with an undo toast.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { liveActivitiesOfVillage } from '../../db/activities';
import { livePlacesOfVillage } from '../../db/places';
import { liveSurveysOfVillage } from '../../db/surveys';
import type { Activity, Place, Stored, Survey, Village } from '../../domain/records';
import { surveysNewestFirst } from '../../domain/survey';
import { formatDate, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { useRead, useRecord } from '../../ui/useRead';
import { activityTitle } from '../../ui/activityTitle';
import { departementName } from '../communes/departements';
import { SurveySummary } from '../surveys/SurveySummary';
import { WriteAction } from '../../ui/readOnly';

/** A village page lists the most recent activities; the activities screen has them all. */
const ACTIVITIES_SHOWN = 20;

/** "Nièvre (58)": the name people use, with the code that sorts and files. */
function departementLabel(code: string): string {
  const name = departementName(code);
  return name ? `${name} (${code})` : code;
}

function VillageFacts({ village }: { village: Stored<Village> }) {
  const { t } = useTranslation('villages');
  return (
    <dl className="village-facts">
      <div><dt>{t('facts.postcode')}</dt><dd>{village.commune.codePostal}</dd></div>
      <div><dt>{t('facts.departement')}</dt><dd>{departementLabel(village.departement)}</dd></div>
      <div><dt>{t('facts.population')}</dt><dd><span>{village.population !== undefined ? formatNumber(village.population) : t('facts.unknown')}</span>
        {village.population !== undefined && village.anneePopulation !== undefined ? <span className="field-hint"> {t('facts.census', { year: village.anneePopulation })}</span> : null}</dd></div>
      <div><dt>{t('facts.insee')}</dt><dd>{village.commune.codeInsee}</dd></div>
    </dl>
  );
}

function SurveysSection({ villageId, surveys }: { villageId: string; surveys: Stored<Survey>[] }) {
  const { t } = useTranslation(['villages', 'codes']);
  const latest = surveys[0];
  return (
    <>
      <section className="card village-section" aria-labelledby="latest-survey">
        <h2 id="latest-survey">{t('page.latestSurvey')}</h2>
        {latest ? <SurveySummary survey={latest} /> : (
          <p>{t('page.noSurvey')} <Link to={`/surveys/new?village=${villageId}`}>{t('page.firstSurvey')}</Link></p>
        )}
      </section>
      <section className="card village-section" aria-labelledby="all-surveys">
        <h2 id="all-surveys">{t('page.surveys', { count: surveys.length })}</h2>
        {surveys.length === 0 ? <p className="row-meta">{t('page.noSurveys')}</p> : (
          <ul className="plain-list">
            {surveys.map((s) => (
              <li key={s.id}>
                <Link to={`/surveys/${s.id}/edit`}>{t('page.surveyOf', { date: formatDate(s.date, 'long') })}</Link>
                <span className="row-meta"> · {s.author}{s.stadeMaturite ? ` · ${t(`codes:stadeMaturite.${s.stadeMaturite}`)}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ActivitiesSection({ activities }: { activities: Stored<Activity>[] }) {
  const { t } = useTranslation(['villages', 'codes']);
  const recent = [...activities].sort((a, b) => b.date.localeCompare(a.date)).slice(0, ACTIVITIES_SHOWN);
  return (
    <section className="card village-section" aria-labelledby="village-activities">
      <h2 id="village-activities">{t('page.activities', { count: activities.length })}</h2>
      {recent.length === 0 ? <p className="row-meta">{t('page.noActivities')}</p> : (
        <ul className="plain-list">
          {recent.map((a) => (
            <li key={a.id}>
              <Link to={`/activities/${a.id}/edit`}>{activityTitle(a, t)}</Link>
              <span className="row-meta"> · {formatDate(a.date)} · {t(`codes:type.${a.type}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {activities.length > recent.length ? <p className="row-meta">{t('page.moreActivities', { count: activities.length - recent.length })}</p> : null}
    </section>
  );
}

function PlacesSection({ places }: { places: Stored<Place>[] }) {
  const { t } = useTranslation('villages');
  return (
    <section className="card village-section" aria-labelledby="village-places">
      <h2 id="village-places">{t('page.places', { count: places.length })}</h2>
      {places.length === 0 ? <p className="row-meta">{t('page.noPlaces')}</p> : (
        <ul className="plain-list">
          {places.map((p) => (
            <li key={p.id}><Link to={`/places/${p.id}/edit`}>{p.nom}</Link> <span className="row-meta">· {p.adresse}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

function useDeleteVillage(village: Stored<Village> | null | undefined) {
  const { t } = useTranslation('villages');
  const navigate = useNavigate();
  const { notifyWithUndo } = useToast();
  const [asking, setAsking] = useState(false);
  async function confirm() {
    setAsking(false);
    if (!village) return;
    const { villages } = getRelais();
    await villages.remove(village.id);
    notifyWithUndo(t('delete.done', { name: village.commune.nom }), () => villages.restore(village.id));
    navigate('/villages');
  }
  const dialog = (
    <ConfirmDialog open={asking} title={t('delete.title', { name: village?.commune.nom ?? '' })} message={t('delete.message')}
      confirmLabel={t('delete.confirm')} danger onConfirm={() => void confirm()} onCancel={() => setAsking(false)} />
  );
  return { ask: () => setAsking(true), dialog };
}

export function VillagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['villages', 'common']);
  const village = useRecord('village', id);
  const surveys = useRead(liveSurveysOfVillage, id);
  const activities = useRead(liveActivitiesOfVillage, id);
  const places = useRead(livePlacesOfVillage, id);
  const deletion = useDeleteVillage(village);

  if (village === undefined) return null;
  if (village === null || village.deleted === 1) {
    return (
      <Page title={t('page.notFoundTitle')}>
        <EmptyState><p>{t('common:errors.notFound')}</p><Link to="/villages">{t('page.backToList')}</Link></EmptyState>
      </Page>
    );
  }
  const actions = (
    <WriteAction>
      <Link className="button button--primary" to={`/surveys/new?village=${village.id}`}>{t('page.newSurvey')}</Link>
      <Link className="button" to={`/activities/new?type=individuel&village=${village.id}`}>{t('page.newActivity')}</Link>
      <button type="button" className="button button--danger" onClick={deletion.ask}>{t('page.delete')}</button>
    </WriteAction>
  );
  return (
    <Page title={village.commune.nom} actions={actions} className="village-page">
      <p><Link to="/villages">{t('page.backToList')}</Link></p>
      <VillageFacts village={village} />
      {village.notes ? <p className="village-notes">{village.notes}</p> : null}
      <SurveysSection villageId={village.id} surveys={surveysNewestFirst(surveys ?? [])} />
      <div className="village-columns">
        <ActivitiesSection activities={activities ?? []} />
        <PlacesSection places={places ?? []} />
      </div>
      {deletion.dialog}
    </Page>
  );
}
