/**
 * The dashboard's reads. With the period and at most one other filter, the figures come from the count
 * rows (`activityStats`: at most one row per month; a place's activities, which have no rows, through
 * the `[placeId+date]` index);
 * the rows are per month and the period is by day, so the whole months come from the rows and the
 * partial months at either edge from an indexed scan of those days. With two filters or more (or the
 * village, which no row answers), from an indexed scan of the activities that pass them. Every scan
 * measures with the same pure `measuresOf` (domain/stats) and filters with the one `matches`: rarer,
 * slower, and never different.
 */
import Dexie from 'dexie';
import type { Activity, Stored } from '../../domain/records';
import {
  addMeasures, departementOfInsee, emptyMeasures, isCounted, measuresOf, recount, STAT_KEY_SEPARATOR, statKey, type Measures, type StatDimension, type StatRow,
} from '../../domain/stats/activityStats';
import {
  activeFilterFields, FILTER_DIMENSIONS, matches, splitPeriod, type ActivityFilters, type DrillDown, type PeriodSplit, type PlaceCommune, type RowField,
} from '../../domain/stats/filters';
import { canonicalJson } from '../../domain/canonical';
import type { RelaisDatabase } from '../schema';
import { everyFollowedPerson, followedPeopleOf } from './followedPeople';

export interface MonthFigure { month: string; activities: number; people: number }

export interface DashboardFigures {
  totals: Measures;
  perMonth: MonthFigure[];
  /** Activities per commune (INSEE), a place's activities counted in its commune; `''` when unknown. */
  perCommune: Record<string, number>;
  /** How the figures were read: the count rows, the rows and a scan of the partial edge months, or a scan. */
  source: 'rows' | 'rows+edges' | 'scan';
}

/**
 * The commune of every place (places are few: a territory's hundreds), to place activities held at a
 * place. Reading them decodes whole place records (more bytes than the count rows): the dashboard reads
 * them once per change of the places (its own live read) and hands them to every `readDashboard`.
 */
export async function placeCommunes(db: RelaisDatabase): Promise<Map<string, string>> {
  const places = await db.places.toArray();
  return new Map(places.filter((p) => p.commune?.codeInsee).map((p) => [p.id, p.commune.codeInsee]));
}

type MonthRange = NonNullable<PeriodSplit['months']>;

function rowsOf(db: RelaisDatabase, dim: StatDimension, value: string, months: MonthRange): Promise<StatRow[]> {
  return db.activityStats.where(':id')
    .between(statKey(dim, value, months.from ?? ''), statKey(dim, value, months.to ?? '\uffff'), true, true).toArray();
}

type Measured = { month: string; measures: Measures };

/**
 * The live activities held at these places in whole months, measured: places have no count rows (an
 * import would rewrite nearly one row per activity, see domain/stats/activityStats.ts), so they are
 * read through the `[placeId+date]` index — a place's few activities a month, or for a commune or a
 * département the activities of its places.
 */
async function measuredAtPlaces(db: RelaisDatabase, placeIds: readonly string[], months: MonthRange): Promise<Measured[]> {
  const from = months.from ?? '';
  const to = `${months.to ?? ''}\uffff`;
  // One plain range per place, side by side: each is read in one go (`getAll`), where Dexie walks
  // several ranges at once with a cursor, a record at a time.
  const perPlace = await Promise.all(placeIds.map((id) => db.activities.where('[placeId+date]').between([id, from], [id, to], true, true).toArray()));
  const counted = perPlace.flat().filter(isCounted);
  const people = await followedPeopleOf(db, counted);
  return counted.map((a) => ({ month: a.date.slice(0, 7), measures: measuresOf(a, people) }));
}

/** The measures of whole months that answer at most one row criterion, a place counted in its commune or département. */
async function rowsFor(db: RelaisDatabase, field: RowField | undefined, f: ActivityFilters, months: MonthRange, places: Map<string, string>): Promise<Measured[]> {
  const asMeasured = (rows: StatRow[]) => rows.map((row) => ({ month: row.month, measures: row as Measures }));
  if (!field) return asMeasured(await rowsOf(db, 'all', '', months));
  const value = f[field] as string;
  if (field === 'place') return measuredAtPlaces(db, [value], months);
  const rows = asMeasured(await rowsOf(db, FILTER_DIMENSIONS[field], value, months));
  if (field === 'commune' || field === 'departement') {
    const inside = [...places].filter(([, insee]) => (field === 'commune' ? insee === value : departementOfInsee(insee) === value));
    rows.push(...(await measuredAtPlaces(db, inside.map(([placeId]) => placeId), months)));
  }
  return rows;
}

/**
 * The live activities of the period that pass every filter, read through the narrowest index at hand;
 * `fewDays` (a partial edge month) always goes by date, a few weeks being narrower than any village or
 * thématique.
 */
async function scan(db: RelaisDatabase, f: DrillDown, placeCommune: PlaceCommune, fewDays = false): Promise<Array<Stored<Activity>>> {
  const from = f.from || Dexie.minKey;
  const to = f.to || Dexie.maxKey;
  const candidates = f.author
    ? db.activities.where('[authorDevice+deleted+date]').between([f.author, 0, from], [f.author, 0, to], true, true)
    : f.village && !fewDays
      ? db.activities.where('villageId').equals(f.village)
      : f.thematique && !fewDays
        ? db.activities.where('thematiques').equals(f.thematique)
        : db.activities.where('[deleted+date]').between([0, from], [0, to], true, true);
  return candidates.filter((a) => a.deleted === 0 && a.erased === 0 && matches(a, f, placeCommune)).toArray();
}

