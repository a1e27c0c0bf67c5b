/**
 * How screens read data: through the reads of db/, run live, so a screen redraws on its own whenever
 * a table it read changes. Both hooks answer `undefined` while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getRelais, type Relais } from '../db';
import { recordById } from '../db/live';
import { ownDeviceIds } from '../db/device';
import { ownershipOf, type DataOf, type RecordKind } from '../domain/kinds';
import type { Stored } from '../domain/records';
import { useReadOnly } from './readOnly';

/**
 * `useRead(query, ...args)`: `query` is a read of db/ (a function of the database and `args`), defined
 * once at module level; `args` are plain values (ids, dates) and decide when to read again.
 */
export function useRead<T, A extends readonly unknown[]>(query: (db: Relais['db'], ...args: A) => Promise<T>, ...args: A): T | undefined {
  return useLiveQuery(() => query(getRelais().db, ...args), [query, ...args]);
}

/** One record by id, deleted ones too (so a page can say so); `null` when there is none. */
export function useRecord<K extends RecordKind>(kind: K, id: string | undefined): Stored<DataOf<K>> | null | undefined {
  return useLiveQuery(() => recordById(getRelais().db, kind, id), [kind, id]);
}

/**
 * May this device edit, delete or restore `record`? Shared reference data: yes; a record only its
 * author may change: only when written here (docs/bundle-format.md, "Trust rules"). `undefined` while
 * loading. Screens show a notice instead of a form when not. In read-only mode, never.
 */
export function useMayChange(kind: RecordKind, record: { authorDevice: string } | null | undefined): boolean | undefined {
  const own = useRead(ownDeviceIds);
  const readOnly = useReadOnly();
  if (!record || !own) return undefined;
  if (readOnly) return false; // the whole database is read-only (ui/readOnly.tsx)
  return ownershipOf(kind) === 'shared' || own.has(record.authorDevice);
}
