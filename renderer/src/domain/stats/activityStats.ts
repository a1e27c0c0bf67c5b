/**
 * The dashboard's figures as small keyed count rows ("a cube, sliced one dimension at a time, and by
 * activity type"), pure.
 *
 * Each live activity adds its measures to one row per (dimension value, activity type, month) it
 * belongs to: the row `all` of its month (twice: once for every type together, once for its type), the
 * row of its author, of its employing structure, of the commune where it took place and its
 * département (its place's commune when it was held at a place), and one row per thématique, démarche
 * and tag, each of them under its type. So the period, the type and at most one other filter are read
 * from at most one row per month and type (36 or 72 for three years, whatever the number of
 * activities); each row also holds the breakdowns (per thématique, per commune, per gender…) of the
 * activities it counts, so every figure of the page comes from those rows. Any other combination falls
 * back to an indexed scan with the same `measuresOf` (db/stats).
 *
 * Why the type is in every row, and not a dimension of its own: it is the filter a coordinator adds to
 * any other (individual accompaniments or workshops), and it splits each row in two without adding a
 * row to any activity (an activity has one type: its rows are the same number as when the type was a
 * row of its own, the `all` row under its type taking the place of that type row). A read without a
 * type adds the rows of both types of each month (`ACTIVITY_TYPES`, validated on every write and import),
 * except `all`, which keeps a row for every type together (`EVERY_TYPE`): the first screen, the home
 * page, the list's count and the mediators view read those, one row a month.
 *
 * No row is kept per place: a place holds a few activities a month (2.4 on average in the bench's
 * 100k), so its rows were nearly one row per activity (24,864 of 26,784 rows, 55 % of their bytes)
 * and an import wrote them all again in its transaction. The place filter reads a place's activities
 * through the `[placeId+date]` index instead (db/stats). `place` stays a dimension of the filters, not
 * of the rows; its activities are counted in its commune's rows, so a change of a place's commune
 * moves them (db/stats/placeCommunes.ts).
 *
 * What an activity counts under depends on two other records: its followed people's (gender, age band,
 * status) and its place's (the commune). `CountLookups` hands them in; the database keeps the rows equal
 * to a count with the records as they are now, in the same transaction as every write to activities,
 * people or places (db/stats/middleware.ts), and `recount` rebuilds them from scratch: a property test
 * and the bench check both agree.
 */
import { completeBreakdown } from '../activity';
import { trancheAgeOfAge } from '../beneficiary';
import { ACTIVITY_TYPES } from '../codes';
import type { Activity, Beneficiary, Place } from '../records';

/**
 * The filters the dashboard answers without a scan, besides the month and the type (part of every
 * row's key): by their rows, except `place`, which has no rows and is read through the activities'
 * `[placeId+date]` index (see above).
 */
