/**
 * `/dashboard`: the territory at a glance, as the national statistics page shows it — filters (period,
 * type, mediator, structure, département, commune, place, thématique, démarche, tag, village), the headline
 * figures, and per month, thématique, duration, commune, mediator, gender, age band and status, each
 * as a chart with its table. Read from the maintained count rows (db/stats): with the type and one other
 * filter, a filter change reads a few dozen rows, whatever the number of activities. Any figure opens the
 * records behind it.
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { filtersNeedPlaces, placeDirectory, readDashboard, type DashboardFigures, type PlaceDirectory } from '../../db/stats/dashboard';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../../domain/codes';
import { DURATION_BUCKETS } from '../../domain/stats/activityStats';
import { withinMonth, type DrillDown } from '../../domain/stats/filters';
import { formatDate, formatMonth, formatNumber } from '../../i18n/format';
import { platform } from '../../platform';
import { authorText, useAuthors } from '../../ui/authors';
import { EmptyState, Page } from '../../ui/Page';
import { useRead } from '../../ui/useRead';
import { useCommuneNames } from '../communes/communes';
import { BarChartView } from './Chart';
import { FilterBar, useFiltersInAddress } from './FilterBar';
import { AllRowsContext, FigureTable, type FigureRow } from './FigureTable';
import { filtersFromParams, paramsFromDrill } from './params';

const NO_NAMES = new Map<string, string>();

/**
 * A ranked section's chart draws its first bars only: a region's 300 mediators would make a chart of
 * 300 bars 8,000 pixels high, unreadable and slow to draw at every filter change. Its table has every row.
 */
export const CHART_BARS = 15;
/** A ranked section's table shows this many rows on screen before "show all"; a printed report, every row. */
export const TABLE_ROWS = 30;

/**
 * Printing the report: every table with all its rows, from the report's button (the shell's PDF) or
 * the browser's own print (Ctrl+P). The rows are drawn before the page is laid out for print (flushSync).
 */
function usePrintAllRows(): { printing: boolean; print: (suggestedName: string) => Promise<void> } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = useCallback(async (suggestedName: string) => {
    flushSync(() => setPrinting(true));
    try {
      await platform.printToPdf({ suggestedName });
    } finally {
      setPrinting(false);
    }
  }, []);
  return { printing, print };
}

export function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'codes', 'common']);
  const { filters, key, set, clear } = useFiltersInAddress();
  // Places are read once per change of the places, not once per filter change (db/stats/dashboard.ts),
  // for the filter bar, beside the figures' rows (not before them): the rows count by commune already,
  // only a commune or département filter's scan of partial months needs every place's commune.
  const places = useRead(placeDirectory);
  const needsPlaces = filtersNeedPlaces(filters);
  const read = useRead(readFiguresOf, key, needsPlaces, needsPlaces ? places : undefined);
  // The figures with the filters they were read for: until a filter change's figures are read, the
  // figures on screen (and their drill-down links) stay those of the previous filters, not drawn again.
  const shown = useMemo(() => (read ? { figures: read.figures, filters: filtersFromParams(new URLSearchParams(read.key)) } : undefined), [read]);
  // Figures on screen for other filters than those chosen: said, not hidden (two filters besides the
  // type, at a region's scale, are recounted from the activities, which takes seconds).
  const updating = read === undefined || read.key !== key;
  const { printing, print } = usePrintAllRows();
  const period = filters.from || filters.to
    ? t('report.period', { from: filters.from ? formatDate(filters.from) : '…', to: filters.to ? formatDate(filters.to) : '…' })
    : t('report.allTime');
  return (
    <Page title={t('title')} className="dashboard" actions={(
      <>
        <Link className="button" to="/dashboard/villages">{t('villages.link')}</Link>
        <Link className="button" to={`/exports?${key}`}>{t('exportThese')}</Link>
        <button type="button" className="button" onClick={() => void print(t('report.fileName'))}>{t('report.print')}</button>
      </>
    )}>
      <p className="lead">{t('intro')}</p>
      <p className="print-only">{period}</p>
      <FilterBar label={t('filters.label')} filters={filters} set={set} clear={clear} places={places ?? null} />
      <p className="row-meta dashboard-status no-print" role="status">{updating ? t('updating') : ''}</p>
      <div aria-busy={updating}>
        <AllRowsContext.Provider value={printing}>
          {shown === undefined ? null : shown.figures.totals.activities === 0 ? <EmptyState>{t('empty')}</EmptyState> : <Figures figures={shown.figures} filters={shown.filters} />}
        </AllRowsContext.Provider>
      </div>
    </Page>
  );
}

/**
 * The figures for the filters of an address (the key keeps `useRead` from reading twice per change);
 * with a commune or département filter, once the places are read.
 */
async function readFiguresOf(
  db: Parameters<typeof readDashboard>[0], key: string, needsPlaces: boolean, places: PlaceDirectory | undefined,
): Promise<{ key: string; figures: DashboardFigures } | undefined> {
  if (needsPlaces && !places) return undefined;
  return { key, figures: await readDashboard(db, filtersFromParams(new URLSearchParams(key)), places?.communeOf) };
}

