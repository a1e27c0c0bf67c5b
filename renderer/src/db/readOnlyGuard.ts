/**
 * The read-only guard (issue 12, "open read-only"): a Dexie DBCore middleware that refuses every
 * read-write transaction and every mutation before it reaches IndexedDB. A database opened read-only
 * (db/readOnly.ts) has it as its first layer, so no write path — a repository, a `db/` step, a table's
 * `put` — can change a database this release could not open normally.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** What every write attempt on a read-only database throws; screens tell it apart by its name. */
export class ReadOnlyDatabaseError extends Error {
  override name = 'ReadOnlyDatabaseError';
  constructor(what: string) {
    super(`Relais is open read-only: ${what} refused, nothing was written`);
  }
}

/** Whether an error (or the error a Dexie error wraps) is the guard's refusal. */
export function isReadOnlyRefusal(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if ((current as { name?: unknown }).name === 'ReadOnlyDatabaseError') return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

export const readOnlyGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'readOnlyGuard',
  // The outermost layer: nothing under it (hooks, other middleware, IndexedDB) ever sees a write.
  level: 1000,
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      if (mode !== 'readonly') throw new ReadOnlyDatabaseError(`a read-write transaction on ${stores.join(', ')}`);
      return down.transaction(stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        mutate: (request: DBCoreMutateRequest) => Promise.reject(new ReadOnlyDatabaseError(`${request.type} in ${name}`)),
      };
    },
  }),
};