export const STAT_DIMENSIONS = ['all', 'author', 'structure', 'commune', 'place', 'dept', 'them', 'dem', 'tag'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** The type part of the `all` rows that count every type together (the only rows without a type of their own). */
export const EVERY_TYPE = '';

/** The activity types a row can be kept under (besides `EVERY_TYPE` for `all`): a read without a type adds these. */
export const ROW_TYPES: readonly string[] = ACTIVITY_TYPES;

/** Duration buckets of the national statistics: < 30 min, 30–60, 60–120, ≥ 120. */
export const DURATION_BUCKETS = ['moins_30', 'de_30_a_60', 'de_60_a_120', 'plus_120'] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export function durationBucket(minutes: number): DurationBucket {
  if (minutes < 30) return 'moins_30';
  if (minutes < 60) return 'de_30_a_60';
  if (minutes < 120) return 'de_60_a_120';
  return 'plus_120';
}

/** Counts keyed by a code; a key whose count falls to zero is removed (so a recount compares equal). */
export type Counts = Record<string, number>;

export interface Measures {
  activities: number;
  individuel: number;
  collectif: number;
  /** People helped who are followed (pseudonymous codes): one per followed person per activity. */
  followed: number;
  /** Anonymous people: the anonymous person of an individual activity, a workshop's anonymous count. */
  anonymous: number;
  minutes: number;
  duration: Counts;
  thematique: Counts;
  demarche: Counts;
  /**
   * Every person helped per gender, age band and social status: the anonymous ones from the activity,
   * the followed ones from their own record (`FollowedPerson`), one per accompaniment like `followed`,
   * so each of the three sums to `followed + anonymous`.
   */
  genre: Counts;
  age: Counts;
  statut: Counts;
  /**
   * Activities per commune (INSEE) where they took place: the place's commune for an activity held at a
   * place (`''` while that place's commune is unknown: the place has not arrived, or has no commune).
   * Keyed by commune, not by place: a region's ten thousand places made every row carry ten thousand keys.
   */
  where: Counts;
  author: Counts;
}

export interface StatRow extends Measures {
  /**
   * `dim`, `value`, `type` and `month` joined by STAT_KEY_SEPARATOR: one string, so a range of months
   * of one (dimension, value, type) is one key range, and every row of a dimension one prefix.
   */
  key: string;
  dim: StatDimension;
  value: string;
  /** The activity type the row counts (`individuel`, `collectif`); `EVERY_TYPE` for the `all` rows of every type. */
  type: string;
  /** YYYY-MM */
  month: string;
}

export const STAT_KEY_SEPARATOR = '\u001f';

export function statKey(dim: StatDimension, value: string, type: string, month: string): string {
  return `${dim}${STAT_KEY_SEPARATOR}${value}${STAT_KEY_SEPARATOR}${type}${STAT_KEY_SEPARATOR}${month}`;
}

/** The first and last keys of the rows of (dimension, value, type) in a range of months (open ends when absent). */
export function statKeyRange(dim: StatDimension, value: string, type: string, months: { from?: string; to?: string }): [string, string] {
  return [statKey(dim, value, type, months.from ?? ''), statKey(dim, value, type, months.to ?? '\uffff')];
}

export function emptyMeasures(): Measures {
  return {
    activities: 0, individuel: 0, collectif: 0, followed: 0, anonymous: 0, minutes: 0,
    duration: {}, thematique: {}, demarche: {}, genre: {}, age: {}, statut: {}, where: {}, author: {},
  };
}

/** The département of an INSEE commune code: two characters, three overseas (97x). */
export function departementOfInsee(codeInsee: string): string {
  return codeInsee.startsWith('97') ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
}

/** The commune (INSEE) of a place, when it is known here (db/stats/placeCommunes.ts reads them). */
export type PlaceCommune = (placeId: string) => string | undefined;

/** A stored place record as the counts see it: its commune, deleted or not (its activities still took place there). */
export function communeOfPlace(record: unknown): string | undefined {
  return (record as Partial<Place> | undefined)?.commune?.codeInsee || undefined;
}

/** Where an activity took place: its place's commune when it was held at a place, else its own commune. */
export function communeOfActivity(a: Pick<Activity, 'placeId' | 'commune'>, placeCommune: PlaceCommune | undefined): string | undefined {
  return a.placeId ? placeCommune?.(a.placeId) : a.commune?.codeInsee;
}

/** The `where` key of an activity: its commune; `''` for a place whose commune is unknown; none when remote. */
function whereKey(a: Pick<Activity, 'placeId' | 'commune'>, placeCommune: PlaceCommune | undefined): string | undefined {
  return communeOfActivity(a, placeCommune) ?? (a.placeId ? '' : undefined);
}

/** Someone a record stands for: the `authorDevice` of the activity. */
export interface Authored { authorDevice: string }

function bump(counts: Counts, key: string, by: number): void {
  if (by === 0) return;
  const next = (counts[key] ?? 0) + by;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

const COUNT_FIELDS = ['duration', 'thematique', 'demarche', 'genre', 'age', 'statut', 'where', 'author'] as const;
type CountField = (typeof COUNT_FIELDS)[number];
const NUMBER_FIELDS = ['activities', 'individuel', 'collectif', 'followed', 'anonymous', 'minutes'] as const;

/** `into += sign × from`, in place. */
export function addMeasures(into: Measures, from: Measures, sign: 1 | -1 = 1): void {
  for (const field of NUMBER_FIELDS) into[field] += sign * from[field];
  for (const field of COUNT_FIELDS) {
    for (const [key, n] of Object.entries(from[field])) bump(into[field], key, sign * n);
  }
}

/**
 * What the counts read of a followed person's record: gender, social status, age band and year of
 * birth. Absent (`undefined`) when the record is not there, deleted or erased: "non communiqué".
 */
export type FollowedPerson = Pick<Beneficiary, 'genre' | 'statutSocial' | 'trancheAge' | 'anneeNaissance'>;

/** The followed person of an id as the counts see it now (db/stats/followedPeople.ts reads them). */
export type PeopleLookup = (id: string) => FollowedPerson | undefined;

/**
 * The other records an activity's counts read: its followed people's and its place's commune. Without
 * them a followed person counts "non communiqué" and a place's activity in no commune.
 */
export interface CountLookups {
  people?: PeopleLookup;
  placeCommune?: PlaceCommune;
}

const NOT_COMMUNICATED = 'non_communique';

/** A stored person record as the counts see it: its demographics while live, else `undefined`. */
export function followedPersonOf(record: unknown): FollowedPerson | undefined {
  const r = record as (Partial<Beneficiary> & Partial<StoredActivityLike>) | undefined;
  if (!r || r.deleted !== 0 || r.erased !== 0) return undefined;
  return { genre: r.genre, statutSocial: r.statutSocial, trancheAge: r.trancheAge, anneeNaissance: r.anneeNaissance };
}

/** Two states of a person that count the same (a change between them leaves every row as it is). */
export function sameFollowedPerson(a: FollowedPerson | undefined, b: FollowedPerson | undefined): boolean {
  if (!a || !b) return a === b;
  return a.genre === b.genre && a.statutSocial === b.statutSocial && a.trancheAge === b.trancheAge && a.anneeNaissance === b.anneeNaissance;
}

/**
 * A followed person's age band for an activity: from the year of birth, the age in the activity's year
 * (La Coop derives it from the year of birth as of today; as of the activity's year keeps a row right
 * after New Year without a recount), else the band on the record.
 */
function ageBandAt(person: FollowedPerson, date: string): string {
  if (person.anneeNaissance !== undefined && Number.isInteger(person.anneeNaissance)) {
    return trancheAgeOfAge(Number(date.slice(0, 4)) - person.anneeNaissance);
  }
  return person.trancheAge ?? NOT_COMMUNICATED;
}

/** Adds the followed people of `a` to the gender, age and status counts, as `people` says they are. */
function countFollowed(m: Measures, a: Activity, people: PeopleLookup | undefined, sign: 1 | -1 = 1): void {
  for (const id of a.beneficiaryIds ?? []) {
    const person = people?.(id);
    bump(m.genre, person?.genre ?? NOT_COMMUNICATED, sign);
    bump(m.age, person ? ageBandAt(person, a.date) : NOT_COMMUNICATED, sign);
    bump(m.statut, person?.statutSocial ?? NOT_COMMUNICATED, sign);
  }
}

/** The measures of one live activity, its followed people and place as `lookups` give them. */
export function measuresOf(a: Activity & Authored, lookups: CountLookups = {}): Measures {
  const m = emptyMeasures();
  m.activities = 1;
  if (a.type === 'collectif') m.collectif = 1;
  else m.individuel = 1;
  m.followed = a.beneficiaryIds?.length ?? 0;
  const minutes = a.duree;
  m.minutes = minutes;
  bump(m.duration, durationBucket(minutes), 1);
  for (const code of new Set(a.thematiques ?? [])) bump(m.thematique, code, 1);
  for (const code of new Set(a.thematiquesDemarche ?? [])) bump(m.demarche, code, 1);
  const where = whereKey(a, lookups.placeCommune);
  if (where !== undefined) bump(m.where, where, 1);
  bump(m.author, a.authorDevice, 1);
  if (a.type === 'collectif' && a.participantsAnonymes) {
    const counts = a.participantsAnonymes;
    m.anonymous = counts.total;
    // As La Coop counts them: "non communiqué" fills what a partial breakdown leaves.
    for (const [code, n] of Object.entries(completeBreakdown(counts, 'genres'))) bump(m.genre, code, n);
    for (const [code, n] of Object.entries(completeBreakdown(counts, 'tranchesAge'))) bump(m.age, code, n);
    for (const [code, n] of Object.entries(completeBreakdown(counts, 'statutsSociaux'))) bump(m.statut, code, n);
  } else if (a.type === 'individuel' && m.followed === 0) {
    // An individual activity with no followed person helped one anonymous person.
    m.anonymous = 1;
    const person = a.beneficiaireAnonyme;
    bump(m.genre, person?.genre ?? 'non_communique', 1);
    bump(m.age, person?.trancheAge ?? 'non_communique', 1);
    bump(m.statut, person?.statutSocial ?? 'non_communique', 1);
  }
  // Followed people count from their own record, as La Coop's statistics count every beneficiary.
  if (m.followed > 0) countFollowed(m, a, lookups.people);
  return m;
}

/**
 * The (dimension, value, type) rows an activity is counted under, besides the month: each dimension
 * value under the activity's type, and `all` also under every type.
 */
export function dimensionsOf(a: Activity & Authored, placeCommune: PlaceCommune | undefined): Array<[StatDimension, string, string]> {
  const type = a.type;
  const dims: Array<[StatDimension, string, string]> = [['all', '', EVERY_TYPE], ['all', '', type], ['author', a.authorDevice, type]];
  if (a.structureEmployeuse?.nom) dims.push(['structure', a.structureEmployeuse.nom, type]);
  const commune = communeOfActivity(a, placeCommune);
  if (commune) {
    dims.push(['commune', commune, type]);
    dims.push(['dept', departementOfInsee(commune), type]);
  }
  for (const code of new Set(a.thematiques ?? [])) dims.push(['them', code, type]);
  for (const code of new Set(a.thematiquesDemarche ?? [])) dims.push(['dem', code, type]);
  for (const tag of new Set(a.tags ?? [])) dims.push(['tag', tag, type]);
  return dims;
}

/** A stored record as the rows see it: live (counted) or not. */
export interface StoredActivityLike extends Authored {
  deleted: 0 | 1;
  erased: 0 | 1;
}

export function isCounted(record: unknown): record is Activity & StoredActivityLike {
  const r = record as (Partial<Activity> & Partial<StoredActivityLike>) | undefined;
  return !!r && r.deleted === 0 && r.erased === 0 && typeof r.date === 'string' && typeof r.duree === 'number';
}

/**
 * The row deltas of changing an activity from `before` to `after` (either absent, deleted or erased):
 * `sign × measures` for each row key it leaves or joins. Accumulates into `deltas` (keyed by row key).
 */
export function accumulateChange(deltas: Map<string, StatRow>, before: unknown, after: unknown, lookups: CountLookups = {}): void {
  if (isCounted(before)) accumulate(deltas, before, -1, lookups);
  if (isCounted(after)) accumulate(deltas, after, 1, lookups);
}

/**
 * The row deltas of a live activity whose place moved from the commune `before` gives to the one
 * `after` gives (a place edited, or arriving after its activities): counted again whole, out of the
 * first and into the second (the rows of its other dimensions net to nothing).
 */
export function accumulatePlaceChange(deltas: Map<string, StatRow>, activity: unknown, people: PeopleLookup | undefined, before: PlaceCommune, after: PlaceCommune): void {
  if (!isCounted(activity)) return;
  accumulate(deltas, activity, -1, { people, placeCommune: before });
  accumulate(deltas, activity, 1, { people, placeCommune: after });
}

/**
 * The row deltas of a live activity whose followed people changed from `before` to `after` (a person
 * edited, erased, deleted, or arrived after the activity): only its gender, age and status counts move.
 */
export function accumulatePeopleChange(
  deltas: Map<string, StatRow>, activity: unknown, before: PeopleLookup, after: PeopleLookup, placeCommune: PlaceCommune | undefined,
): void {
  if (!isCounted(activity) || !activity.beneficiaryIds?.length) return;
  const m = emptyMeasures();
  countFollowed(m, activity, before, -1);
  countFollowed(m, activity, after, 1);
  if (Object.keys(m.genre).length + Object.keys(m.age).length + Object.keys(m.statut).length === 0) return;
  const month = activity.date.slice(0, 7);
  for (const [dim, value, type] of dimensionsOf(activity, placeCommune)) {
    const row = deltaRow(deltas, dim, value, type, month);
    for (const field of ['genre', 'age', 'statut'] as const) {
      for (const code in m[field]) bump(row[field], code, m[field][code]);
    }
  }
}

/** The delta row of (dimension, value, type, month) in `deltas`, made empty the first time. */
function deltaRow(deltas: Map<string, StatRow>, dim: StatDimension, value: string, type: string, month: string): StatRow {
  const key = statKey(dim, value, type, month);
  let row = deltas.get(key);
  if (!row) {
    row = { key, dim, value, type, month, ...emptyMeasures() };
    deltas.set(key, row);
  }
  return row;
}

function accumulate(deltas: Map<string, StatRow>, a: Activity & Authored, sign: 1 | -1, lookups: CountLookups): void {
  const measures = measuresOf(a, lookups);
  // The activity's counts flattened once, then added to each of its rows: walking the eight counts
  // objects again for every row was most of an import's counting time.
  const counted: Array<[CountField, string, number]> = [];
  for (const field of COUNT_FIELDS) {
    const counts = measures[field];
    for (const key in counts) counted.push([field, key, sign * counts[key]]);
  }
  const month = a.date.slice(0, 7);
  for (const [dim, value, type] of dimensionsOf(a, lookups.placeCommune)) {
    const row = deltaRow(deltas, dim, value, type, month);
    for (const field of NUMBER_FIELDS) row[field] += sign * measures[field];
    for (const [field, code, n] of counted) bump(row[field], code, n);
  }
}

/** Adds delta rows into `into` (a deferring transaction's gathered deltas), row by row. */
export function mergeDeltas(into: Map<string, StatRow>, from: Map<string, StatRow>): void {
  for (const [key, row] of from) {
    const gathered = into.get(key);
    if (gathered) addMeasures(gathered, row);
    else into.set(key, row);
  }
}

/** A stored row plus a delta; `undefined` when it counts nothing any more (the row is deleted). */
export function applyDelta(stored: StatRow | undefined, delta: StatRow): StatRow | undefined {
  const row: StatRow = stored
    ? { ...stored, duration: { ...stored.duration }, thematique: { ...stored.thematique }, demarche: { ...stored.demarche }, genre: { ...stored.genre },
      age: { ...stored.age }, statut: { ...stored.statut }, where: { ...stored.where }, author: { ...stored.author } }
    : { key: delta.key, dim: delta.dim, value: delta.value, type: delta.type, month: delta.month, ...emptyMeasures() };
  addMeasures(row, delta);
  return row.activities === 0 ? undefined : row;
}

/** Every row, rebuilt from the activities (added to `rows`, for a recount in chunks): what the maintained rows must always equal. */
export function recount(activities: Iterable<unknown>, rows = new Map<string, StatRow>(), lookups: CountLookups = {}): Map<string, StatRow> {
  for (const a of activities) accumulateChange(rows, undefined, a, lookups);
  return rows;
}
