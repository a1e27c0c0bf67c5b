/**
 * The dashboard's reads. With the period, the type and at most one other filter, the figures come from
 * the count rows (`activityStats`, keyed by dimension, value, type and month: one row per month of the
 * chosen type, or of each type added up, or the `all` rows of every type with no filter; a place's
 * activities, which have no rows, through the `[placeId+date]` index; a commune's or département's,
 * their places' included, from their rows); the rows are per month and the period is by day, so the
 * whole months come from the rows and the partial months at either edge from an indexed scan of those
 * days. With two filters or more besides the type (or the village, which no row answers), from an
 * indexed scan of the activities that pass them. Every scan measures with the same pure `measuresOf`
 * (domain/stats) and filters with the one `matches`: rarer, slower, and never different.
 */
import Dexie from 'dexie';
import type { Activity, Place, Stored } from '../../domain/records';
import {
  addMeasures, communeOfPlace, emptyMeasures, EVERY_TYPE, isCounted, measuresOf, recount, ROW_TYPES, STAT_KEY_SEPARATOR, statKeyRange,
  type Measures, type PlaceCommune, type StatDimension, type StatRow,
} from '../../domain/stats/activityStats';
import {
  FILTER_DIMENSIONS, matches, rowsQueryOf, splitPeriod, type ActivityFilters, type DrillDown, type PeriodSplit, type RowsQuery,
} from '../../domain/stats/filters';
import { canonicalJson } from '../../domain/canonical';
import { compareFrench } from '../../domain/collation';
import type { RelaisDatabase } from '../schema';
import { everyCountLookup, scanLookupsOf } from './scanLookups';
import { ROWS_BY_TYPE_VERSION } from './migration';

export interface MonthFigure { month: string; activities: number; people: number }

export interface DashboardFigures {
  totals: Measures;
  perMonth: MonthFigure[];
  /** Activities per commune (INSEE), a place's activities counted in its commune; `''` when unknown (`Measures.where`). */
  perCommune: Record<string, number>;
  /** How the figures were read: the count rows, the rows and a scan of the partial edge months, or a scan. */
  source: 'rows' | 'rows+edges' | 'scan';
}

/** What the dashboard needs of every place: its commune (INSEE), to filter its activities by commune, and its name, for the place filter. */
export interface PlaceDirectory {
  communeOf: Map<string, string>;
  nameOf: Map<string, string>;
  /**
   * The place filter's choices: every live place, by name. Every place, as La Coop's statistics offer a
   * mediator's places of activity, not only those with activities: which places hold live activities
   * is no longer in the rows (they count by commune), and finding it would read an index entry per activity.
   */
  choices: string[];
}

/**
 * Every place's commune and name (places are few: a territory's hundreds), deleted places' too (their
 * activities still count where they were). Reading them decodes whole place records (more bytes than
 * the count rows): the dashboard reads them once per change of the places (its own live read), for its
 * figures and its filter bar, and hands the communes to every `readDashboard`.
 */
export async function placeDirectory(db: RelaisDatabase): Promise<PlaceDirectory> {
  // Every write to a place bumps its change counter: the same count and the same highest counter as the
  // last read mean the same places (two index reads, no record decoded; a live read still sees a change).
  const [count, last] = await Promise.all([db.places.count(), db.places.orderBy('seq').lastKey()]);
  const known = directories.get(db);
  if (known && known.count === count && known.last === last) return known.directory;
  const directory = directoryOf(await db.places.toArray());
  directories.set(db, { count, last, directory });
  return directory;
}

/** The last places read per database, for the next visit of the dashboard (a thousand places cost 40 ms to decode, ten thousand 400). */
const directories = new WeakMap<RelaisDatabase, { count: number; last: unknown; directory: PlaceDirectory }>();

/**
 * The commune of every place, to place activities held at a place (see `placeDirectory`). Its own read,
 * not a call of `placeDirectory`: inside a transaction, one more async step between two reads lets
 * IndexedDB commit the transaction before the next read (Dexie's PrematureCommitError).
 */
export async function placeCommunes(db: RelaisDatabase): Promise<Map<string, string>> {
  return directoryOf(await db.places.toArray()).communeOf;
}

function directoryOf(places: Array<Stored<Place>>): PlaceDirectory {
  return {
    communeOf: new Map(places.flatMap((p) => { const commune = communeOfPlace(p); return commune ? [[p.id, commune] as const] : []; })),
    nameOf: new Map(places.map((p) => [p.id, p.nom])),
    choices: places.filter((p) => p.deleted === 0).sort((a, b) => compareFrench(a.nom, b.nom)).map((p) => p.id),
  };
}

