/**
 * `/`: fitted to the role chosen at first run — a coordinator's home is her territory (the team's
 * month, who went quiet), a trainer's her next sessions, a mediator's her day — with her own activity
 * (this laptop's only), what waits to be exported, shortcuts, villages still to diagnose, offline status.
 */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { WriteAction } from '../../ui/readOnly';
import { readHomeStats, type HomeStats } from '../../db/home';
import { readProfile } from '../../db/profile';
import { formatMonth, formatNumber, todayIso } from '../../i18n/format';
import { Page } from '../../ui/Page';
import { ariaKeys, Shortcut } from '../../ui/shortcuts';
import { useRead } from '../../ui/useRead';
import { UnexportedChangesCard } from '../sync';
import { TerritoryCard } from './CoordinatorHome';
import { NextSessions } from './TrainerHome';
import { MyDay } from './MyDay';
import { FolderStatusCard } from '../folders';

export function Home() {
  const { t } = useTranslation('home');
  const profile = useRead(readProfile);
  const today = todayIso();
  const stats = useRead(readHomeStats, today);
  const role = profile?.role;
  return (
    <Page title={profile ? t('greeting', { name: profile.displayName }) : t('title')} className="home">
      <p className="lead">{role === 'coordinateur' ? t('introCoordinator') : role === 'formateur' ? t('introTrainer') : t('intro')}</p>
      {role === 'coordinateur' ? <TerritoryCard today={today} /> : null}
      {role === 'formateur' ? <NextSessions today={today} /> : null}
      <section aria-labelledby="home-activity">
        <h2 id="home-activity">{t('activity.title')}</h2>
        <div className="cards">
          <Stat value={stats?.today} label={(count) => t('activity.today', { count })} />
          <Stat value={stats?.month} label={(count) => t('activity.month', { count, month: formatMonth(today) })} />
        </div>
      </section>
      {role === 'mediateur' ? <MyDay today={today} /> : null}
      <UnexportedChangesCard />
      <FolderStatusCard />
      <WriteAction><Shortcuts /></WriteAction>
      <VillagesToSurvey villages={stats?.villagesToSurvey} villageCount={stats?.villageCount} />
      <OfflineCard />
    </Page>
  );
}

function Stat({ value, label }: { value: number | undefined; label: (count: number) => string }) {
  return (
    <div className="card home-stat">
      <span className="stat">{value === undefined ? '…' : formatNumber(value)}</span>
      <span className="stat-label">{label(value ?? 0)}</span>
    </div>
  );
}

function Shortcuts() {
  const { t } = useTranslation('home');
  return (
    <section aria-labelledby="home-shortcuts">
      <h2 id="home-shortcuts">{t('shortcuts.title')}</h2>
      <div className="home-shortcuts">
        <Link className="button button--primary" to="/activities/new?type=individuel" aria-keyshortcuts={ariaKeys('newIndividual')}>
          {t('shortcuts.individual')}<span aria-hidden="true"><Shortcut name="newIndividual" /></span>
        </Link>
        <Link className="button button--primary" to="/activities/new?type=collectif" aria-keyshortcuts={ariaKeys('newWorkshop')}>
          {t('shortcuts.workshop')}<span aria-hidden="true"><Shortcut name="newWorkshop" /></span>
        </Link>
        <Link className="button" to="/surveys/new">{t('shortcuts.survey')}</Link>
        <Link className="button" to="/places/new">{t('shortcuts.place')}</Link>
      </div>
    </section>
  );
}

function VillagesToSurvey({ villages, villageCount }: { villages: HomeStats['villagesToSurvey'] | undefined; villageCount: number | undefined }) {
  const { t } = useTranslation('home');
  if (!villages) return null;
  return (
    <section aria-labelledby="home-to-survey">
      <h2 id="home-to-survey">{t('toSurvey.title')}</h2>
      {villageCount === 0 ? (
        <p className="row-meta">{t('toSurvey.noVillage')} <Link to="/villages/new">{t('toSurvey.addVillage')}</Link></p>
      ) : villages.length === 0 ? <p className="row-meta">{t('toSurvey.none')}</p> : (
        <>
          <p className="row-meta">{t('toSurvey.count', { count: villages.length })}</p>
          <ul className="home-villages">
            {villages.map((v) => (
              <li key={v.id}>
                <Link to={`/villages/${v.id}`}>{v.commune.nom} ({v.commune.codePostal})</Link>
                {' '}
                <Link className="button button--small" to={`/surveys/new?village=${v.id}`}
                  aria-label={t('toSurvey.startFor', { name: v.commune.nom })}>{t('toSurvey.start')}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function OfflineCard() {
  const { t } = useTranslation('home');
  return (
    <section className="card home-offline" aria-labelledby="home-offline">
      <h2 id="home-offline"><span aria-hidden="true">● </span>{t('offline.title')}</h2>
      <p>{t('offline.body')}</p>
      <p className="row-meta">{t('offline.sync')}</p>
    </section>
  );
}
