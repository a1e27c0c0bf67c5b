/**
 * A bundle's received records as the page holds them between opening and writing: grouped by kind,
 * sorted by id, cut into chunks, each chunk its records' JSON as UTF-8 bytes, with each record's
 * `versions` written as runs of fields sharing a stamp (a record's fields mostly share one stamp: the
 * stamps were 60 % of an activity's JSON). On the bench's bundle of 100k records: ~100 MB of bytes
 * (~1 kB an activity) in array buffers, where decoded objects cloned to the page took ~270 MB of V8
 * heap (a page may use 400 MB: a bundle of 100k, or a folder's group of them, did not fit beside the
 * import's own work). Array buffers sit outside V8's heap limit, but `performance.memory` counts them.
 *
 * Why not compressed: deflated chunks are ~8× smaller, but inflating them in JavaScript (a chunk must be
 * decoded synchronously, inside the importer's one IndexedDB transaction: awaiting anything else there
 * would let it end) cost 2.7 s per 100k records on the page, against 0.8 s to decode these (measured in
 * Node on the bench's bundle), and the import's time has its own promise (bench scenario 1).
 *
 * Packed chunks travel from the Worker that opened the bundle to the page as transferred buffers (no
 * copy), where decoded records were cloned one object at a time. The packed form is made only by the
 * receiver from records it has checked (domain/sync/bundle.ts); it is never read from a file, so
 * unpacking does not check again.
 */
import type { RecordKind } from '../kinds';
import type { OpenedBundle } from './bundle';
import type { SyncRecord } from './merge';
import type { BundleEntry } from './records';

export interface PackedKind {
  kind: RecordKind;
  count: number;
  /** Its records sorted by id, each chunk a JSON array as UTF-8 bytes. */
  chunks: Uint8Array[];
}

export interface PackedRecords {
  packed: true;
  count: number;
  kinds: PackedKind[];
}

/** A bundle's records, decoded (as opened) or packed (as the page keeps them). */
export type ReceivedEntries = readonly BundleEntry[] | PackedRecords;

/** An opened bundle whose records may be packed: what the page imports, previews and restores. */
export type ReceivedBundle = Omit<OpenedBundle, 'entries'> & { entries: ReceivedEntries };

/** The same bundle, its records packed (in chunks of `chunkSize`). */
export function packedBundle<T extends ReceivedBundle>(opened: T, chunkSize: number): T {
  return isPacked(opened.entries) ? opened : { ...opened, entries: packRecords(opened.entries, chunkSize) };
}

/** One kind's received records, sorted by id, in chunks decoded only as they are walked. */
export interface KindInChunks {
  kind: RecordKind;
  count: number;
  chunks: Iterable<SyncRecord[]>;
}

export function isPacked(entries: ReceivedEntries): entries is PackedRecords {
  return !Array.isArray(entries);
}

export function entryCount(entries: ReceivedEntries): number {
  return isPacked(entries) ? entries.count : entries.length;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const byId = (a: SyncRecord, b: SyncRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorted by id; a stable sort, so repeats of one record keep their order (bundles come sorted already). */
function sortedById(records: SyncRecord[]): SyncRecord[] {
  return records.every((r, i) => i === 0 || records[i - 1].id <= r.id) ? records : [...records].sort(byId);
}

function* slices(records: SyncRecord[], size: number): Generator<SyncRecord[]> {
  for (let i = 0; i < records.length; i += size) yield records.slice(i, i + size);
}

function decodedByKind(entries: readonly BundleEntry[], chunkSize: number): KindInChunks[] {
  const byKind = new Map<RecordKind, SyncRecord[]>();
  for (const { kind, record } of entries) {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(record);
  }
  return [...byKind].map(([kind, records]) => {
    const sorted = sortedById(records);
    return { kind, count: sorted.length, chunks: { [Symbol.iterator]: () => slices(sorted, chunkSize) } };
  });
}

function* unpacked(chunks: readonly Uint8Array[]): Generator<SyncRecord[]> {
  for (const chunk of chunks) yield unpackChunk(chunk);
}

/**
 * The records kind by kind (in the order each kind first appears), sorted by id and in chunks of
 * `chunkSize` (packed records keep the chunks they were packed in). Chunks are decoded one at a time.
 */
export function inChunksByKind(entries: ReceivedEntries, chunkSize: number): KindInChunks[] {
  if (!isPacked(entries)) return decodedByKind(entries, chunkSize);
  return entries.kinds.map(({ kind, count, chunks }) => ({ kind, count, chunks: { [Symbol.iterator]: () => unpacked(chunks) } }));
}

/** Pack decoded records (sorted by id within their kind, in chunks of `chunkSize`). */
export function packRecords(entries: ReceivedEntries, chunkSize: number): PackedRecords {
  if (isPacked(entries)) return entries;
  const kinds = decodedByKind(entries, chunkSize).map(({ kind, count, chunks }) => ({
    kind, count, chunks: [...chunks].map(packChunk),
  }));
  return { packed: true, count: entries.length, kinds };
}

/**
 * A record's `versions` as runs of consecutive fields sharing one stamp, in their order:
 * `[[stamp, field, field…], …]`. A record's fields mostly share one or two stamps, and the stamps
 * (~60 characters each, once per field) were 60 % of an activity's JSON; each is written once a run.
 */
type VersionRuns = Array<[string, ...string[]]>;

function versionRuns(versions: Record<string, string>): VersionRuns {
  const runs: VersionRuns = [];
  let run: [string, ...string[]] | undefined;
  for (const field in versions) {
    const stamp = versions[field];
    if (run?.[0] !== stamp) runs.push((run = [stamp]));
    run.push(field);
  }
  return runs;
}

function versionsOf(runs: VersionRuns): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const [stamp, ...fields] of runs) for (const field of fields) versions[field] = stamp;
  return versions;
}

function packChunk(chunk: readonly SyncRecord[]): Uint8Array {
  const compact = chunk.map((record) => ({ ...record, versions: versionRuns(record.versions as Record<string, string>) }));
  return encoder.encode(JSON.stringify(compact));
}

export function unpackChunk(chunk: Uint8Array): SyncRecord[] {
  const records = JSON.parse(decoder.decode(chunk)) as Array<Omit<SyncRecord, 'versions'> & { versions: unknown }>;
  for (const record of records) record.versions = versionsOf(record.versions as VersionRuns);
  return records as SyncRecord[];
}

/** Every record, kind by kind, one chunk decoded at a time. */
export function* eachEntry(entries: ReceivedEntries, chunkSize: number): Generator<BundleEntry> {
  for (const { kind, chunks } of inChunksByKind(entries, chunkSize)) {
    for (const chunk of chunks) for (const record of chunk) yield { kind, record };
  }
}

/** The buffers of packed records, to transfer them to another thread instead of copying them. */
export function transferablesOf(entries: ReceivedEntries): ArrayBuffer[] {
  if (!isPacked(entries)) return [];
  return entries.kinds.flatMap(({ chunks }) => chunks.map((chunk) => chunk.buffer as ArrayBuffer));
}
