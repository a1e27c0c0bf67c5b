/** The trainer's desk: the upcoming sessions, the calendar (month or week), then every series. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, Page } from '../../ui/Page';
import { WriteAction } from '../../ui/readOnly';
import { formatDate, todayIso } from '../../i18n/format';
import { upcomingSessions } from '../../domain/workshops/calendar';
import { SessionsCalendar } from './Calendar';
import { useAllSessions, usePlaces, useSeriesList, whereLabel } from './data';

export function WorkshopsHome() {
  const { t } = useTranslation('workshops');
  const series = useSeriesList();
  const sessions = useAllSessions();
  const places = usePlaces();
  const seriesById = new Map((series ?? []).map((s) => [s.id, s]));
  const upcoming = upcomingSessions((sessions ?? []).filter((s) => seriesById.has(s.seriesId)), todayIso());

  return (
    <Page title={t('home.title')} actions={(
      <>
        <Link className="button" to="/workshops/templates">{t('home.templates')}</Link>
        <WriteAction><Link className="button button--primary" to="/workshops/templates">{t('home.newSeries')}</Link></WriteAction>
      </>
    )}>
      <section aria-labelledby="ws-upcoming" className="ws-section">
        <h2 id="ws-upcoming">{t('home.upcoming')}</h2>
        {upcoming.length === 0 ? <EmptyState>{(series ?? []).length === 0 ? t('home.noUpcoming') : t('home.noUpcomingWithSeries')}</EmptyState> : (
          <ul className="ws-list">
            {upcoming.map((session) => {
              const owner = seriesById.get(session.seriesId)!;
              return (
                <li key={session.id} className="ws-row card">
                  <div className="ws-date">
                    <strong>{formatDate(session.date, 'long')}</strong>
                    {session.heure ? <span className="row-meta">{session.heure}</span> : null}
                  </div>
                  <div className="ws-row-main">
                    <Link className="row-title" to={`/workshops/series/${owner.id}`}>{owner.titre}</Link>
                    <span className="row-meta">{whereLabel(owner, places, session.commune ?? owner.commune)}</span>
                  </div>
                  <Link className="button button--primary" to={`/workshops/sessions/${session.id}`}
                    aria-label={t('home.runAria', { title: owner.titre, date: formatDate(session.date, 'long') })}>
                    {t('session.run')}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <SessionsCalendar sessions={sessions ?? []} seriesById={seriesById} />

      <section aria-labelledby="ws-series" className="ws-section">
        <h2 id="ws-series">{t('home.series')}</h2>
        {series && series.length === 0 ? <EmptyState>{t('home.noSeries')}</EmptyState> : (
          <ul className="ws-list">
            {(series ?? []).map((s) => {
              const own = (sessions ?? []).filter((x) => x.seriesId === s.id);
              return (
                <li key={s.id} className="ws-row card">
                  <div className="ws-row-main">
                    <Link className="row-title" to={`/workshops/series/${s.id}`}>{s.titre}</Link>
                    <span className="row-meta">
                      {whereLabel(s, places)}{s.itinerant ? ` · ${t('series.itinerant')}` : ''}
                      {' · '}{t('home.sessionCount', { count: own.length })}
                    </span>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Page>
  );
}
