/**
 * `/dashboard`: the territory at a glance, as the national statistics page shows it — filters (period,
 * type, mediator, structure, département, commune, place, thématique, démarche, tag), the headline
 * figures, and per month, thématique, duration, commune, mediator, gender, age band and status, each
 * as a chart with its table. Read from the maintained count rows (db/stats): a filter change reads a
 * few dozen rows, whatever the number of activities. Any figure opens the records behind it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { dashboardChoices, placeCommunes, readDashboard, type DashboardFigures } from '../../db/stats/dashboard';
import { livePlaces } from '../../db/places';
import { structuresOfAuthors } from '../../db/authors';
import { GENRES, STATUTS_SOCIAUX, THEMATIQUES, THEMATIQUES_DEMARCHE, TRANCHES_AGE, ACTIVITY_TYPES } from '../../domain/codes';
import { DURATION_BUCKETS } from '../../domain/stats/activityStats';
import type { DrillDown } from '../../domain/stats/filters';
import { formatMonth, formatNumber } from '../../i18n/format';
import { platform } from '../../platform';
import { authorText, useAuthors } from '../../ui/authors';
import { SelectField, TextField, useCodeOptions } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useRead } from '../../ui/useRead';
import { departementName } from '../communes/departements';
import { useCommunes } from '../communes/communes';
import { BarChartView } from './Chart';
import { FigureTable, type FigureRow } from './FigureTable';
import { drillFromParams, paramsFromDrill } from './params';

export function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'codes', 'common']);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => drillFromParams(params), [params]);
  const key = params.toString();
  // Places are read once per change of the places, not once per filter change (db/stats/dashboard.ts).
  const places = useRead(placeCommunes);
  const figures = useRead(readDashboardOf, key, places);
  const set = (changes: Partial<DrillDown>) => setParams(paramsFromDrill({ ...filters, ...changes }), { replace: true });
  const period = filters.fromMonth || filters.toMonth
    ? t('report.period', { from: filters.fromMonth ? formatMonth(`${filters.fromMonth}-01`) : '…', to: filters.toMonth ? formatMonth(`${filters.toMonth}-01`) : '…' })
    : t('report.allTime');
  return (
    <Page title={t('title')} className="dashboard" actions={(
      <>
        <Link className="button" to="/dashboard/villages">{t('villages.link')}</Link>
        <button type="button" className="button" onClick={() => void platform.printToPdf({ suggestedName: t('report.fileName') })}>{t('report.print')}</button>
      </>
    )}>
      <p className="lead">{t('intro')}</p>
      <p className="print-only">{period}</p>
      <Filters filters={filters} communesOfPlaces={places} set={set} clear={() => setParams('', { replace: true })} />
      {figures === undefined ? null : figures.totals.activities === 0 ? <EmptyState>{t('empty')}</EmptyState> : <Figures figures={figures} filters={filters} />}
    </Page>
  );
}

/** The figures for the filters of an address (the key keeps `useRead` from reading twice per change), once the places are read. */
async function readDashboardOf(db: Parameters<typeof readDashboard>[0], key: string, places: Map<string, string> | undefined): Promise<DashboardFigures | undefined> {
  return places && readDashboard(db, drillFromParams(new URLSearchParams(key)), places);
}

interface FiltersProps { filters: DrillDown; communesOfPlaces: Map<string, string> | undefined; set: (c: Partial<DrillDown>) => void; clear: () => void }

/** The filters' choices once the places are read (the page reads them once, for the figures too). */
async function dashboardChoicesOf(db: Parameters<typeof dashboardChoices>[0], places: Map<string, string> | undefined) {
  return places && dashboardChoices(db, places);
}

