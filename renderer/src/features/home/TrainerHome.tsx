/** A trainer's home: her next sessions, each a click from running it. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { nextOwnSessions } from '../../db/home';
import { formatDate } from '../../i18n/format';
import { useRead } from '../../ui/useRead';

const SHOWN = 5;

export function NextSessions({ today }: { today: string }) {
  const { t } = useTranslation('home');
  const sessions = useRead(nextOwnSessions, today, SHOWN);
  return (
    <section aria-labelledby="home-sessions">
      <h2 id="home-sessions">{t('sessions.title')}</h2>
      {sessions === undefined ? null : sessions.length === 0 ? (
        <p className="row-meta">{t('sessions.none')} <Link to="/workshops">{t('sessions.plan')}</Link></p>
      ) : (
        <ul className="home-sessions" aria-label={t('sessions.title')}>
          {sessions.map((s) => (
            <li key={s.id}>
              <span>{formatDate(s.date, 'full')}{s.heure ? ` · ${s.heure}` : ''} — <Link to={`/workshops/series/${s.seriesId}`}>{s.titre}</Link></span>
              {' '}
              <Link className="button button--small button--primary" to={`/workshops/sessions/${s.id}`} aria-label={t('sessions.runOne', { title: s.titre, date: formatDate(s.date) })}>
                {t('sessions.run')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
