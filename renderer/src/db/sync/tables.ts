/**
 * How sync reaches the record tables: the table of each kind seen as sync records, and the one loop
 * that walks a bundle's records kind by kind, in chunks, each chunk with the stored copies of its
 * records. Preview, leave-out-held and apply all go through `forEachStoredChunk`.
 */
import type { Table } from 'dexie';
import { RECORD_KINDS, tableOf, type RecordKind } from '../../domain/kinds';
import type { SyncRecord } from '../../domain/sync/merge';
import { inChunksByKind, type KindInChunks, type ReceivedEntries } from '../../domain/sync/packed';
import type { RelaisDatabase } from '../schema';

/** Records are read and written in chunks of this size: one read + one bulkPut per chunk. */
export const CHUNK = 2000;

export type SyncTable = Table<SyncRecord, string>;

/** The table of a kind's records, seen as sync records (metadata plus fields not known here). */
export function syncTable(db: RelaisDatabase, kind: RecordKind): SyncTable {
  return db.table<SyncRecord, string>(tableOf(kind));
}

/** Every record table, in the registry's order. */
export function syncedTables(db: RelaisDatabase): SyncTable[] {
  return RECORD_KINDS.map((kind) => syncTable(db, kind));
}

/**
 * How the stored copies of a chunk of records (sorted by id) are read. `byRange`: every stored record
 * between the chunk's first and last id, in one range read — about half the cost per record of a
 * `bulkGet` (probes at 100k: 5.2 s against 9.4 s), but wasteful when the chunk's ids are spread thin
 * over the table. `perChunk`: count the stored records in that span first (keys only, cheap) and read
 * by range only when they are not much more than the chunk itself, else `bulkGet` the ids.
 * `receivedBefore`: the table was empty when this transaction first read it (`ReadsInTransaction`):
 * only the ids received since can be stored, and only those are read.
 */
type ReadStrategy = 'byRange' | 'perChunk' | { receivedBefore: Set<string> };

/** A range read is worth it while the span holds at most this many stored records per wanted one. */
const RANGE_READ_SPREAD = 1.8;

async function readStored(table: SyncTable, chunk: readonly SyncRecord[], reading: ReadStrategy): Promise<Map<string, SyncRecord>> {
  const current = new Map<string, SyncRecord>();
  if (chunk.length === 0) return current;
  if (typeof reading === 'object') return readReceivedBefore(table, chunk, reading.receivedBefore);
  const span = table.where(':id').between(chunk[0].id, chunk[chunk.length - 1].id, true, true);
  if (reading === 'byRange' || !(await holdsMoreThan(span, chunk.length * RANGE_READ_SPREAD))) {
    for (const row of await span.toArray()) current.set(row.id, row);
    return current;
  }
  return readByIds(table, chunk.map((r) => r.id));
}

/**
 * Does `records` hold more than `n` records? Reads at most n + 1 keys: Chromium's `count()` walks every
 * record of its range (~2 µs each), so counting a table of a million, or a span covering most of it,
 * took seconds per file of a folder — where the answer only ever needed a few thousand.
 */
async function holdsMoreThan(records: { limit(n: number): { primaryKeys(): Promise<unknown[]> } }, n: number): Promise<boolean> {
  const wanted = Math.floor(n) + 1;
  return (await records.limit(wanted).primaryKeys()).length >= wanted;
}

async function readByIds(table: SyncTable, ids: readonly string[]): Promise<Map<string, SyncRecord>> {
  const current = new Map<string, SyncRecord>();
  if (ids.length === 0) return current;
  const stored = await table.bulkGet(ids as string[]);
  stored.forEach((row, i) => { if (row) current.set(ids[i], row); });
  return current;
}

/**
 * In a table that was empty when the transaction first read it (see `ReadsInTransaction`), only the
 * records received earlier in the transaction can be stored: those are read by id, the others are known
 * absent. The chunk's ids join the received ones before its visitor may write them.
 */
async function readReceivedBefore(table: SyncTable, chunk: readonly SyncRecord[], receivedBefore: Set<string>): Promise<Map<string, SyncRecord>> {
  const again = [...new Set(chunk.filter((r) => receivedBefore.has(r.id)).map((r) => r.id))];
  for (const record of chunk) receivedBefore.add(record.id);
  return readByIds(table, again);
}

