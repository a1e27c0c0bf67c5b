/**
 * What a followed person took part in, on their page: their individual sessions and workshops (each a
 * link to the activity), the series they are enrolled in with the sessions attended, and a link to
 * the activities list searched by their code. Codes and dates only: never more than the records hold.
 */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { beneficiaryHistory } from '../../db/beneficiaries';
import { formatDate } from '../../i18n/format';
import { activityTitle } from '../../ui/activityTitle';
import { useRead } from '../../ui/useRead';

/** The page lists the latest ones; the activities list (searched by code) has them all. */
const SHOWN = 30;

export function BeneficiaryHistory({ id, code }: { id: string; code: string }) {
  const { t } = useTranslation(['beneficiaries', 'codes']);
  const history = useRead(beneficiaryHistory, id);
  if (!history) return null;
  const { activities, series } = history;
  const shown = activities.slice(0, SHOWN);
  return (
    <section className="form-section beneficiary-history" aria-labelledby="beneficiary-history">
      <h2 id="beneficiary-history">{t('history.title', { code })}</h2>
      {activities.length === 0 && series.length === 0 ? <p className="row-meta">{t('history.empty')}</p> : null}
      {activities.length > 0 ? (
        <>
          <h3>{t('history.activities', { count: activities.length })}</h3>
          <ul className="plain-list">
            {shown.map((a) => (
              <li key={a.id}>
                <Link to={`/activities/${a.id}/edit`}>{formatDate(a.date)} — {activityTitle(a, t)}</Link>
                <span className="row-meta"> · {t(`codes:type.${a.type}`)}</span>
              </li>
            ))}
          </ul>
          <p><Link to={`/activities?search=${encodeURIComponent(code)}`}>{t('history.allActivities', { code })}</Link></p>
        </>
      ) : null}
      {series.length > 0 ? (
        <>
          <h3>{t('history.workshops', { count: series.length })}</h3>
          <ul className="plain-list">
            {series.map(({ series: s, attended, planned }) => (
              <li key={s.id}>
                <Link to={`/workshops/series/${s.id}`}>{s.titre}</Link>
                <span className="row-meta"> · {t('history.attended', { count: attended, planned })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
