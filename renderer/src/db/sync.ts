/**
 * Sync by bundle files, database side: export this device's changes (or everything) as a signed,
 * encrypted bundle; preview and import bundles from others in ONE transaction (all or nothing); keep
 * the import history, the conflict log and the quarantine; find missing bundles; count what is not
 * exported yet.
 *
 * Decoding and validating bytes is pure (domain/sync/bundle.ts) and runs in a Worker in the app; the
 * functions here receive its result (`OpenedBundle`) and only touch Dexie.
 */
import type { Table } from 'dexie';
import { RECORD_KINDS, tableOf, type RecordKind } from '../domain/kinds';
import { uuidv7 } from '../domain/ids';
import { dataOf } from '../domain/records';
import { MAX_DRIFT_MS, observe, parseStamp } from '../domain/hlc';
import {
  isPersonalData, openBundle, PayloadWriter, sealPayload, type BundleKind, type BundleLimits, type BundleManifest, type OpenedBundle,
  type OpenSecrets, type ProtectionInput, type SealedPayload,
} from '../domain/sync/bundle';
import { generateDeviceKeys, type DeviceKeys } from '../domain/sync/keys';
import { createCard, type SignedCard } from '../domain/sync/card';
import { mergeRecord, type MergeOutcome, type SyncRecord } from '../domain/sync/merge';
import type { BundleEntry, ValidatorRegistry } from '../domain/sync/records';
import { findGaps, type Gap } from '../domain/sync/gaps';
import { currentSeq, ensureDevice, loadClock, saveClock } from './device';
import type { RelaisDatabase } from './schema';
import { readMeta, writeMeta, type MetaValues } from './meta';
import type { ConflictRow, ImportRow, OutcomeCounts } from './syncRows';
import { repositoryOf, type Relais } from './index';

/** Records are read and written in chunks of this size: one bulkGet + one bulkPut per chunk. */
const CHUNK = 2000;
export const DEFAULT_EXPORT_REMINDER_DAYS = 7;

export interface Author {
  name: string;
  structure: string;
  role?: string;
}

type AnyTable = Table<SyncRecord, string>;

/** The table of a kind's records, seen as sync records (metadata plus fields not known here). */
function syncTable(db: RelaisDatabase, kind: RecordKind): AnyTable {
  return db.table<SyncRecord, string>(tableOf(kind));
}

function syncedTables(db: RelaisDatabase): AnyTable[] {
  return RECORD_KINDS.map((kind) => syncTable(db, kind));
}

// ---------------------------------------------------------------------------------------------------
// Keys and cards
// ---------------------------------------------------------------------------------------------------

/**
 * This device's keys, created on first use. Generated outside the transaction (WebCrypto promises
 * would end a Dexie transaction), then stored only if no other tab stored some first.
 */
export async function ensureDeviceKeys(db: RelaisDatabase): Promise<DeviceKeys> {
  const read = async (): Promise<DeviceKeys | undefined> => {
    const signing = await readMeta(db, 'signingKey');
    const age = await readMeta(db, 'ageIdentity');
    return signing && age ? {
      signingPrivateJwk: signing.privateJwk, signingPublicKey: signing.publicKey,
      ageIdentity: age.identity, ageRecipient: age.recipient,
    } : undefined;
  };
  const existing = await read();
  if (existing) return existing;
  const keys = await generateDeviceKeys();
  return db.transaction('rw', db.meta, async () => {
    const raced = await read();
    if (raced) return raced;
    await writeMeta(db, 'signingKey', { privateJwk: keys.signingPrivateJwk, publicKey: keys.signingPublicKey });
    await writeMeta(db, 'ageIdentity', { identity: keys.ageIdentity, recipient: keys.ageRecipient });
    return keys;
  });
}

/** This device's card (for a coordinator to hand out). */
export async function exportMyCard(db: RelaisDatabase, author: Author & { role: string }): Promise<Uint8Array> {
  const keys = await ensureDeviceKeys(db);
  const { deviceId } = await ensureDevice(db);
  return createCard({
    name: author.name, structure: author.structure, role: author.role, deviceId,
    ageRecipient: keys.ageRecipient, signingKey: keys.signingPublicKey, createdAt: new Date().toISOString(),
  }, keys.signingPrivateJwk);
}

