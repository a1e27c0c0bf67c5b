/**
 * The dashboard's rows (domain/stats/activityStats.ts) kept right by the database itself: a Dexie
 * DBCore middleware sees every write to `activities` — the repository's create, update, remove, restore
 * and erase, an import's merge, a quarantine release, retention, demo data, a workshop's closing, a
 * restore, anything written later — and updates `activityStats` in the SAME IndexedDB transaction,
 * before it commits. A write path cannot forget the aggregates, and a transaction that fails leaves
 * both untouched.
 *
 * Followed people count from their own record and activities held at a place in the place's commune,
 * so a write to `beneficiaries` or `places` that changes how a person or a place counts re-counts its
 * activities the same way (db/stats/followedPeople.ts, db/stats/placeCommunes.ts).
 *
 * To make that possible every read-write transaction that includes `activities`, `beneficiaries` or
 * `places` is widened to include all three and `activityStats` (`transaction` below), so callers never
 * have to name them.
 *
 * A writer that puts many batches in one transaction (an import: 50 batches of 2,000 at 100k) can ask
 * for the rows to be applied at its end (`withStatsDeferred`): the batches' deltas add up in memory
 * (up to a bound) and each row is read and written once or a few times instead of once per batch,
 * still before the commit.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { accumulateChange, applyDelta, mergeDeltas, type CountLookups, type StatRow } from '../../domain/stats/activityStats';
import { BENEFICIARIES, FOLLOWED_PEOPLE } from './followedPeople';
import { lookupsFor, referenceChangeDeltas, type CountedTables, type ReferenceKind } from './lookups';
import { PLACE_COMMUNES, PLACES } from './placeCommunes';

export const ACTIVITIES = 'activities';
export const ACTIVITY_STATS = 'activityStats';

/** The stores a write to activities, followed people or places needs: the rows count all three. */
const COUNTED_STORES = [ACTIVITIES, BENEFICIARIES, PLACES, ACTIVITY_STATS];

/** True when the transaction can hold the rows (not the upgrade of a version from before the table existed). */
function hasStatsStore(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return COUNTED_STORES.every((name) => names?.contains(name) ?? false);
}

/*
 * No `async`/`await` below, on purpose: Dexie follows its transaction through the promises it makes
 * (the DBCore calls return them) but not through a native `await` inside a middleware, and the
 * middlewares under this one (Dexie's hooks) read the current transaction after ours. Every step is
 * chained with `.then` on Dexie's own promises.
 */
type DexiePromise<T> = Promise<T>;

/**
 * What a writer already knows each value it puts replaces: the importer reads every stored copy before
 * merging (db/sync/import/apply.ts), so reading them all again here doubled its reads. Keyed by the very
 * objects handed to `bulkPut` (Dexie passes them down to DBCore as they are); a value not found here (a
 * hook cloned it, or another writer) makes the middleware read the stored records as before.
 */
const knownReplaced = new WeakMap<object, unknown>();

/** Tell the middleware that putting `value` replaces `stored` (undefined: a new record), read in this transaction. */
export function rememberReplaced(value: object, stored: unknown): void {
  knownReplaced.set(value, stored);
}

/** The records a mutation replaces or removes, read first in the same transaction (or known already). */
function previousValues(table: DBCoreTable, req: DBCoreMutateRequest): DexiePromise<unknown[]> {
  const { trans } = req;
  switch (req.type) {
    case 'add':
      return Dexie.Promise.resolve([]);
    case 'put': {
      const values = req.values as object[];
      if (values.length > 0 && values.every((value) => knownReplaced.has(value))) {
        const before = values.map((value) => knownReplaced.get(value));
        for (const value of values) knownReplaced.delete(value);
        return Dexie.Promise.resolve(before);
      }
      return table.getMany({ trans, keys: req.keys ?? req.values.map((v: { id: string }) => v.id) });
    }
    case 'delete':
      return table.getMany({ trans, keys: req.keys });
    case 'deleteRange':
      return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((found) => found.result);
  }
}

function applyDeltas(stats: DBCoreTable, trans: DBCoreTransaction, deltas: Map<string, StatRow>): DexiePromise<unknown> {
  if (deltas.size === 0) return Dexie.Promise.resolve();
  const keys = [...deltas.keys()];
  return stats.getMany({ trans, keys }).then((stored: Array<StatRow | undefined>) => {
    const puts: StatRow[] = [];
    const deletes: string[] = [];
    keys.forEach((key, i) => {
      const next = applyDelta(stored[i], deltas.get(key) as StatRow);
      if (next) puts.push(next);
      else if (stored[i]) deletes.push(key);
    });
    const put = puts.length > 0 ? stats.mutate({ trans, type: 'put', values: puts, keys: puts.map((r) => r.key) }) : Dexie.Promise.resolve();
    return put.then(() => (deletes.length > 0 ? stats.mutate({ trans, type: 'delete', keys: deletes }) : undefined));
  });
}

/**
 * The row deltas of a mutation, from the records it replaced and its response, added into `deltas`
 * (a fresh map, or the ones a deferring transaction has gathered so far).
 */