function figuresFrom(rows: Iterable<{ month: string; measures: Measures }>, places: Map<string, string>, source: DashboardFigures['source']): DashboardFigures {
  const totals = emptyMeasures();
  const months = new Map<string, MonthFigure>();
  for (const { month, measures } of rows) {
    addMeasures(totals, measures);
    const figure = months.get(month) ?? { month, activities: 0, people: 0 };
    figure.activities += measures.activities;
    figure.people += measures.followed + measures.anonymous;
    months.set(month, figure);
  }
  const perCommune: Record<string, number> = {};
  for (const [where, n] of Object.entries(totals.where)) {
    const insee = where.startsWith('p:') ? places.get(where.slice(2)) ?? '' : where.slice(2);
    perCommune[insee] = (perCommune[insee] ?? 0) + n;
  }
  const perMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return { totals, perMonth, perCommune, source };
}

/** The figures for `filters`; `known` is `placeCommunes` already read (a filter change need not read places again). */
export async function readDashboard(db: RelaisDatabase, filters: ActivityFilters, known?: Map<string, string>): Promise<DashboardFigures> {
  return db.transaction('r', [db.activityStats, db.activities, db.places, db.beneficiaries], async () => {
    const places = known ?? await placeCommunes(db);
    const placeCommune: PlaceCommune = (id) => places.get(id);
    const measured = async (found: Array<Stored<Activity>>) => {
      const people = await followedPeopleOf(db, found);
      return found.map((a) => ({ month: a.date.slice(0, 7), measures: measuresOf(a, people) }));
    };
    const fields = activeFilterFields(filters);
    const split = splitPeriod(filters);
    if (fields.length > 1 || fields[0] === 'village' || !split.months) {
      // A period of no whole month is at most two partial months: read by date.
      return figuresFrom(await measured(await scan(db, filters, placeCommune, !split.months)), places, 'scan');
    }
    const rows = await rowsFor(db, fields[0] as RowField | undefined, filters, split.months, places);
    const edges: Array<Stored<Activity>> = [];
    for (const edge of split.edges) edges.push(...(await scan(db, { ...filters, ...edge }, placeCommune, true)));
    return figuresFrom([...rows, ...(await measured(edges))], places, split.edges.length > 0 ? 'rows+edges' : 'rows');
  });
}

/**
 * The records behind a figure, newest first, at most `limit`: walked backwards through the date index
 * (or the author's), stopping as soon as the first screen is full.
 */
export async function drillDown(db: RelaisDatabase, drill: DrillDown, limit = 100): Promise<{ activities: Array<Stored<Activity>>; more: boolean }> {
  return db.transaction('r', [db.activities, db.places], async () => {
    const places = await placeCommunes(db);
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
  return db.transaction('r', [db.activityStats, db.activities, db.beneficiaries], async () => {
    // Read a chunk at a time by id: a million activities (the bench at 1M) never sit in memory at once.
    const expected = new Map<string, StatRow>();
    const people = await everyFollowedPerson(db.beneficiaries, chunkSize);
    let chunk = await db.activities.orderBy(':id').limit(chunkSize).toArray();
    recount(chunk, expected, people);
    while (chunk.length === chunkSize) {
      chunk = await db.activities.where(':id').above(chunk[chunk.length - 1].id).limit(chunkSize).toArray();
      recount(chunk, expected, people);
    }
    const stored = new Map((await db.activityStats.toArray()).map((row) => [row.key, row]));
    const keys = new Set([...expected.keys(), ...stored.keys()]);
    return [...keys].filter((key) => canonicalJson(expected.get(key) ?? null) !== canonicalJson(stored.get(key) ?? null));
  });
}

/**
 * The values a dimension takes in the rows (the communes, tags, structures… that have activities), for
 * the filters' choices: primary keys only, no row decoded.
 */
export async function dimensionValues(db: RelaisDatabase, dim: StatDimension): Promise<string[]> {
  const keys = await db.activityStats.where(':id').between(statKey(dim, '', ''), `${dim}${STAT_KEY_SEPARATOR}\uffff`, true, true).primaryKeys();
  return [...new Set(keys.map((key) => key.split(STAT_KEY_SEPARATOR)[1]))].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** The places that hold live activities (places have no rows): the `where` counts of the `all` rows, one per month. */
async function placesWithActivities(db: RelaisDatabase): Promise<string[]> {
  const rows = await rowsOf(db, 'all', '', {});
  const ids = new Set<string>();
  for (const row of rows) for (const where of Object.keys(row.where)) if (where.startsWith('p:')) ids.add(where.slice(2));
  return [...ids].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** Every filter's choices at once (one read for the page); `known`: `placeCommunes` already read. */
export async function dashboardChoices(db: RelaisDatabase, known?: Map<string, string>): Promise<Record<'structure' | 'commune' | 'dept' | 'tag' | 'place', string[]>> {
  const [[structure, commune, dept, tag], place] = await Promise.all([
    Promise.all((['structure', 'commune', 'dept', 'tag'] as const).map((dim) => dimensionValues(db, dim))),
    placesWithActivities(db),
  ]);
  // Activities held at a place count in the place's commune and département too.
  const places = known ?? await placeCommunes(db);
  for (const id of place) {
    const insee = places.get(id);
    if (insee) {
      commune.push(insee);
      dept.push(departementOfInsee(insee));
    }
  }
  const unique = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'fr'));
  return { structure, commune: unique(commune), dept: unique(dept), tag, place };
}
