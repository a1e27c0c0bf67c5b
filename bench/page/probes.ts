/**
 * Where the time of a Relais import goes, and what the cheaper options would cost on the same bytes:
 * fflate (what the bundle code used first) against the browser's native CompressionStream (what it uses
 * now), JSON parsing, the structural and domain checks. Informative figures for the sync code's optimisation, not targets.
 */
import { gzipSync, Gunzip } from 'fflate';
import { checkRecord, createStampCache } from '../../renderer/src/domain/sync/records';
import { RECORD_VALIDATORS } from '../../renderer/src/domain/sync/validators';
import type { RecordKind } from '../../renderer/src/domain/kinds';
import type { SyncRecord } from '../../renderer/src/domain/sync/merge';
import { mergeRecord } from '../../renderer/src/domain/sync/merge';
import Dexie from 'dexie';
import { TABLES, type Dataset, type TableName } from '../generate';
import { chunks } from './timing';

const KIND_OF: Record<TableName, RecordKind> = {
  villages: 'village', places: 'place', beneficiaries: 'beneficiary', surveys: 'survey', activities: 'activity',
};

async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) { out.set(part, offset); offset += part.length; }
  return out;
}

function nativeGzip(bytes: Uint8Array, format: 'gzip'): Promise<Uint8Array> {
  return streamBytes(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(format)));
}

function nativeGunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return streamBytes(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')));
}

function fflateGunzip(bytes: Uint8Array): number {
  let total = 0;
  const gunzip = new Gunzip((chunk) => { total += chunk.length; });
  for (let offset = 0; offset < bytes.length; offset += 4096) gunzip.push(bytes.subarray(offset, offset + 4096), offset + 4096 >= bytes.length);
  return total;
}

function time<T>(run: () => T): [number, T] {
  const start = performance.now();
  const value = run();
  return [performance.now() - start, value];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}

export async function probeCodec(dataset: Dataset) {
  const entries = TABLES.flatMap((t) => (dataset[t] as unknown as SyncRecord[]).map((record) => ({ kind: KIND_OF[t], record })));
  const [stringifyMs, text] = time(() => entries.map((e) => JSON.stringify(e)).join('\n'));
  const [encodeMs, raw] = time(() => new TextEncoder().encode(text));
  const [fflate6Ms, gz6] = time(() => gzipSync(raw, { level: 6 }));
  const [fflate1Ms, gz1] = time(() => gzipSync(raw, { level: 1 }));
  const [nativeGzipMs, gzNative] = await timeAsync(() => nativeGzip(raw, 'gzip'));
  const [fflateInflateMs] = time(() => fflateGunzip(gz6));
  const [nativeInflateMs, inflated] = await timeAsync(() => nativeGunzip(gz6));
  const [decodeMs, decoded] = time(() => new TextDecoder().decode(inflated));
  const [parseMs, parsed] = time(() => decoded.split('\n').map((line) => JSON.parse(line) as { kind: RecordKind; record: SyncRecord }));
  const now = Date.now();
  const stamps = createStampCache(); // as openBundle does
  const [checkMs] = time(() => parsed.forEach((e) => checkRecord(e.kind, e.record, RECORD_VALIDATORS, now, stamps)));
  const [mergeUnchangedMs] = time(() => parsed.forEach((e) => mergeRecord({ ...e.record }, e.record)));
  const [mergeNewMs] = time(() => parsed.forEach((e) => mergeRecord(undefined, e.record)));
  return {
    records: entries.length, rawBytes: raw.length,
    stringifyMs, encodeMs,
    gzip: { fflate6Ms, fflate6Bytes: gz6.length, fflate1Ms, fflate1Bytes: gz1.length, nativeMs: nativeGzipMs, nativeBytes: gzNative.length },
    inflate: { fflateMs: fflateInflateMs, nativeMs: nativeInflateMs },
    decodeMs, parseMs, checkMs, mergeUnchangedMs, mergeNewMs,
  };
}

/**
 * Reading back stored records by id, three ways, on the bulkPut database: bulkGet per chunk of 2000
 * (what the importer does for a bundle sparse against the table), one range read per chunk of 2000
 * sorted ids (what it does for a bundle covering a quarter of the table or more), and one `toArray`
 * of the whole table (the floor). (A third way, `where(':id').anyOf(chunk)`, was 10× slower than bulkGet at
 * 10k — 5.4 s against 0.53 s — and is no longer run.)
 */
export async function probeReads(dbName: string, dataset: Dataset) {
  const db = new Dexie(dbName);
  await db.open();
  const ids = (table: TableName) => (dataset[table] as Array<{ id: string }>).map((r) => r.id);
  const run = async (read: (table: TableName, chunk: string[]) => Promise<unknown[]>) => {
    const start = performance.now();
    let found = 0;
    for (const table of TABLES) {
      for (const chunk of chunks(ids(table), 2000)) found += (await read(table, chunk)).filter(Boolean).length;
    }
    return [performance.now() - start, found] as const;
  };
  const [bulkGetMs, bulkGetFound] = await run((table, chunk) => db.table(table).bulkGet(chunk));
  const sortedIds = (table: TableName) => ids(table).sort();
  const rangeStart = performance.now();
  let rangeFound = 0;
  for (const table of TABLES) {
    for (const chunk of chunks(sortedIds(table), 2000)) {
      rangeFound += (await db.table(table).where(':id').between(chunk[0], chunk[chunk.length - 1], true, true).toArray()).length;
    }
  }
  const rangeMs = performance.now() - rangeStart;
  const start = performance.now();
  let all = 0;
  for (const table of TABLES) all += (await db.table(table).toArray()).length;
  const toArrayMs = performance.now() - start;
  db.close();
  return { bulkGetMs, rangeMs, toArrayMs, found: { bulkGetFound, rangeFound, all } };
}
