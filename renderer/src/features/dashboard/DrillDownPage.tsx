/**
 * `/dashboard/activities?…`: the records behind a figure of the dashboard — the same filters, narrowed
 * to the figure's part — newest first, each with its author; the first screen is a limited read.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { drillDown } from '../../db/stats/dashboard';
import { formatDate, formatNumber } from '../../i18n/format';
import { AuthorLabel, useAuthors } from '../../ui/authors';
import { EmptyState, Page } from '../../ui/Page';
import { useRead } from '../../ui/useRead';
import { drillFromParams, paramsFromDrill } from './params';

/** Records on the first screen: enough to check a figure, few enough to read at once with a million activities. */
const FIRST_SCREEN = 100;

function readDrill(db: Parameters<typeof drillDown>[0], key: string) {
  return drillDown(db, drillFromParams(new URLSearchParams(key)), FIRST_SCREEN);
}

export function DrillDownPage() {
  const { t } = useTranslation(['dashboard', 'codes', 'activities']);
  const [params] = useSearchParams();
  const key = params.toString();
  const drill = useMemo(() => drillFromParams(params), [params]);
  const found = useRead(readDrill, key);
  const authors = useAuthors();
  const { duration, ...filters } = drill;
  return (
    <Page title={t('drill.title')} actions={<Link className="button" to={`/dashboard?${paramsFromDrill(filters)}`}>{t('drill.back')}</Link>}>
      {duration ? <p className="row-meta">{t(`codes:dureeGroup.${duration}`)}</p> : null}
      {found === undefined ? null : found.activities.length === 0 ? <EmptyState>{t('drill.empty')}</EmptyState> : (
        <>
          <p className="list-count" role="status">
            {found.more ? t('drill.first', { count: FIRST_SCREEN }) : t('drill.count', { count: found.activities.length, formatted: formatNumber(found.activities.length) })}
          </p>
          <ul className="drill-list" aria-label={t('drill.title')}>
            {found.activities.map((a) => (
              <li key={a.id}>
                <Link className="row-link" to={`/activities/${a.id}/edit`}>
                  <span className="activity-date">{formatDate(a.date)}</span>
                  <span className={`tag tag--${a.type}`}>{t(`codes:type.${a.type}`)}</span>
                  <span className="activity-main">
                    <span className="row-title">{a.titreAtelier || a.thematiques.map((c) => t(`codes:thematiques.${c}`)).join(', ')}</span>
                    <span className="row-meta">
                      {t('activities:list.duration', { count: a.duree, formatted: formatNumber(a.duree) })}
                      {a.commune ? ` · ${a.commune.nom}` : ''} · <AuthorLabel deviceId={a.authorDevice} directory={authors} />
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