function deltasOf(
  req: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse, lookups: CountLookups, deltas = new Map<string, StatRow>(),
): Map<string, StatRow> {
  const failed = (i: number) => response.failures[i] !== undefined;
  if (req.type === 'add' || req.type === 'put') {
    // One request may write an id twice: the second write replaces the first, not the stored copy.
    const latest = new Map<unknown, unknown>();
    req.values.forEach((value: { id: string }, i) => {
      if (failed(i)) return;
      const key = req.keys?.[i] ?? value.id;
      accumulateChange(deltas, latest.has(key) ? latest.get(key) : before[i], value, lookups);
      latest.set(key, value);
    });
  } else {
    before.forEach((value, i) => { if (!failed(i)) accumulateChange(deltas, value, undefined, lookups); });
  }
  return deltas;
}

/**
 * How many rows a deferring transaction gathers before it writes them: bounded, because each row holds
 * its breakdowns and an import's peak heap must not also carry all of them for a region (the bench's
 * 100k records make 3,750 rows since each is kept per activity type, 1,920 before, written once at the
 * end; 26,784 when places had rows of their own).
 */
const DEFERRED_ROWS_LIMIT = 8_192;

/** The deltas gathered so far by each transaction that defers its rows (see `withStatsDeferred`). */
const deferredDeltas = new WeakMap<DBCoreTransaction, { deltas: Map<string, StatRow>; rowsLimit: number }>();

function tracked(table: DBCoreTable, tables: () => CountedTables): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      if (!hasStatsStore(req.trans)) return table.mutate(req);
      const deferred = deferredDeltas.get(req.trans);
      const written = req.type === 'put' || req.type === 'add' ? req.values : [];
      return previousValues(table, req).then((before) => lookupsFor(tables(), req.trans, [...before, ...written])
        .then((lookups) => table.mutate(req).then((response) => {
          if (deferred) {
            deltasOf(req, before, response, lookups, deferred.deltas);
            if (deferred.deltas.size < deferred.rowsLimit) return response;
            const due = deferred.deltas;
            deferred.deltas = new Map();
            return applyDeltas(tables().stats, req.trans, due).then(() => response);
          }
          return applyDeltas(tables().stats, req.trans, deltasOf(req, before, response, lookups)).then(() => response);
        })));
    },
  };
}

/** Followed people and places: a change to how one counts re-counts its activities (db/stats/followedPeople.ts, placeCommunes.ts). */
function trackedReference<T>(table: DBCoreTable, tables: () => CountedTables, kind: ReferenceKind<T>): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      if (!hasStatsStore(req.trans)) return table.mutate(req);
      return previousValues(table, req).then((before) => table.mutate(req).then((response) => {
        const deferred = deferredDeltas.get(req.trans);
        return referenceChangeDeltas(kind, tables(), req, before, response, new Map()).then((deltas) => {
          if (deltas.size === 0) return response;
          if (!deferred) return applyDeltas(tables().stats, req.trans, deltas).then(() => response);
          mergeDeltas(deferred.deltas, deltas);
          return response;
        });
      }));
    },
  };
}

/**
 * Run `body` (inside the current read-write transaction, which must include `activities`) with the
 * count rows applied at its end (and whenever `rowsLimit` rows wait) rather than after every write:
 * the same rows, fewer reads and writes. If `body` throws, the transaction aborts and the gathered
 * deltas are dropped with it.
 */
export async function withStatsDeferred<T>(db: Dexie, body: () => Promise<T>, rowsLimit = DEFERRED_ROWS_LIMIT): Promise<T> {
  const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
  if (!trans || !hasStatsStore(trans) || deferredDeltas.has(trans)) return body();
  const deferred = { deltas: new Map<string, StatRow>(), rowsLimit };
  deferredDeltas.set(trans, deferred);
  try {
    const result = await body();
    deferredDeltas.delete(trans);
    await applyDeltas(db.core.table(ACTIVITY_STATS), trans, deferred.deltas);
    return result;
  } finally {
    deferredDeltas.delete(trans);
  }
}

export const activityStatsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ActivityStats',
  create: (down) => {
    // Read when first written to (a table a version lacks must not be asked for before), then kept.
    let counted: CountedTables | undefined;
    const tables = (): CountedTables => (counted ??= {
      activities: down.table(ACTIVITIES), people: down.table(BENEFICIARIES), places: down.table(PLACES), stats: down.table(ACTIVITY_STATS),
    });
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.some((store) => COUNTED_STORES.includes(store))
          && down.schema.tables.some((t) => t.name === ACTIVITY_STATS);
        return down.transaction(widened ? [...new Set([...stores, ...COUNTED_STORES])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === ACTIVITIES) return tracked(table, tables);
        if (name === BENEFICIARIES) return trackedReference(table, tables, FOLLOWED_PEOPLE);
        if (name === PLACES) return trackedReference(table, tables, PLACE_COMMUNES);
        return table;
      },
    };
  },
};
