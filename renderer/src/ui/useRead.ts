/**
 * How a screen reads data: `useRead(query, ...args)` runs a read of db/ (a function of the database and
 * `args`) and runs it again whenever a table it read changes, so the screen redraws on its own.
 * `undefined` while loading. `args` should be plain values (ids, dates): they decide when to read again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getRelais, type Relais } from '../db';

export function useRead<T, A extends readonly unknown[]>(query: (db: Relais['db'], ...args: A) => Promise<T>, ...args: A): T | undefined {
  return useLiveQuery(() => query(getRelais().db, ...args), [query, ...args]);
}