export async function saveCard(db: RelaisDatabase, card: SignedCard): Promise<void> {
  await db.cards.put({ ...card, importedAt: new Date().toISOString() });
}

// ---------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------

type ExportMark = MetaValues['exportMark'];

/** Where an export starts: the last export's mark and the change counter it will reach. */
async function exportStart(db: RelaisDatabase): Promise<{ seq: number; mark?: ExportMark }> {
  return db.transaction('r', [db.meta], async () => ({ mark: await readMeta(db, 'exportMark'), seq: await currentSeq(db) }));
}

/**
 * The records a bundle of `kind` carries, table by table, in chunks: a full export pages through each
 * table by primary key, a changes export through the change counter, from the last export's mark up to
 * `seq` (read first). Each chunk is its own short read, so the compressor can run between chunks (a
 * Dexie transaction would end at the first non-IndexedDB await) and 100k records are never all in
 * memory. Why that is still consistent: every change up to `seq` happened before the first read, so
 * each record is read in a state at least as recent as `seq`; a record edited while the export runs
 * gets a counter above `seq` and also travels in the next changes export (merging twice is harmless).
 */
async function* exportChunks(db: RelaisDatabase, kind: BundleKind, start: { seq: number; mark?: ExportMark }): AsyncGenerator<BundleEntry[]> {
  const everything = kind === 'full' || !start.mark;
  for (const recordKind of RECORD_KINDS) {
    const table = syncTable(db, recordKind);
    let lastId: string | undefined;
    let lastSeq = start.mark?.seq ?? 0;
    for (;;) {
      const rows = everything
        ? await (lastId === undefined ? table.toCollection() : table.where(':id').above(lastId)).limit(CHUNK).toArray()
        : await table.where('seq').between(lastSeq, start.seq, false, true).limit(CHUNK).toArray();
      if (rows.length === 0) break;
      yield rows.map((record) => ({ kind: recordKind, record }));
      if (rows.length < CHUNK) break;
      lastId = rows[rows.length - 1].id;
      lastSeq = rows[rows.length - 1].seq ?? lastSeq;
    }
  }
}

export interface ExportSummary {
  count: number;
  personalData: boolean;
}

/** What an export of `kind` would hold: its size and whether it may go unencrypted. */
export async function summarizeExport(db: RelaisDatabase, kind: BundleKind): Promise<ExportSummary> {
  const summary: ExportSummary = { count: 0, personalData: false };
  for await (const chunk of exportChunks(db, kind, await exportStart(db))) {
    summary.count += chunk.length;
    if (!summary.personalData) summary.personalData = chunk.some(isPersonalData);
  }
  return summary;
}

export interface PreparedExport {
  bytes: Uint8Array;
  manifest: BundleManifest;
  suggestedName: string;
  /** Call once the file is really saved: moves the "exported up to here" mark. */
  commit(): Promise<void>;
}