function Filters({ filters, communesOfPlaces, set, clear }: FiltersProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const choices = useRead(dashboardChoicesOf, communesOfPlaces);
  const authors = useAuthors();
  const places = useRead(livePlaces);
  const communes = useCommunes();
  const communeName = useMemo(() => new Map((communes ?? []).map((c) => [c.codeInsee, c.nom])), [communes]);
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  const demarches = useCodeOptions('thematiquesDemarche', THEMATIQUES_DEMARCHE);
  const placeName = new Map((places ?? []).map((p) => [p.id, p.nom]));
  const structures = [...new Set([...(choices?.structure ?? []), ...(authors ? structuresOfAuthors(authors) : [])])].sort((a, b) => a.localeCompare(b, 'fr'));
  const any = Object.values(filters).some(Boolean);
  return (
    <div className="filters dashboard-filters no-print" role="search" aria-label={t('filters.label')}>
      <TextField type="month" label={t('filters.fromMonth')} value={filters.fromMonth ?? ''} onChange={(fromMonth) => set({ fromMonth })} />
      <TextField type="month" label={t('filters.toMonth')} value={filters.toMonth ?? ''} onChange={(toMonth) => set({ toMonth })} />
      <SelectField label={t('filters.type')} options={types} value={filters.type ?? ''} placeholder={t('filters.all')} onChange={(type) => set({ type })} />
      <SelectField label={t('filters.author')} value={filters.author ?? ''} placeholder={t('filters.all')} onChange={(author) => set({ author })}
        options={(authors?.authors ?? []).map((a) => ({ value: a.deviceId, label: authorText(a, t) }))} />
      <SelectField label={t('filters.structure')} value={filters.structure ?? ''} placeholder={t('filters.all')} onChange={(structure) => set({ structure })}
        options={structures.map((s) => ({ value: s, label: s }))} />
      <SelectField label={t('filters.departement')} value={filters.departement ?? ''} placeholder={t('filters.all')} onChange={(departement) => set({ departement })}
        options={(choices?.dept ?? []).map((code) => ({ value: code, label: `${departementName(code) ?? code} (${code})` }))} />
      <SelectField label={t('filters.commune')} value={filters.commune ?? ''} placeholder={t('filters.all')} onChange={(commune) => set({ commune })}
        options={(choices?.commune ?? []).map((code) => ({ value: code, label: `${communeName.get(code) ?? code} (${code})` }))} />
      <SelectField label={t('filters.place')} value={filters.place ?? ''} placeholder={t('filters.all')} onChange={(place) => set({ place })}
        options={(choices?.place ?? []).map((id) => ({ value: id, label: placeName.get(id) ?? t('filters.unknownPlace') }))} />
      <SelectField label={t('filters.thematique')} options={thematiques} value={filters.thematique ?? ''} placeholder={t('filters.all')} onChange={(thematique) => set({ thematique })} />
      <SelectField label={t('filters.demarche')} options={demarches} value={filters.demarche ?? ''} placeholder={t('filters.all')} onChange={(demarche) => set({ demarche })} />
      <SelectField label={t('filters.tag')} value={filters.tag ?? ''} placeholder={t('filters.all')} onChange={(tag) => set({ tag })}
        options={(choices?.tag ?? []).map((tag) => ({ value: tag, label: tag }))} />
      {any ? <button type="button" className="button" onClick={clear}>{t('common:actions.clearFilters')}</button> : null}
    </div>
  );
}

function sorted(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function Figures({ figures, filters }: { figures: DashboardFigures; filters: DrillDown }) {
  const { t } = useTranslation(['dashboard', 'codes']);
  const authors = useAuthors();
  const communes = useCommunes();
  const communeName = useMemo(() => new Map((communes ?? []).map((c) => [c.codeInsee, c.nom])), [communes]);
  const { totals } = figures;
  const people = totals.followed + totals.anonymous;
  const drillLink = (extra: DrillDown) => `/dashboard/activities?${paramsFromDrill({ ...filters, ...extra })}`;
  const code = (list: string, value: string) => t(`codes:${list}.${value}`);
  const rowsOf = (counts: Record<string, number>, label: (k: string) => string, drill?: (k: string) => DrillDown | undefined): FigureRow[] =>
    sorted(counts).map(([k, value]) => ({ key: k, label: label(k), value, drill: drill?.(k) }));
  const inOrder = (codes: readonly string[], counts: Record<string, number>, list: string): FigureRow[] =>
    codes.filter((c) => counts[c]).map((c) => ({ key: c, label: code(list, c), value: counts[c] }));
  const months: FigureRow[] = figures.perMonth.map((m) => ({
    key: m.month, label: formatMonth(`${m.month}-01`), value: m.activities, drill: { ...filters, fromMonth: m.month, toMonth: m.month },
  }));
  const sections: Array<{ id: string; title: string; rows: FigureRow[]; horizontal?: boolean; value?: string }> = [
    { id: 'month', title: t('sections.perMonth'), rows: months },
    { id: 'thematique', title: t('sections.perThematique'), horizontal: true, rows: rowsOf(totals.thematique, (k) => code('thematiques', k), (k) => ({ ...filters, thematique: k })) },
    { id: 'demarche', title: t('sections.perDemarche'), horizontal: true, rows: rowsOf(totals.demarche, (k) => code('thematiquesDemarche', k), (k) => ({ ...filters, demarche: k })) },
    { id: 'duration', title: t('sections.perDuration'), rows: DURATION_BUCKETS.filter((b) => totals.duration[b]).map((b) => ({ key: b, label: code('dureeGroup', b), value: totals.duration[b], drill: { ...filters, duration: b } })) },
    { id: 'commune', title: t('sections.perCommune'), horizontal: true, rows: rowsOf(figures.perCommune, (k) => (k ? `${communeName.get(k) ?? k} (${k})` : t('unlocated')), (k) => (k ? { ...filters, commune: k } : undefined)).slice(0, 30) },
    { id: 'author', title: t('sections.perAuthor'), horizontal: true, rows: rowsOf(totals.author, (k) => (authors ? authorText(authors.of(k), t) : k), (k) => ({ ...filters, author: k })) },
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
        {sections.filter((s) => s.rows.length > 0).map((s) => (
          <section key={s.id} className="card dashboard-section" aria-labelledby={`dash-${s.id}`}>
            <h2 id={`dash-${s.id}`}>{s.title}</h2>
            <BarChartView labels={s.rows.map((r) => r.label)} values={s.rows.map((r) => r.value)} horizontal={s.horizontal} />
            <FigureTable caption={s.title} valueHeader={s.value ?? t('table.activities')} rows={s.rows} />
          </section>
        ))}
      </div>
      <p className="row-meta">{t('peopleNote')}</p>
    </>
  );
}

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