type MonthRange = NonNullable<PeriodSplit['months']>;

/**
 * Are the rows keyed by type (schema 16)? Not in a database opened read-only at an older version (its
 * upgrade failed): there the figures are scanned, and the totals read its untyped `all` rows (`allRowsOf`).
 */
function rowsByType(db: RelaisDatabase): boolean {
  return db.verno >= ROWS_BY_TYPE_VERSION;
}

/**
 * The `all` rows of every type over a range of months: what the totals outside the dashboard read (the
 * list's count, the mediators view). In a database opened read-only before schema 16, its untyped `all`
 * rows (`all␟␟month`), which count the same.
 */
export function allRowsOf(db: RelaisDatabase, months: MonthRange): Promise<StatRow[]> {
  if (rowsByType(db)) return rowsOf(db, 'all', '', EVERY_TYPE, months);
  const untyped = `all${STAT_KEY_SEPARATOR}${STAT_KEY_SEPARATOR}`;
  return db.activityStats.where(':id').between(`${untyped}${months.from ?? ''}`, `${untyped}${months.to ?? '\uffff'}`, true, true).toArray();
}

/** The rows of one (dimension, value, type) over a range of months: one key range. */
function rowsOf(db: RelaisDatabase, dim: StatDimension, value: string, type: string, months: MonthRange): Promise<StatRow[]> {
  return db.activityStats.where(':id').between(...statKeyRange(dim, value, type, months), true, true).toArray();
}

/**
 * The rows of a (dimension, value) over a range of months, of one type or of every type: `all` keeps
 * rows of every type together; any other dimension is read once per type (one key range each), and the
 * caller adds the months up.
 */
async function rowsOfType(db: RelaisDatabase, dim: StatDimension, value: string, type: string | undefined, months: MonthRange): Promise<StatRow[]> {
  if (type !== undefined) return rowsOf(db, dim, value, type, months);
  if (dim === 'all') return rowsOf(db, dim, value, EVERY_TYPE, months);
  return (await Promise.all(ROW_TYPES.map((each) => rowsOf(db, dim, value, each, months)))).flat();
}

type Measured = { month: string; measures: Measures };

/** Activities measured, with their people and places as the counts see them (`known`: every place's commune, already read). */
async function measured(db: RelaisDatabase, activities: Array<Stored<Activity>>, known?: Map<string, string>): Promise<Measured[]> {
  const lookups = await scanLookupsOf(db, activities, known);
  return activities.map((a) => ({ month: a.date.slice(0, 7), measures: measuresOf(a, lookups) }));
}

/**
 * The live activities held at a place in whole months, measured: places have no count rows (an import
 * would rewrite nearly one row per activity, see domain/stats/activityStats.ts), so a place's few
 * activities a month are read through the `[placeId+date]` index.
 */
async function measuredAtPlace(
  db: RelaisDatabase, placeId: string, type: string | undefined, months: MonthRange, known?: Map<string, string>,
): Promise<Measured[]> {
  const held = await db.activities.where('[placeId+date]').between([placeId, months.from ?? ''], [placeId, `${months.to ?? ''}\uffff`], true, true).toArray();
  return measured(db, held.filter((a) => isCounted(a) && (type === undefined || a.type === type)), known);
}

/** The measures of whole months that the rows answer: a type or none, and at most one other criterion (a place: through its index). */
async function rowsFor(db: RelaisDatabase, query: RowsQuery, f: ActivityFilters, months: MonthRange, known?: Map<string, string>): Promise<Measured[]> {
  const asMeasured = (rows: StatRow[]) => rows.map((row) => ({ month: row.month, measures: row as Measures }));
  const { type, field } = query;
  if (!field) return asMeasured(await rowsOfType(db, 'all', '', type, months));
  const value = f[field] as string;
  if (field === 'place') return measuredAtPlace(db, value, type, months, known);
  return asMeasured(await rowsOfType(db, FILTER_DIMENSIONS[field], value, type, months));
}

/**
 * The activities that may pass `f`, through the narrowest index at hand: a mediator's or a place's
 * (within the period), a village's, a thématique's, a type's, else the period's. `fewDays` (a partial
 * edge month) goes by date unless a mediator or a place is chosen, a few weeks being narrower than any
 * village, thématique or type. Every candidate is read (a cursor): at a region's scale the index
 * decides between a few thousand and a million.
 */
