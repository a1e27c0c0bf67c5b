/**
 * Export: this device's changes since the last saved export, or everything (a backup), streamed
 * table by table into a signed, optionally encrypted bundle (domain/sync/bundle.ts seals it). The
 * "exported up to here" mark moves only once the file is really saved.
 */
import { RECORD_KINDS } from '../../domain/kinds';
import { exchangeFileName } from '../../domain/fileNames';
import { uuidv7 } from '../../domain/ids';
import {
  isPersonalData, PayloadWriter, sealPayload, type BundleKind, type BundleManifest, type ProtectionInput, type SealedPayload,
} from '../../domain/sync/bundle';
import type { BundleEntry } from '../../domain/sync/records';
import { currentSeq, ensureDevice } from '../device';
import { readMeta, writeMeta, type MetaValues } from '../meta';
import type { RelaisDatabase } from '../schema';
import { ensureDeviceKeys, type Author } from './keys';
import { CHUNK, syncTable } from './tables';

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
    source: { deviceId, signingKey: keys.signer.publicKey, name: options.author.name, structure: options.author.structure },
    range: { from, to: seq },
    signer: keys.signer,
    protection: options.protection,
  }, payload);
  return {
    bytes,
    manifest,
    suggestedName: exchangeFileName({ structure: options.author.structure, name: options.author.name, createdAt, backup: options.kind === 'full' }),
    commit: async () => {
      await db.transaction('rw', db.meta, async () => {
        const current = await readMeta(db, 'exportMark');
        // Never move the mark backwards (two exports prepared at once, saved out of order).
        if (!current || current.seq < seq) await writeMeta(db, 'exportMark', { seq, at: createdAt });
      });
    },
  };
}
