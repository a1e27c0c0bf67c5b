/**
 * Followed people in the dashboard's rows (issue 10, "people helped … per age band / gender / social
 * status"). An activity counts each followed person it lists once (one per accompaniment, like
 * `followed`) under the gender, age band and status of that person's own record (domain/stats
 * `measuresOf`), so the three sections add up to the people helped. This is the middleware's part
 * for them (db/stats/middleware.ts calls it):
 *
 * - a write to `activities` reads the records of the people its activities list (`peopleFor`), once per
 *   transaction (`knownPeople`: an import writes its people before their activities, db/sync/tables.ts,
 *   and they are remembered as written, so it reads none);
 * - a write to `beneficiaries` that changes how a person counts (gender, status, age band or year of
 *   birth; deleted, erased, restored, arrived after the activities that list them) re-counts that
 *   person's activities, found through the `beneficiaryIds` index, in the same transaction
 *   (`peopleChangeDeltas`).
 *
 * Like the middleware, no `async`/`await`: Dexie follows its transaction through its own promises only.
 * Writes to activities and people inside one transaction must follow one another (every writer awaits
 * each write, as it must for the rows of activities already): a person's change racing an activity's
 * write could count that person under the wrong record.
 *
 * Rule read in La Coop's statistics (coop-mediation-numerique, mes-statistiques/_queries/
 * getBeneficiaireStats.ts): its gender, age band and status sections count every beneficiary, followed
 * or anonymous, from the beneficiary's record, "non communiqué" when not given — but DISTINCT people over
 * the filtered period, where an anonymous person is one record per accompaniment. Relais counts a
 * followed person once per accompaniment instead, like its "people helped" figure (`followed`), so the
 * sections add up to that figure and stay sums of per-month rows (distinct people over a period cannot
 * be added up from months).
 */
import Dexie, { type Table, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreRangeType, type DBCoreTable, type DBCoreTransaction } from 'dexie';
import type { Activity } from '../../domain/records';
import {
  accumulatePeopleChange, followedPersonOf, sameFollowedPerson, type FollowedPerson, type PeopleLookup, type StatRow,
} from '../../domain/stats/activityStats';
import type { RelaisDatabase } from '../schema';

export const BENEFICIARIES = 'beneficiaries';

/** The people each transaction has read or written so far: `null` for "not there / not live". */
const knownPeople = new WeakMap<DBCoreTransaction, Map<string, FollowedPerson | null>>();

function peopleKnownIn(trans: DBCoreTransaction): Map<string, FollowedPerson | null> {
  let known = knownPeople.get(trans);
  if (!known) {
    known = new Map();
    knownPeople.set(trans, known);
  }
  return known;
}

function lookupIn(known: Map<string, FollowedPerson | null>): PeopleLookup {
  return (id) => known.get(id) ?? undefined;
}

function idsListedBy(records: readonly unknown[], into = new Set<string>()): Set<string> {
  for (const record of records) {
    const ids = (record as Partial<Activity> | undefined)?.beneficiaryIds;
    if (ids) for (const id of ids) into.add(id);
  }
  return into;
}

/** Reads (once per transaction) the people these ids name; resolves when `known` holds them all. */
function readPeople(people: DBCoreTable, trans: DBCoreTransaction, ids: Iterable<string>): Promise<Map<string, FollowedPerson | null>> {
  const known = peopleKnownIn(trans);
  const missing = [...ids].filter((id) => !known.has(id));
  if (missing.length === 0) return Dexie.Promise.resolve(known);
  return people.getMany({ trans, keys: missing }).then((found: unknown[]) => {
    missing.forEach((id, i) => known.set(id, followedPersonOf(found[i]) ?? null));
    return known;
  });
}

/**
 * The followed people of the activities a write replaces and writes, as the counts see them; `undefined`
 * when none lists anyone (nothing read). `people` is the raw `beneficiaries` table of this transaction.
 */
export function peopleFor(people: DBCoreTable, trans: DBCoreTransaction, before: readonly unknown[], after: readonly unknown[]): Promise<PeopleLookup | undefined> {
  const ids = idsListedBy(after, idsListedBy(before));
  if (ids.size === 0) return Dexie.Promise.resolve(undefined);
  return readPeople(people, trans, ids).then(lookupIn);
}

/** The people a write to `beneficiaries` leaves, by id (a delete leaves none: `undefined`). */
function peopleAfter(req: DBCoreMutateRequest, before: unknown[], failed: (i: number) => boolean): Array<[string, FollowedPerson | undefined, FollowedPerson | undefined]> {
  const changes: Array<[string, FollowedPerson | undefined, FollowedPerson | undefined]> = [];
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((value: { id: string }, i) => {
      if (!failed(i)) changes.push([req.keys?.[i] ?? value.id, followedPersonOf(before[i]), followedPersonOf(value)]);
    });
  } else {
    before.forEach((value) => {
      const id = (value as { id?: string } | undefined)?.id;
      if (id !== undefined) changes.push([id, followedPersonOf(value), undefined]);
    });
  }
  return changes;
}