function candidatesOf(db: RelaisDatabase, f: DrillDown, fewDays: boolean) {
  const from = f.from || Dexie.minKey;
  const to = f.to || Dexie.maxKey;
  if (f.author) return db.activities.where('[authorDevice+deleted+date]').between([f.author, 0, from], [f.author, 0, to], true, true);
  if (f.place) return db.activities.where('[placeId+date]').between([f.place, f.from || ''], [f.place, f.to || '\uffff'], true, true);
  if (!fewDays && f.village) return db.activities.where('villageId').equals(f.village);
  if (!fewDays && f.thematique) return db.activities.where('thematiques').equals(f.thematique);
  if (!fewDays && f.type) return db.activities.where('type').equals(f.type);
  return db.activities.where('[deleted+date]').between([0, from], [0, to], true, true);
}

/** The live activities of the period that pass every filter (see `candidatesOf`). */
async function scan(db: RelaisDatabase, f: DrillDown, placeCommune: PlaceCommune, fewDays = false): Promise<Array<Stored<Activity>>> {
  return candidatesOf(db, f, fewDays).filter((a) => a.deleted === 0 && a.erased === 0 && matches(a, f, placeCommune)).toArray();
}

function figuresFrom(rows: Iterable<{ month: string; measures: Measures }>, source: DashboardFigures['source']): DashboardFigures {
  const totals = emptyMeasures();
  const months = new Map<string, MonthFigure>();
  for (const { month, measures } of rows) {
    addMeasures(totals, measures);
    const figure = months.get(month) ?? { month, activities: 0, people: 0 };
    figure.activities += measures.activities;
    figure.people += measures.followed + measures.anonymous;
    months.set(month, figure);
  }
  const perMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return { totals, perMonth, perCommune: { ...totals.where }, source };
}

/** Do these filters need the places' communes to select activities (a commune or a département)? */
export function filtersNeedPlaces(filters: ActivityFilters): boolean {
  return Boolean(filters.commune || filters.departement);
}

/** What the figures read: the rows, the activities, and the people and places a scan measures them with. */
const DASHBOARD_TABLES = (db: RelaisDatabase) => [db.activityStats, db.activities, db.places, db.beneficiaries];

/**
 * The figures for `filters`. `known`: every place's commune, already read (the page's directory); else
 * a scan reads what it needs: every place for a commune or département filter, the places of the
 * activities it measures otherwise. The rows need none.
 */
export async function readDashboard(db: RelaisDatabase, filters: ActivityFilters, known?: Map<string, string>): Promise<DashboardFigures> {
  return db.transaction('r', DASHBOARD_TABLES(db), async () => {
    const query = rowsQueryOf(filters);
    const split = splitPeriod(filters);
    if (!query || !split.months || !rowsByType(db)) return scanned(db, filters, !split.months, known);
    const rows = await rowsFor(db, query, filters, split.months, known);
    if (split.edges.length === 0) return figuresFrom(rows, 'rows');
    const matching = known ?? (filtersNeedPlaces(filters) ? await placeCommunes(db) : undefined);
    const placeCommune: PlaceCommune = (id) => matching?.get(id);
    const edges: Array<Stored<Activity>> = [];
    for (const edge of split.edges) edges.push(...(await scan(db, { ...filters, ...edge }, placeCommune, true)));
    return figuresFrom([...rows, ...(await measured(db, edges, matching))], 'rows+edges');
  });
}

/**
 * The figures for `filters` from a scan of the activities that pass them, whatever the rows could
 * answer: what `readDashboard` reads when they cannot, and what its tests compare the rows with.
 */
export async function scanDashboard(db: RelaisDatabase, filters: ActivityFilters, known?: Map<string, string>): Promise<DashboardFigures> {
  return db.transaction('r', DASHBOARD_TABLES(db), () => scanned(db, filters, !splitPeriod(filters).months, known));
}

/** The scan of `readDashboard`, inside its transaction. `fewDays`: a period of no whole month, at most two partial months, read by date. */
async function scanned(db: RelaisDatabase, filters: ActivityFilters, fewDays: boolean, known?: Map<string, string>): Promise<DashboardFigures> {
  const matching = known ?? (filtersNeedPlaces(filters) ? await placeCommunes(db) : undefined);
  const placeCommune: PlaceCommune = (id) => matching?.get(id);
  return figuresFrom(await measured(db, await scan(db, filters, placeCommune, fewDays), matching), 'scan');
}

/**
 * The records behind a figure, newest first, at most `limit`: walked backwards through the date index
 * (or the author's), stopping as soon as the first screen is full.
 */