/**
 * What the imports written in one transaction (a folder's files, db/teamImport.ts) know of the record
 * tables between them: a table empty when the first of them read it holds, afterwards, only records
 * they received; the stored copy of a record none of them received is known absent without a read.
 * Without it, every file of a folder into an empty database read its records' copies by id — its ids
 * are spread over the whole table, so a range read would cover most of it — and found none: 44 × ~2,000
 * reads of nothing, 1.7 s of a folder of 50 bundles (100k records), where the one bundle read nothing.
 *
 * Sound only while every write to the record tables in that transaction is made by the visitors of
 * `forEachStoredChunk` calls given this object (true of `importBundle`: `applyRecords` writes a chunk's
 * records, nothing else writes a record table), and only within that one transaction.
 */
export class ReadsInTransaction {
  /** Per table: the ids received so far if it was empty at its first read, else `'notEmpty'`. */
  private readonly tables = new Map<string, Set<string> | 'notEmpty'>();

  /** The received ids of `table` (`empty` now or not), if it was empty at its first read here. */
  receivedIn(table: SyncTable, empty: boolean): Set<string> | undefined {
    let known = this.tables.get(table.name);
    if (known === undefined) this.tables.set(table.name, (known = empty ? new Set() : 'notEmpty'));
    return known === 'notEmpty' ? undefined : known;
  }
}

/**
 * Choose how to read the stored copies of a table's `count` received records: a bundle carrying most
 * of the table reads it by ranges outright, a smaller one decides chunk by chunk; in a table `shared`
 * knows was empty, only what the transaction received before is read.
 */
async function planReads(table: SyncTable, count: number, shared: ReadsInTransaction | undefined): Promise<ReadStrategy> {
  const receivedBefore = shared?.receivedIn(table, !(await holdsMoreThan(table, 0)));
  if (receivedBefore) return { receivedBefore };
  // By ranges when the table holds at most twice the records received.
  return (await holdsMoreThan(table, count * 2)) ? 'perChunk' : 'byRange';
}

export interface StoredChunk {
  kind: RecordKind;
  table: SyncTable;
  /** Up to CHUNK received records of `kind`, sorted by id. */
  received: SyncRecord[];
  /** The stored copies of those records, by id (absent: not stored here). */
  stored: Map<string, SyncRecord>;
}

/**
 * Activities after every other kind, so after the followed people and places they name: the dashboard's
 * rows then count each activity with its people and place already known, instead of re-counting it when
 * they arrive (db/stats/followedPeople.ts, db/stats/placeCommunes.ts).
 */
export function activitiesLast<T extends { kind: RecordKind }>(kinds: readonly T[]): T[] {
  return [...kinds].sort((a, b) => Number(a.kind === 'activity') - Number(b.kind === 'activity'));
}

/** A bundle's records kind by kind, activities last, each kind sorted by id in chunks of CHUNK. */
export function receivedInChunks(entries: ReceivedEntries): KindInChunks[] {
  return activitiesLast(inChunksByKind(entries, CHUNK));
}

/**
 * Walk received records (decoded, or packed: domain/sync/packed.ts) kind by kind, in chunks of CHUNK
 * sorted by id, handing `visit` each chunk with the stored copies of its records. A chunk is decoded
 * and read only once the previous `visit` has finished, so a visitor that writes its chunk sees its own
 * writes in the next one (a record repeated across a chunk boundary merges with what the previous chunk
 * wrote), and only one chunk of a packed bundle is decoded at a time. Runs inside the caller's
 * transaction, if any; `shared`: what earlier calls in that transaction received (see
 * `ReadsInTransaction`).
 */
export async function forEachStoredChunk(
  db: RelaisDatabase,
  entries: ReceivedEntries,
  visit: (chunk: StoredChunk) => Promise<void> | void,
  shared?: ReadsInTransaction,
): Promise<void> {
  for (const { kind, count, chunks } of receivedInChunks(entries)) {
    const table = syncTable(db, kind);
    const reading = await planReads(table, count, shared);
    const iterator = chunks[Symbol.iterator]();
    for (let next = iterator.next(); !next.done;) {
      const received = next.value;
      const ahead = decodedAhead(iterator);
      await visit({ kind, table, received, stored: await readStored(table, received, reading) });
      next = ahead();
    }
  }
}

/**
 * The iterator's next chunk, decoded in a task of its own as soon as the event loop is free — while the
 * current chunk's reads and writes are in flight in the database — or, if it is needed first, at once.
 * Never awaited: awaiting anything but the database inside the importer's transaction would let it end.
 * A packed chunk's decoding (JSON.parse of 2,000 records) then mostly costs no time of its own.
 */
function decodedAhead<T>(iterator: Iterator<T>): () => IteratorResult<T> {
  let result: IteratorResult<T> | undefined;
  const decode = () => (result ??= iterator.next());
  const timer = setTimeout(decode, 0);
  return () => {
    clearTimeout(timer);
    return decode();
  };
}