const EQUAL = 1 as DBCoreRangeType;
const RANGE = 2 as DBCoreRangeType;

/** The ids of the activities (live or not) that list any of `ids`: one keys-only index read per person. */
function activitiesListing(activities: DBCoreTable, trans: DBCoreTransaction, ids: string[]): Promise<string[]> {
  const index = activities.schema.indexes.find((i) => i.name === 'beneficiaryIds');
  if (!index) return Dexie.Promise.resolve([]);
  const sorted = [...ids].sort();
  // One read of the whole span first: when no activity lists anyone in it (an import that brings its
  // people before their activities, a new person), that is the only read.
  const span: DBCoreKeyRange = { type: RANGE, lower: sorted[0], upper: sorted[sorted.length - 1] };
  return activities.query({ trans, values: false, limit: 1, query: { index, range: span } }).then((probe) => {
    if (probe.result.length === 0) return [];
    return Dexie.Promise.all(sorted.map((id) => activities.query({
      trans, values: false, query: { index, range: { type: EQUAL, lower: id, upper: id } },
    }))).then((found) => [...new Set(found.flatMap((r) => r.result as string[]))]);
  });
}

/**
 * A write to `beneficiaries` (already applied to the table, `before` being what it replaced): the row
 * deltas of re-counting the activities of every person who now counts differently, added to `deltas`.
 * Updates what this transaction knows of these people.
 */
export function peopleChangeDeltas(
  activities: DBCoreTable, people: DBCoreTable, req: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse, deltas: Map<string, StatRow>,
): Promise<Map<string, StatRow>> {
  const { trans } = req;
  const known = peopleKnownIn(trans);
  const was = new Map<string, FollowedPerson | undefined>();
  for (const [id, previous, next] of peopleAfter(req, before, (i) => response.failures[i] !== undefined)) {
    // Within one request the first value replaces the stored copy, later ones the value before them.
    const counted = was.has(id) ? (known.get(id) ?? undefined) : previous;
    if (!was.has(id)) was.set(id, counted);
    known.set(id, next ?? null);
  }
  const changed = [...was].filter(([id, previous]) => !sameFollowedPerson(previous, known.get(id) ?? undefined)).map(([id]) => id);
  if (changed.length === 0) return Dexie.Promise.resolve(deltas);
  return activitiesListing(activities, trans, changed).then((ids) => {
    if (ids.length === 0) return deltas;
    return activities.getMany({ trans, keys: ids }).then((listing: unknown[]) => readPeople(people, trans, idsListedBy(listing)).then(() => {
      const after = lookupIn(known);
      const beforeChange: PeopleLookup = (id) => (was.has(id) ? was.get(id) : after(id));
      for (const activity of listing) accumulatePeopleChange(deltas, activity, beforeChange, after);
      return deltas;
    }));
  });
}

/**
 * People the dashboard's scans read before, per database, while the people table is as it was then:
 * every write to a person gives it a new change counter (`seq`) or changes the count, so both, two
 * index reads, tell when they must be read again. A filter change over the same edge days then reads
 * no person twice (each is a whole record: ~0.1 ms apiece at the bench).
 */
const scannedPeople = new WeakMap<RelaisDatabase, { token: string; people: Map<string, FollowedPerson | undefined> }>();

/** The records of the people these activities list, as the counts see them (the dashboard's scans). */
export async function followedPeopleOf(db: RelaisDatabase, activities: Array<Pick<Activity, 'beneficiaryIds'>>): Promise<PeopleLookup> {
  const ids = [...idsListedBy(activities)];
  if (ids.length === 0) return () => undefined;
  const [count, newest] = await Promise.all([db.beneficiaries.count(), db.beneficiaries.orderBy('seq').reverse().limit(1).keys()]);
  const token = `${count}/${String(newest[0] ?? '')}`;
  let cached = scannedPeople.get(db);
  if (cached?.token !== token) scannedPeople.set(db, (cached = { token, people: new Map() }));
  const { people } = cached;
  const missing = ids.filter((id) => !people.has(id));
  const found = missing.length > 0 ? await db.beneficiaries.bulkGet(missing) : [];
  missing.forEach((id, i) => people.set(id, followedPersonOf(found[i])));
  return (id) => people.get(id);
}

/** Every followed person as the counts see them (a recount), read a chunk at a time. */
export async function everyFollowedPerson(table: Table<{ id: string }, string>, chunkSize = 5000): Promise<PeopleLookup> {
  const people = new Map<string, FollowedPerson | undefined>();
  let chunk = await table.orderBy(':id').limit(chunkSize).toArray();
  for (;;) {
    for (const record of chunk) people.set(record.id, followedPersonOf(record));
    if (chunk.length < chunkSize) break;
    chunk = await table.where(':id').above(chunk[chunk.length - 1].id).limit(chunkSize).toArray();
  }
  return (id) => people.get(id);
}