export async function drillDown(db: RelaisDatabase, drill: DrillDown, limit = 100): Promise<{ activities: Array<Stored<Activity>>; more: boolean }> {
  return db.transaction('r', [db.activities, db.places], async () => {
    // Only a commune or département filter asks where a place is (ten thousand places at a region's scale).
    const places = filtersNeedPlaces(drill) ? await placeCommunes(db) : new Map<string, string>();
    const placeCommune: PlaceCommune = (id) => places.get(id);
    const from = drill.from || Dexie.minKey;
    const to = drill.to || Dexie.maxKey;
    const range = drill.author
      ? db.activities.where('[authorDevice+deleted+date]').between([drill.author, 0, from], [drill.author, 0, to], true, true)
      : db.activities.where('[deleted+date]').between([0, from], [0, to], true, true);
    const found = await range.reverse().filter((a) => a.erased === 0 && matches(a, drill, placeCommune)).limit(limit + 1).toArray();
    return { activities: found.slice(0, limit), more: found.length > limit };
  });
}

/**
 * Do the maintained rows equal a full recount of the activities? The property test and the bench ask
 * this after every scenario; the answer lists the keys that differ (empty when all agree).
 */
export async function statsDifferFromRecount(db: RelaisDatabase, chunkSize = 5000): Promise<string[]> {
  return db.transaction('r', [db.activityStats, db.activities, db.beneficiaries, db.places], async () => {
    // Read a chunk at a time by id: a million activities (the bench at 1M) never sit in memory at once.
    const expected = new Map<string, StatRow>();
    const lookups = await everyCountLookup(db.beneficiaries, db.places, chunkSize);
    let chunk = await db.activities.orderBy(':id').limit(chunkSize).toArray();
    recount(chunk, expected, lookups);
    while (chunk.length === chunkSize) {
      chunk = await db.activities.where(':id').above(chunk[chunk.length - 1].id).limit(chunkSize).toArray();
      recount(chunk, expected, lookups);
    }
    // The stored rows are compared a chunk at a time too (a region has hundreds of thousands of rows):
    // each expected row met is dropped, so what is left at the end was never stored.
    const differing: string[] = [];
    let rows = await db.activityStats.orderBy(':id').limit(chunkSize).toArray();
    for (;;) {
      for (const row of rows) {
        if (canonicalJson(expected.get(row.key) ?? null) !== canonicalJson(row)) differing.push(row.key);
        expected.delete(row.key);
      }
      if (rows.length < chunkSize) break;
      rows = await db.activityStats.where(':id').above(rows[rows.length - 1].key).limit(chunkSize).toArray();
    }
    return [...differing, ...expected.keys()];
  });
}

/**
 * The values a dimension takes in the rows (the communes, tags, structures… that have activities), for
 * the filters' choices: primary keys only, no row decoded.
 */
export async function dimensionValues(db: RelaisDatabase, dim: StatDimension): Promise<string[]> {
  // Every row of the dimension, of every type and month, is one prefix of keys.
  const keys = await db.activityStats.where(':id').between(`${dim}${STAT_KEY_SEPARATOR}`, `${dim}${STAT_KEY_SEPARATOR}\uffff`, true, true).primaryKeys();
  return [...new Set(keys.map((key) => key.split(STAT_KEY_SEPARATOR)[1]))].sort(compareFrench);
}

/**
 * Live activities per author (device id), over all time: the `author` counts of the month rows `all` of
 * every type (a few dozen rows). Counting them through an index instead walks every entry of it, and Chromium
 * checks each index entry against its record: 26 µs apiece on disk here, 30 s for a region's million,
 * during which every other read of the page waits.
 */
export async function activitiesPerAuthor(db: RelaisDatabase): Promise<Map<string, number>> {
  const perAuthor = new Map<string, number>();
  for (const row of await allRowsOf(db, {})) {
    for (const [device, n] of Object.entries(row.author)) perAuthor.set(device, (perAuthor.get(device) ?? 0) + n);
  }
  return perAuthor;
}

/** Every row filter's choices at once (one read for the page); the places' are in their directory (`placeDirectory`). */
export async function dashboardChoices(db: RelaisDatabase): Promise<Record<'structure' | 'commune' | 'dept' | 'tag', string[]>> {
  const [structure, commune, dept, tag] = await Promise.all((['structure', 'commune', 'dept', 'tag'] as const).map((dim) => dimensionValues(db, dim)));
  return { structure, commune, dept, tag };
}