function fileStamp(iso: string): string {
  return iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** Stream the records of an export into the compressed payload, chunk by chunk. */
async function writePayload(db: RelaisDatabase, kind: BundleKind, start: { seq: number; mark?: ExportMark }): Promise<SealedPayload> {
  const writer = new PayloadWriter();
  try {
    for await (const chunk of exportChunks(db, kind, start)) await writer.add(chunk);
  } catch (error) {
    await writer.abort(error);
    throw error;
  }
  return writer.finish();
}

export async function exportBundle(
  db: RelaisDatabase,
  options: { kind: BundleKind; protection: ProtectionInput; author: Author; app: string; now?: Date },
): Promise<PreparedExport> {
  const keys = await ensureDeviceKeys(db);
  const { deviceId } = await ensureDevice(db);
  const start = await exportStart(db);
  const { seq, mark } = start;
  const payload = await writePayload(db, options.kind, start);
  const createdAt = (options.now ?? new Date()).toISOString();
  const from = options.kind === 'full' ? 1 : (mark?.seq ?? 0) + 1;
  const { bytes, manifest } = await sealPayload({
    app: options.app,
    bundleId: uuidv7(),
    kind: options.kind,
    createdAt,
    since: options.kind === 'full' ? null : mark?.at ?? null,
    source: { deviceId, signingKey: keys.signingPublicKey, name: options.author.name, structure: options.author.structure },
    range: { from, to: seq },
    signingPrivateJwk: keys.signingPrivateJwk,
    protection: options.protection,
  }, payload);
  return {
    bytes,
    manifest,
    suggestedName: `relais-${options.kind === 'full' ? 'sauvegarde' : 'echange'}-${fileStamp(createdAt)}.relais`,
    commit: async () => {
      await db.transaction('rw', db.meta, async () => {
        const current = await readMeta(db, 'exportMark');
        // Never move the mark backwards (two exports prepared at once, saved out of order).
        if (!current || current.seq < seq) await writeMeta(db, 'exportMark', { seq, at: createdAt });
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Preview and import
// ---------------------------------------------------------------------------------------------------

export type SignatureStatus = 'knownKey' | 'newKey' | 'keyChanged';

export interface ImportPlan {
  manifest: BundleManifest;
  alreadyImported: ImportRow | undefined;
  signature: SignatureStatus;
  /** Name on the card we hold for this device, if any. */
  knownAs?: string;
  counts: OutcomeCounts;
  quarantined: number;
}

function emptyCounts(): OutcomeCounts {
  return { new: 0, updated: 0, unchanged: 0, conflicting: 0, deleted: 0 };
}

/** Has this device signed with another key before? (a stolen name, or a reinstalled laptop) */
async function signatureStatus(db: RelaisDatabase, manifest: BundleManifest): Promise<{ status: SignatureStatus; knownAs?: string }> {
  const { deviceId, signingKey } = manifest.source;
  const card = await db.cards.get(deviceId);
  const previous = await db.imports.where('sourceDevice').equals(deviceId).toArray();
  const knownKeys = new Set([...(card ? [card.signingKey] : []), ...previous.map((row) => row.signingKey)]);
  const knownAs = card?.name;
  if (knownKeys.size === 0) return { status: 'newKey', knownAs };
  return { status: knownKeys.has(signingKey) ? 'knownKey' : 'keyChanged', knownAs };
}

function entriesByKind(entries: readonly BundleEntry[]): Map<RecordKind, SyncRecord[]> {
  const byKind = new Map<RecordKind, SyncRecord[]>();
  for (const { kind, record } of entries) {
    const list = byKind.get(kind) ?? [];
    list.push(record);
    byKind.set(kind, list);
  }
  return byKind;
}

interface ChunkResult {
  toWrite: SyncRecord[];
  outcomes: MergeOutcome[];
  conflicts: Array<{ recordId: string; conflict: ReturnType<typeof mergeRecord>['conflicts'][number] }>;
  erasedIds: string[];
}

/** Outcome of a merge once conflicts already in the log are set aside (an old bundle seen again). */
function outcomeWithoutConflicts(local: SyncRecord | undefined, merged: ReturnType<typeof mergeRecord>): MergeOutcome {
  if (!merged.changed) return 'unchanged';
  if (!local) return merged.record.deleted ? 'deleted' : 'new';
  return merged.record.deleted && !local.deleted ? 'deleted' : 'updated';
}

async function alreadyLogged(db: RelaisDatabase, recordId: string, field: string, losingStamp: string): Promise<boolean> {
  return (await db.conflicts.where('[recordId+field+losingStamp]').equals([recordId, field, losingStamp]).count()) > 0;
}

/**
 * Merge one chunk against what is stored; records repeated inside a bundle merge with each other.
 * A conflict counts only if the log does not hold it yet, so re-importing an old bundle whose values
 * lost long ago reports nothing new.
 */
async function mergeChunk(db: RelaisDatabase, table: AnyTable, chunk: readonly SyncRecord[], reading: ReadStrategy): Promise<ChunkResult> {
  const current = await readStored(table, chunk, reading);
  const changed = new Map<string, SyncRecord>();
  const result: ChunkResult = { toWrite: [], outcomes: [], conflicts: [], erasedIds: [] };
  for (const remote of chunk) {
    const local = current.get(remote.id);
    const merged = mergeRecord(local, remote);
    const fresh = [];
    for (const conflict of merged.conflicts) {
      if (!(await alreadyLogged(db, remote.id, conflict.field, conflict.losingStamp))) fresh.push(conflict);
    }
    result.outcomes.push(fresh.length > 0 ? 'conflicting' : outcomeWithoutConflicts(local, merged));
    for (const conflict of fresh) result.conflicts.push({ recordId: remote.id, conflict });
    if (!merged.changed) continue;
    if (merged.record.erased && !local?.erased) result.erasedIds.push(remote.id);
    current.set(remote.id, merged.record);
    changed.set(remote.id, merged.record);
  }
  result.toWrite = [...changed.values()];
  return result;
}

/**
 * How the stored copies of a chunk of records (sorted by id) are read. `byRange`: every stored record
 * between the chunk's first and last id, in one range read — about half the cost per record of a
 * `bulkGet` (probes at 100k: 5.2 s against 9.4 s), but wasteful when the chunk's ids are spread thin
 * over the table. `perChunk`: count the stored records in that span first (keys only, cheap) and read
 * by range only when they are not much more than the chunk itself, else `bulkGet` the ids.
 */
type ReadStrategy = 'byRange' | 'perChunk';

/** A range read is worth it while the span holds at most this many stored records per wanted one. */
const RANGE_READ_SPREAD = 1.8;

async function readStored(table: AnyTable, chunk: readonly SyncRecord[], reading: ReadStrategy): Promise<Map<string, SyncRecord>> {
  const current = new Map<string, SyncRecord>();
  if (chunk.length === 0) return current;
  const span = table.where(':id').between(chunk[0].id, chunk[chunk.length - 1].id, true, true);
  if (reading === 'byRange' || (await span.count()) <= chunk.length * RANGE_READ_SPREAD) {
    for (const row of await span.toArray()) current.set(row.id, row);
    return current;
  }
  const ids = chunk.map((r) => r.id);
  const stored = await table.bulkGet(ids);
  stored.forEach((row, i) => { if (row) current.set(ids[i], row); });
  return current;
}

/**
 * Order a table's received records by id (a stable sort: repeats of one record keep their order, and
 * merging is order-independent anyway; bundles written by `exportBundle` come sorted already), and
 * choose how to read their stored copies: a bundle carrying most of the table reads it by ranges
 * outright, a smaller one decides chunk by chunk.
 */
async function planReads(table: AnyTable, records: SyncRecord[]): Promise<{ reading: ReadStrategy; records: SyncRecord[] }> {
  const sorted = records.every((r, i) => i === 0 || records[i - 1].id <= r.id)
    ? records
    : [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stored = await table.count();
  return { reading: records.length * 2 >= stored ? 'byRange' : 'perChunk', records: sorted };
}

/**
 * Leave out of an opened bundle the records this database already holds: those whose merge with the
 * stored copy changes nothing and logs no conflict. Run where the bundle is opened (the Worker), so a
 * re-import does not carry 100k records back to the page only to find them unchanged there.
 *
 * Safe even if the database changes before the import: a record left out is "below" the stored copy
 * (merging it in gives the stored copy back), and a database only moves up from there — local edits
 * carry newer stamps, imports and erasures are merges — so merging it later would change nothing
 * either. Only a database that went back (emptied, restored) could miss it: its change counter would
 * be lower than `seq`, and the importer then refuses the bundle (see `importBundle`).
 */
export async function leaveOutHeldRecords(db: RelaisDatabase, opened: OpenedBundle): Promise<OpenedBundle> {
  if (opened.alreadyImported || opened.entries.length === 0) return opened;
  return db.transaction('r', [db.meta, ...syncedTables(db)], async () => {
    const seq = await currentSeq(db);
    const kept: BundleEntry[] = [];
    let held = 0;
    for (const [kind, received] of entriesByKind(opened.entries)) {
      const table = syncTable(db, kind);
      const { reading, records } = await planReads(table, received);
      for (let i = 0; i < records.length; i += CHUNK) {
        const chunk = records.slice(i, i + CHUNK);
        const stored = await readStored(table, chunk, reading);
        for (const record of chunk) {
          const local = stored.get(record.id);
          const merged = local ? mergeRecord(local, record) : undefined;
          if (merged && !merged.changed && merged.conflicts.length === 0) held += 1;
          else kept.push({ kind, record });
        }
      }
    }
    return { ...opened, entries: kept, alreadyHeld: { count: held + (opened.alreadyHeld?.count ?? 0), seq } };
  });
}

/** Counts of what importing would do, computed without writing anything. */
export async function previewImport(db: RelaisDatabase, opened: OpenedBundle): Promise<ImportPlan> {
  const alreadyImported = await db.imports.get(opened.manifest.bundleId);
  const { status, knownAs } = await signatureStatus(db, opened.manifest);
  const counts = emptyCounts();
  await db.transaction('r', [db.conflicts, ...syncedTables(db)], async () => {
    for (const [kind, received] of entriesByKind(opened.entries)) {
      const table = syncTable(db, kind);
      const { reading, records } = await planReads(table, received);
      for (let i = 0; i < records.length; i += CHUNK) {
        const { outcomes } = await mergeChunk(db, table, records.slice(i, i + CHUNK), reading);
        for (const outcome of outcomes) counts[outcome] += 1;
      }
    }
  });
  counts.unchanged += opened.alreadyHeld?.count ?? 0;
  return { manifest: opened.manifest, alreadyImported, signature: status, knownAs, counts, quarantined: opened.quarantined.length };
}

export interface ImportReport {
  alreadyImported: boolean;
  counts: OutcomeCounts;
  quarantined: number;
  conflictsLogged: number;
}

function latestStamp(record: SyncRecord): string {
  return Object.values(record.versions).reduce((a, b) => (a >= b ? a : b), '');
}

/**
 * Apply a checked bundle in ONE transaction over every table it may touch: any failure rolls
 * everything back. Only records whose merge differs from what is stored are written, each with a
 * fresh local `seq` (so a coordinator's next export forwards them). A bundle already imported changes
 * nothing.
 */
export async function importBundle(
  db: RelaisDatabase,
  opened: OpenedBundle,
  options: { fileName: string; now?: Date; onProgress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const { manifest } = opened;
  const tables = [db.meta, db.conflicts, db.imports, db.quarantine, ...syncedTables(db)];
  return db.transaction('rw', tables, async () => {
    if (await db.imports.get(manifest.bundleId)) {
      return { alreadyImported: true, counts: emptyCounts(), quarantined: 0, conflictsLogged: 0 };
    }
    // Opened as "already imported", its records were never read: it cannot be applied (history erased since?).
    if (opened.alreadyImported) throw new Error(`bundle ${manifest.bundleId} was opened without its records`);
    if (opened.alreadyHeld && (await currentSeq(db)) < opened.alreadyHeld.seq) {
      throw new Error('the database went back since the bundle was opened: open it again');
    }
    const { counts, conflictsLogged } = await applyRecords(db, opened.entries, {
      bundleId: manifest.bundleId, now, onProgress: options.onProgress,
    });
    counts.unchanged += opened.alreadyHeld?.count ?? 0;
    for (const entry of opened.quarantined) {
      await db.quarantine.add({
        bundleId: manifest.bundleId, recordKind: entry.kind, recordId: entry.record.id, record: entry.record, stamp: entry.stamp, at,
      });
    }
    await db.imports.add({
      bundleId: manifest.bundleId, fileName: options.fileName, importedAt: at,
      sourceDevice: manifest.source.deviceId, sourceName: manifest.source.name, sourceStructure: manifest.source.structure,
      signingKey: manifest.source.signingKey, kind: manifest.kind, createdAt: manifest.createdAt, since: manifest.since,
      rangeFrom: manifest.range.from, rangeTo: manifest.range.to, counts, quarantined: opened.quarantined.length,
    });
    return { alreadyImported: false, counts, quarantined: opened.quarantined.length, conflictsLogged };
  });
}

/**
 * Merge records into their tables, chunk by chunk, inside the caller's transaction: only records
 * whose merge differs from what is stored are written, each with a fresh local `seq`; our clock
 * observes what arrives; losing values go to the conflict log. Used by import and by the release
 * of quarantined records, so both follow exactly the same rules.
 */
async function applyRecords(
  db: RelaisDatabase,
  entries: readonly BundleEntry[],
  context: { bundleId: string; now: Date; onProgress?: (done: number, total: number) => void },
): Promise<{ counts: OutcomeCounts; conflictsLogged: number }> {
  const { now } = context;
  const at = now.toISOString();
  const counts = emptyCounts();
  let conflictsLogged = 0;
  let done = 0;
  const clock = await loadClock(db);
  let seq = await currentSeq(db);
  for (const [kind, received] of entriesByKind(entries)) {
    const table = syncTable(db, kind);
    const { reading, records } = await planReads(table, received);
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      const result = await mergeChunk(db, table, chunk, reading);
      for (const outcome of result.outcomes) counts[outcome] += 1;
      for (const record of result.toWrite) {
        seq += 1;
        record.seq = seq;
        observe(clock, latestStamp(record), now.getTime());
      }
      if (result.toWrite.length > 0) await table.bulkPut(result.toWrite);
      conflictsLogged += await logConflicts(db, kind, context.bundleId, at, result);
      if (result.erasedIds.length > 0) await forgetErased(db, result.erasedIds);
      done += chunk.length;
      context.onProgress?.(done, entries.length);
    }
  }
  await writeMeta(db, 'seq', seq);
  await saveClock(db, clock);
  return { counts, conflictsLogged };
}

/**
 * Quarantined records (stamped more than a day ahead of our clock) are applied once our time has
 * caught up with their stamps, by the same merge as an import; the others stay, still visible.
 */
export async function releaseQuarantine(db: RelaisDatabase, now = new Date()): Promise<{ released: number; waiting: number }> {
  const tables = [db.meta, db.conflicts, db.quarantine, ...syncedTables(db)];
  return db.transaction('rw', tables, async () => {
    const rows = await db.quarantine.toArray();
    const due = rows.filter((row) => !isFutureStamp(row.stamp, now.getTime()));
    for (const [bundleId, group] of groupBy(due, (row) => row.bundleId)) {
      const entries = group.map((row) => ({ kind: row.recordKind, record: row.record as SyncRecord }));
      await applyRecords(db, entries, { bundleId, now });
    }
    await db.quarantine.bulkDelete(due.map((row) => row.id as number));
    return { released: due.length, waiting: rows.length - due.length };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Losing values go to the log once per losing write (overlapping bundles do not repeat them). */
async function logConflicts(db: RelaisDatabase, kind: RecordKind, bundleId: string, at: string, result: ChunkResult): Promise<number> {
  let logged = 0;
  for (const { recordId, conflict } of result.conflicts) {
    const key: [string, string, string] = [recordId, conflict.field, conflict.losingStamp];
    const seen = await db.conflicts.where('[recordId+field+losingStamp]').equals(key).count();
    if (seen > 0) continue;
    const row: ConflictRow = {
      recordKind: kind, recordId, field: conflict.field, losingValue: conflict.losingValue,
      losingStamp: conflict.losingStamp, winningStamp: conflict.winningStamp, at, bundleId, resolved: 0,
    };
    await db.conflicts.add(row);
    logged += 1;
  }
  return logged;
}

/** An erasure also wipes the copies of the person's data kept in the conflict log and the quarantine. */
async function forgetErased(db: RelaisDatabase, ids: readonly string[]): Promise<void> {
  await db.conflicts.where('recordId').anyOf(ids as string[]).delete();
  await db.quarantine.where('recordId').anyOf(ids as string[]).delete();
}

// ---------------------------------------------------------------------------------------------------
// Conflict log
// ---------------------------------------------------------------------------------------------------

/**
 * "Restore this value": a NEW local edit of the field through the repository (validated, stamped,
 * exported like any edit), so it wins from now on everywhere it travels.
 */
export async function restoreConflictValue(relais: Relais, conflictId: number): Promise<void> {
  const { db } = relais;
  const conflict = await db.conflicts.get(conflictId);
  if (!conflict) throw new Error(`conflict not found: ${conflictId}`);
  const repository = repositoryOf(db, conflict.recordKind);
  const current = await repository.get(conflict.recordId);
  if (!current || current.erased) throw new Error(`record not found: ${conflict.recordId}`);
  if (conflict.field === 'deleted') {
    await (conflict.losingValue ? repository.remove(conflict.recordId) : repository.restore(conflict.recordId));
  } else {
    // A losing value of `undefined` (the field was removed) removes it again: the repository drops undefined.
    await repository.update(conflict.recordId, { ...dataOf(current), [conflict.field]: conflict.losingValue });
  }
  await db.conflicts.update(conflictId, { resolved: 1 });
}

export async function dismissConflict(db: RelaisDatabase, conflictId: number): Promise<void> {
  await db.conflicts.update(conflictId, { resolved: 1 });
}

// ---------------------------------------------------------------------------------------------------
// History, gaps, unexported changes
// ---------------------------------------------------------------------------------------------------

export interface SourceGaps {
  deviceId: string;
  name: string;
  gaps: Gap[];
}

/** Per source device, the bundles that never arrived (holes in the counter ranges received). */
export async function missingBundles(db: RelaisDatabase): Promise<SourceGaps[]> {
  const rows = await db.imports.toArray();
  const bySource = new Map<string, ImportRow[]>();
  for (const row of rows) bySource.set(row.sourceDevice, [...(bySource.get(row.sourceDevice) ?? []), row]);
  const result: SourceGaps[] = [];
  for (const [deviceId, imports] of bySource) {
    const gaps = findGaps(imports.map((r) => ({ from: r.rangeFrom, to: r.rangeTo, since: r.since, createdAt: r.createdAt })));
    const latest = imports.reduce((a, b) => (a.importedAt >= b.importedAt ? a : b));
    if (gaps.length > 0) result.push({ deviceId, name: latest.sourceName, gaps });
  }
  return result;
}

export interface UnexportedChanges {
  count: number;
  /** Earliest change still waiting (ISO), undefined when nothing waits. */
  since?: string;
  /** Last successful export (ISO). */
  lastExport?: string;
  reminderDays: number;
  /** True when changes have waited longer than the reminder delay. */
  overdue: boolean;
}

export async function unexportedChanges(db: RelaisDatabase, now = Date.now()): Promise<UnexportedChanges> {
  return db.transaction('r', [db.meta, ...syncedTables(db)], async () => {
    const mark = await readMeta(db, 'exportMark');
    const reminder = await readMeta(db, 'exportReminderDays');
    const reminderDays = typeof reminder === 'number' && reminder > 0 ? reminder : DEFAULT_EXPORT_REMINDER_DAYS;
    let count = 0;
    let since: string | undefined;
    // Index counts, not a scan: the home screen asks this with 100k records waiting. The change
    // counter grows with every local write, so the lowest waiting `seq` is the oldest change.
    for (const table of syncedTables(db)) {
      const waiting = table.where('seq').above(mark?.seq ?? 0);
      count += await waiting.count();
      const oldest = await waiting.first();
      if (oldest && (since === undefined || oldest.updatedAt < since)) since = oldest.updatedAt;
    }
    const overdue = since !== undefined && now - Date.parse(since) > reminderDays * 24 * 60 * 60 * 1000;
    return { count, since, lastExport: mark?.at, reminderDays, overdue };
  });
}

export async function setExportReminderDays(db: RelaisDatabase, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new RangeError(`reminder days out of range: ${days}`);
  await writeMeta(db, 'exportReminderDays', days);
}

/** Stamps we refuse to let win: exposed for the quarantine screen and tests. */
export function isFutureStamp(stamp: string, now = Date.now()): boolean {
  const parsed = parseStamp(stamp);
  return parsed !== null && parsed.millis > now + MAX_DRIFT_MS;
}

/** Is this bundle in the import history? (lets `openBundle` skip the records of a known bundle) */
export async function isImported(db: RelaisDatabase, bundleId: string): Promise<boolean> {
  return (await db.imports.get(bundleId)) !== undefined;
}

/** Ids of every bundle imported here: handed to the Worker that opens bundles, for the same purpose. */
export async function importedBundleIds(db: RelaisDatabase): Promise<string[]> {
  return (await db.imports.toCollection().primaryKeys()) as string[];
}

/**
 * Open (decrypt, verify, validate) and import in one call: what tests and the no-Worker fallback use.
 * The app opens bundles in a Worker (features/sync/bundleWorker.ts) and then calls importBundle.
 */
export async function receiveBundle(
  db: RelaisDatabase,
  bytes: Uint8Array,
  options: { secrets?: OpenSecrets; validators: ValidatorRegistry; fileName?: string; now?: Date; limits?: BundleLimits },
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const opened = await openBundle(bytes, options.secrets ?? {}, {
    validators: options.validators, now: now.getTime(), limits: options.limits, isKnownBundle: (id) => isImported(db, id),
  });
  return importBundle(db, opened, { fileName: options.fileName ?? 'bundle.relais', now });
}
