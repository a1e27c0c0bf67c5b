/**
 * What the count rows read besides an activity — its followed people's records and its place's
 * commune (domain/stats `CountLookups`) — as one transaction of the middleware knows them
 * (db/stats/middleware.ts). Each person and place is read at most once per transaction, then kept as
 * the transaction's own writes leave it: an import writes its people and places before their
 * activities (db/sync/tables.ts), so its activities read none of them again.
 *
 * A write to a person or a place that changes how it counts re-counts the activities that name it,
 * found through an index (`referenceChangeDeltas`, with what each kind counts of its records:
 * db/stats/followedPeople.ts and db/stats/placeCommunes.ts).
 *
 * Like the middleware, no `async`/`await`: Dexie follows its transaction through its own promises only.
 */
import Dexie, { type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreRangeType, type DBCoreTable, type DBCoreTransaction } from 'dexie';
import type { Activity } from '../../domain/records';
import { communeOfPlace, followedPersonOf, type CountLookups, type FollowedPerson, type StatRow } from '../../domain/stats/activityStats';

/** The raw tables of one transaction that the rows are counted from and kept in. */
export interface CountedTables {
  activities: DBCoreTable;
  people: DBCoreTable;
  places: DBCoreTable;
  stats: DBCoreTable;
}

/** What a transaction knows so far, by id: `null` for "not there, or nothing to count". */
export interface Known {
  people: Map<string, FollowedPerson | null>;
  places: Map<string, string | null>;
}

const knownPerTransaction = new WeakMap<DBCoreTransaction, Known>();

export function knownIn(trans: DBCoreTransaction): Known {
  let known = knownPerTransaction.get(trans);
  if (!known) {
    known = { people: new Map(), places: new Map() };
    knownPerTransaction.set(trans, known);
  }
  return known;
}

/** The lookups over what a transaction knows (an id it does not know counts as absent). */
export function lookupsOf(known: Known): Required<CountLookups> {
  return { people: (id) => known.people.get(id) ?? undefined, placeCommune: (id) => known.places.get(id) ?? undefined };
}

/** Reads into `known` the records of `ids` it does not hold yet, as `view` sees them. */
function readMissing<T>(table: DBCoreTable, trans: DBCoreTransaction, known: Map<string, T | null>, ids: Iterable<string>, view: (record: unknown) => T | undefined): Promise<unknown> {
  const missing = [...ids].filter((id) => !known.has(id));
  if (missing.length === 0) return Dexie.Promise.resolve();
  return table.getMany({ trans, keys: missing }).then((found: unknown[]) => {
    missing.forEach((id, i) => known.set(id, view(found[i]) ?? null));
  });
}

/** The people and places these activities name, read (once per transaction), as lookups. */
export function lookupsFor(tables: CountedTables, trans: DBCoreTransaction, activities: readonly unknown[]): Promise<Required<CountLookups>> {
  const people = new Set<string>();
  const places = new Set<string>();
  for (const record of activities) {
    const activity = record as Partial<Activity> | undefined;
    if (activity?.beneficiaryIds) for (const id of activity.beneficiaryIds) people.add(id);
    if (activity?.placeId) places.add(activity.placeId);
  }
  const known = knownIn(trans);
  return Dexie.Promise.all([
    readMissing(tables.people, trans, known.people, people, followedPersonOf),
    readMissing(tables.places, trans, known.places, places, communeOfPlace),
  ]).then(() => lookupsOf(known));
}

/**
 * What a write to a person or place table changes, record by record, as `view` sees it: each written id
 * with how it counted before (the value it replaces, or within one request the value before it) and
 * how it counts now. Updates `known` to the written values. Returns only the ids that count differently.
 */