function sorted(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Drawn again only when new figures arrive (a filter change renders the page twice: at once, and when its figures are read). */
const Figures = memo(function Figures({ figures, filters }: { figures: DashboardFigures; filters: DrillDown }) {
  const { t } = useTranslation(['dashboard', 'codes']);
  const authors = useAuthors();
  const communeName = useCommuneNames() ?? NO_NAMES;
  const { totals } = figures;
  const people = totals.followed + totals.anonymous;
  const drillLink = (extra: DrillDown) => `/dashboard/activities?${paramsFromDrill({ ...filters, ...extra })}`;
  const code = (list: string, value: string) => t(`codes:${list}.${value}`);
  const rowsOf = (counts: Record<string, number>, label: (k: string) => string, drill?: (k: string) => DrillDown | undefined): FigureRow[] =>
    sorted(counts).map(([k, value]) => ({ key: k, label: label(k), value, drill: drill?.(k) }));
  const inOrder = (codes: readonly string[], counts: Record<string, number>, list: string): FigureRow[] =>
    codes.filter((c) => counts[c]).map((c) => ({ key: c, label: code(list, c), value: counts[c] }));
  const months: FigureRow[] = figures.perMonth.map((m) => ({
    key: m.month, label: formatMonth(`${m.month}-01`), value: m.activities, drill: withinMonth(filters, m.month),
  }));
  // `ranked`: as many rows as the territory has communes or mediators, largest first (see CHART_BARS).
  const sections: Array<{ id: string; title: string; rows: FigureRow[]; horizontal?: boolean; value?: string; ranked?: 'communes' | 'authors' }> = [
    { id: 'month', title: t('sections.perMonth'), rows: months },
    { id: 'thematique', title: t('sections.perThematique'), horizontal: true, rows: rowsOf(totals.thematique, (k) => code('thematiques', k), (k) => ({ ...filters, thematique: k })) },
    { id: 'demarche', title: t('sections.perDemarche'), horizontal: true, rows: rowsOf(totals.demarche, (k) => code('thematiquesDemarche', k), (k) => ({ ...filters, demarche: k })) },
    { id: 'duration', title: t('sections.perDuration'), rows: DURATION_BUCKETS.filter((b) => totals.duration[b]).map((b) => ({ key: b, label: code('dureeGroup', b), value: totals.duration[b], drill: { ...filters, duration: b } })) },
    { id: 'commune', title: t('sections.perCommune'), horizontal: true, ranked: 'communes', rows: rowsOf(figures.perCommune, (k) => (k ? `${communeName.get(k) ?? k} (${k})` : t('unlocated')), (k) => (k ? { ...filters, commune: k } : undefined)) },
    { id: 'author', title: t('sections.perAuthor'), horizontal: true, ranked: 'authors', rows: rowsOf(totals.author, (k) => (authors ? authorText(authors.of(k), t) : k), (k) => ({ ...filters, author: k })) },
    { id: 'genre', title: t('sections.perGenre'), value: t('table.people'), rows: inOrder(GENRES, totals.genre, 'genre') },
    { id: 'age', title: t('sections.perAge'), value: t('table.people'), horizontal: true, rows: inOrder(TRANCHES_AGE, totals.age, 'trancheAge') },
    { id: 'statut', title: t('sections.perStatut'), value: t('table.people'), rows: inOrder(STATUTS_SOCIAUX, totals.statut, 'statutSocial') },
  ];
  return (
    <>
      <ul className="dashboard-figures" aria-label={t('figures.label')}>
        <Figure value={totals.activities} label={t('figures.activities', { count: totals.activities })} to={drillLink({})} />
        <Figure value={people} label={t('figures.people', { count: people })}
          detail={t('figures.peopleDetail', { followed: formatNumber(totals.followed), anonymous: formatNumber(totals.anonymous) })} />
        <Figure value={totals.individuel} label={t('figures.individuel', { count: totals.individuel })} to={drillLink({ type: 'individuel' })} />
        <Figure value={totals.collectif} label={t('figures.collectif', { count: totals.collectif })} to={drillLink({ type: 'collectif' })} />
        <Figure value={Math.round(totals.minutes / 6) / 10} label={t('figures.hours', { count: Math.round(totals.minutes / 60) })} />
      </ul>
      {figures.source === 'scan' ? <p className="row-meta">{t('scanned')}</p> : null}
      <div className="dashboard-sections">
        {sections.filter((s) => s.rows.length > 0).map((s) => {
          const bars = s.ranked ? s.rows.slice(0, CHART_BARS) : s.rows;
          return (
            <section key={s.id} className="card dashboard-section" aria-labelledby={`dash-${s.id}`}>
              <h2 id={`dash-${s.id}`}>{s.title}</h2>
              {s.ranked && bars.length < s.rows.length
                ? <p className="row-meta">{t(`sections.chartTop.${s.ranked}`, { shown: formatNumber(bars.length), total: formatNumber(s.rows.length) })}</p>
                : null}
              <BarChartView labels={bars.map((r) => r.label)} values={bars.map((r) => r.value)} horizontal={s.horizontal} />
              <FigureTable caption={s.title} valueHeader={s.value ?? t('table.activities')} rows={s.rows} limit={s.ranked ? TABLE_ROWS : undefined} />
            </section>
          );
        })}
      </div>
      <p className="row-meta">{t('peopleNote')}</p>
    </>
  );
});

function Figure({ value, label, detail, to }: { value: number; label: string; detail?: string; to?: string }) {
  const body = (
    <>
      <span className="stat">{formatNumber(value)}</span>
      <span className="stat-label">{label}</span>
      {detail ? <span className="row-meta">{detail}</span> : null}
    </>
  );
  return <li className="card home-stat">{to ? <Link className="figure-link" to={to}>{body}</Link> : body}</li>;
}
