/**
 * `/dashboard/activities?…`: the records behind a figure of the dashboard — the same filters, narrowed
 * to the figure's part — newest first, each with its author; the first screen is a limited read, the
 * next ones follow on request, 100 at a time (`useDrillPages`).
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
import { useDrillPages, type DrillPages } from './useDrillPages';

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
  const pages = useDrillPages(drill, found, FIRST_SCREEN);
  const authors = useAuthors();
  const { duration, ...filters } = drill;
  return (
    <Page title={t('drill.title')} actions={<Link className="button" to={`/dashboard?${paramsFromDrill(filters)}`}>{t('drill.back')}</Link>}>
      {duration ? <p className="row-meta">{t(`codes:dureeGroup.${duration}`)}</p> : null}
      {pages === undefined ? null : pages.items.length === 0 ? <EmptyState>{t('drill.empty')}</EmptyState> : (
        <>
          <DrillStatusBar pages={pages} />
          <ul className="drill-list" aria-label={t('drill.title')}>
            {pages.items.map((a) => (
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

/** What the list holds, and the button that reads the next 100 (beside it, so the keyboard reaches it before the rows). */
function DrillStatusBar({ pages }: { pages: DrillPages }) {
  const { t } = useTranslation('dashboard');
  const shown = pages.items.length;
  const status = pages.status === 'done' ? t('drill.count', { count: shown, formatted: formatNumber(shown) })
    : pages.status === 'budget' && pages.reachedDate ? t('drill.searched', { count: shown, formatted: formatNumber(shown), date: formatDate(pages.reachedDate) })
      : pages.status === 'failed' ? t('drill.failed') : t('drill.first', { count: shown });
  const scanning = pages.status === 'budget' || pages.status === 'failed';
  return (
    <div className="paged-bar" aria-busy={pages.status === 'reading'}>
      <p className="list-count" role="status">{status}</p>
      {pages.status === 'done' ? null : (
        // Not disabled while reading: a disabled button would drop the keyboard focus.
        <button type="button" className="button button--small" aria-busy={pages.status === 'reading'} onClick={pages.next}>
          {scanning ? t('drill.continue') : t('drill.next', { count: FIRST_SCREEN, formatted: formatNumber(FIRST_SCREEN) })}
        </button>
      )}
    </div>
  );
}