function countedChanges<T>(
  req: DBCoreMutateRequest, before: unknown[], failed: (i: number) => boolean, known: Map<string, T | null>,
  view: (record: unknown) => T | undefined, same: (a: T | undefined, b: T | undefined) => boolean,
): Map<string, T | undefined> {
  const written: Array<[string, T | undefined, T | undefined]> = [];
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((value: { id: string }, i) => {
      if (!failed(i)) written.push([req.keys?.[i] ?? value.id, view(before[i]), view(value)]);
    });
  } else {
    before.forEach((value) => {
      const id = (value as { id?: string } | undefined)?.id;
      if (id !== undefined) written.push([id, view(value), undefined]);
    });
  }
  const was = new Map<string, T | undefined>();
  for (const [id, previous, next] of written) {
    if (!was.has(id)) was.set(id, previous);
    known.set(id, next ?? null);
  }
  for (const [id, previous] of was) if (same(previous, known.get(id) ?? undefined)) was.delete(id);
  return was;
}

const RANGE = 2 as DBCoreRangeType;

/** How an index is read for the activities naming ids from `first` to `last` (both included). */
export type NamingRange = (first: string, last: string) => DBCoreKeyRange;

/** For a plain or multi-entry index of ids (`beneficiaryIds`). */
export const idRange: NamingRange = (first, last) => ({ type: RANGE, lower: first, upper: last });

/** For a compound index that starts with the id (`[placeId+date]`): every entry of those ids. */
export const leadingIdRange: NamingRange = (first, last) => ({ type: RANGE, lower: [first], upper: [last, []] });

/** The ids of the activities (live or not) that name any of `ids` in `indexName`: keys only. */
function activitiesNaming(activities: DBCoreTable, trans: DBCoreTransaction, indexName: string, range: NamingRange, ids: Iterable<string>): Promise<string[]> {
  const index = activities.schema.indexes.find((i) => i.name === indexName);
  const sorted = [...ids].sort();
  if (!index || sorted.length === 0) return Dexie.Promise.resolve([]);
  // One read of the whole span first: when no activity names anyone in it (an import that brings its
  // people and places before their activities, a new record), that is the only read.
  const span = range(sorted[0], sorted[sorted.length - 1]);
  return activities.query({ trans, values: false, limit: 1, query: { index, range: span } }).then((probe) => {
    if (probe.result.length === 0) return [];
    return Dexie.Promise.all(sorted.map((id) => activities.query({ trans, values: false, query: { index, range: range(id, id) } })))
      .then((found) => [...new Set(found.flatMap((r) => r.result as string[]))]);
  });
}

/** A kind of record the counts read (followed people, places): how a change to one re-counts its activities. */
export interface ReferenceKind<T> {
  /** What a transaction knows of these records. */
  known: (known: Known) => Map<string, T | null>;
  /** A stored record as the counts see it (`undefined`: counts as absent). */
  view: (record: unknown) => T | undefined;
  same: (a: T | undefined, b: T | undefined) => boolean;
  /** The index of activities that names these records, and how to read it. */
  index: string;
  range: NamingRange;
  /** The row deltas of one activity counted with `before` (how the changed records counted) and then with `after`. */
  recount: (deltas: Map<string, StatRow>, activity: unknown, before: (id: string) => T | undefined, after: Required<CountLookups>) => void;
}

/**
 * A write to a table of `kind` (already applied, `before` being what it replaced): the row deltas of
 * re-counting the activities of every record that now counts differently, added to `deltas`. Updates
 * what this transaction knows of these records.
 */
export function referenceChangeDeltas<T>(
  kind: ReferenceKind<T>, tables: CountedTables, req: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse, deltas: Map<string, StatRow>,
): Promise<Map<string, StatRow>> {
  const { trans } = req;
  const known = kind.known(knownIn(trans));
  const was = countedChanges(req, before, (i) => response.failures[i] !== undefined, known, kind.view, kind.same);
  return activitiesNaming(tables.activities, trans, kind.index, kind.range, was.keys()).then((ids) => {
    if (ids.length === 0) return deltas;
    return tables.activities.getMany({ trans, keys: ids }).then((naming: unknown[]) => lookupsFor(tables, trans, naming).then((after) => {
      const beforeChange = (id: string): T | undefined => (was.has(id) ? was.get(id) : (known.get(id) ?? undefined));
      for (const activity of naming) kind.recount(deltas, activity, beforeChange, after);
      return deltas;
    }));
  });
}
