/**
 * Importing a folder, or many files at once (a coordinator's USB stick of her team's bundles): every
 * file is opened first (decrypted, signature and records checked, off the page's thread), then one
 * combined preview says what they would change, by kind; then the files are written, oldest first, in
 * ONE transaction (db/sync importBundle for each, each with its own import history entry and outcome),
 * with the dashboard's count rows deferred across them all: each row is read and rewritten a few times
 * for the whole folder instead of a few times per file (a folder of 50 files rewrote them 50 times).
 * All or nothing: if writing one file fails, nothing of any of them is written, and each file says so.
 * One progress over all their records; a cancel stops after the file being written (the ones before it
 * are kept). Each file ends with its own outcome — imported, already imported, held (its key is not
 * enrolled here), refused and why, failed (nothing written), or not imported (cancelled) — which the
 * screen can save as a text report.
 *
 * Memory stays bounded: opened records are held packed (domain/sync/packed.ts: JSON bytes outside the
 * JS heap) and decoded a chunk at a time while they are written; the preview keeps the opened
 * records of the first `FOLDER_RECORDS_AT_ONCE` records only (the rest keep their plan, and are read and opened again when their turn comes),
 * a folder with more records than that (a region's 300 mediators) is written in several transactions
 * of at most that many records, each all or nothing (a failure stops there), and each group's records
 * are let go once it is written.
 *
 * Erasures and deletions of others' records that a bundle asks for are not decided file by file here:
 * they wait in the quarantine, where a person reviews them (the import says how many).
 */
import type { RecordKind } from '../domain/kinds';
import { bundleProtection, type OpenSecrets } from '../domain/sync/bundle';
import { bundleErrorCode } from '../domain/sync/errors';
import { entryCount, type ReceivedBundle } from '../domain/sync/packed';
import { ensureIdentity } from './identity';
import { withStatsDeferred } from './stats/middleware';
import {
  bundleOpener, HeldBundleError, importBundle, importTables, isOpeningCancelled, previewImport, ReadsInTransaction, type BundleOpener, type ImportPlan,
  type ImportReport, type OutcomeCounts,
} from './sync';
import type { RelaisDatabase } from './schema';

/**
 * How many records a folder import holds opened at once, and writes in one transaction: a folder of
 * 100k records (the bench's 50 bundles) is one transaction; a region's million, about ten.
 */
export const FOLDER_RECORDS_AT_ONCE = 100_000;

/**
 * A file of the team's: its name, and its bytes read when the import comes to it (a chosen folder's
 * files are read one at a time, never all at once: `platform.readChosenFile`), again if it must be
 * opened again.
 */
export interface TeamFile {
  name: string;
  read: () => Promise<Uint8Array>;
}

/** Files already read (chosen one by one, or made by a test or the bench) as team files. */
export function teamFilesOf(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): TeamFile[] {
  return files.map(({ name, bytes }) => ({ name, read: async () => bytes }));
}

/** A file that passed the preview: what it would do, how to open it again, and its records if still held. */
export interface ReadyFile {
  status: 'ready';
  plan: ImportPlan;
  /** Records it carries (those this database does not hold already): its share of the progress. */
  records: number;
  /** Where its bytes are read again when its records were not kept (`opened`). */
  source: TeamFile;
  secrets: OpenSecrets;
  /** Its opened records, kept from the preview while they fit in `FOLDER_RECORDS_AT_ONCE`; else opened again. */
  opened?: ReceivedBundle;
}

export type FileOutcome =
  | ReadyFile
  | { status: 'alreadyImported'; plan: ImportPlan }
  | { status: 'held'; plan: ImportPlan }
  | { status: 'needsPassphrase'; wrong: boolean }
  | { status: 'refused'; error: unknown }
  | { status: 'imported'; plan: ImportPlan; report: ImportReport }
  /** Written with others in one transaction that failed: nothing of it was written. `culprit`: the file whose write failed. */
  | { status: 'failed'; plan: ImportPlan; error: unknown; culprit?: string }
  | { status: 'notImported'; plan: ImportPlan };

export interface BatchFile {
  name: string;
  outcome: FileOutcome;
}

export interface OpenOptions {
  passphrase?: string;
  /** This laptop's age identity, asked only if a file is encrypted to its card (it may ask for a passphrase). */
  identity: () => Promise<CryptoKey | string>;
  signal?: AbortSignal;
  onProgress?: (opened: number, total: number) => void;
  /** Opened records kept for the import (default `FOLDER_RECORDS_AT_ONCE`); the files beyond keep only their plan. */
  keepRecords?: number;
}

/** Open one file: its outcome, never a throw (a refusal is an outcome). */
async function openOne(db: RelaisDatabase, file: TeamFile, options: OpenOptions, opener: BundleOpener): Promise<FileOutcome> {
  try {
    const bytes = await file.read();
    const secrets: OpenSecrets = { passphrase: options.passphrase };
    if (bundleProtection(bytes) === 'recipient') secrets.identity = await options.identity();
    const opened = await opener.open(bytes, secrets, { db, signal: options.signal });
    const plan = await previewImport(db, opened);
    if (plan.alreadyImported || opened.alreadyImported) return { status: 'alreadyImported', plan };
    if (plan.sender.held) return { status: 'held', plan };
    return { status: 'ready', plan, records: entryCount(opened.entries), source: file, secrets, opened };
  } catch (error) {
    if (isOpeningCancelled(error)) throw error;
    const code = bundleErrorCode(error);
    if (code === 'needsPassphrase' || code === 'wrongPassphrase') return { status: 'needsPassphrase', wrong: code === 'wrongPassphrase' };
    return { status: 'refused', error };
  }
}

/**
 * Open every file, in order, in one Worker; a cancel stops at once (nothing was written: opening only
 * reads). The opened records are kept up to `keepRecords` in all; the files after that keep their plan.
 */
export async function openTeamFiles(db: RelaisDatabase, files: readonly TeamFile[], options: OpenOptions): Promise<BatchFile[]> {
  const result: BatchFile[] = [];
  const opener = bundleOpener();
  let kept = 0;
  try {
    for (const file of files) {
      if (options.signal?.aborted) throw options.signal.reason;
      const outcome = await openOne(db, file, options, opener);
      if (outcome.status === 'ready') {
        if (kept + outcome.records <= (options.keepRecords ?? FOLDER_RECORDS_AT_ONCE)) kept += outcome.records;
        else delete outcome.opened;
      }
      result.push({ name: file.name, outcome });
      options.onProgress?.(result.length, files.length);
    }
  } finally {
    opener.close();
  }
  return result;
}

export interface CombinedPreview {
  /** Files that will import. */
  ready: number;
  /** What they would do, all together. */
  counts: OutcomeCounts;
  /** Records they carry, by kind. */
  byKind: Partial<Record<RecordKind, number>>;
  /** Records the write rules would refuse, future-dated records set aside, erasures left for review. */
  refused: number;
  quarantined: number;
  forReview: number;
  /** Records to write: the progress bar's total. */
  records: number;
}

export function combinedPreview(files: readonly BatchFile[]): CombinedPreview {
  const preview: CombinedPreview = {
    ready: 0, counts: { new: 0, updated: 0, unchanged: 0, conflicting: 0, deleted: 0 }, byKind: {}, refused: 0, quarantined: 0, forReview: 0, records: 0,
  };
  for (const { outcome } of files) {
    if (outcome.status !== 'ready') continue;
    const { plan } = outcome;
    preview.ready += 1;
    for (const key of Object.keys(preview.counts) as Array<keyof OutcomeCounts>) preview.counts[key] += plan.counts[key];
    for (const [kind, n] of Object.entries(plan.manifest.counts) as Array<[RecordKind, number]>) preview.byKind[kind] = (preview.byKind[kind] ?? 0) + n;
    preview.refused += plan.refused.reduce((sum, group) => sum + group.count, 0);
    preview.quarantined += plan.quarantined;
    preview.forReview += plan.review.reduce((sum, group) => sum + group.ids.length, 0);
    preview.records += outcome.records;
  }
  return preview;
}

export interface ImportOptions {
  signal?: AbortSignal;
  /** Records written so far over every file, and the total (the combined preview's). */
  onProgress?: (done: number, total: number) => void;
  /** Records written in one transaction at most (default `FOLDER_RECORDS_AT_ONCE`). */
  recordsAtOnce?: number;
}

interface Turn { file: BatchFile; index: number; ready: ReadyFile }

/** The ready files, oldest bundle first (a device's ranges arrive in order), in runs of at most `limit` records. */
function groupsOf(files: readonly BatchFile[], limit: number): Turn[][] {
  const order = files.flatMap((file, index) => (file.outcome.status === 'ready' ? [{ file, index, ready: file.outcome }] : []))
    .sort((a, b) => a.ready.plan.manifest.createdAt.localeCompare(b.ready.plan.manifest.createdAt));
  const groups: Turn[][] = [];
  let records = Infinity;
  for (const turn of order) {
    if (records + turn.ready.records > limit) {
      groups.push([]);
      records = 0;
    }
    groups[groups.length - 1].push(turn);
    records += turn.ready.records;
  }
  return groups;
}

/** Writing one file of a group failed: the group's transaction aborts, and every file of it says why. */
class FileWriteFailed extends Error {
  constructor(readonly fileName: string, readonly reason: unknown) {
    super(`${fileName}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'FileWriteFailed';
  }
}

/**
 * Import the ready files (see the module comment): in groups of at most `recordsAtOnce` records, each
 * group opened (again, if the preview did not keep its records) then written in one transaction with
 * the count rows deferred across its files. A cancel lets the file being written finish and leaves the
 * rest not imported; a failure leaves its group failed and the groups after it not imported. Returns
 * every file with its final outcome.
 */
export async function importTeamFiles(db: RelaisDatabase, files: readonly BatchFile[], options: ImportOptions = {}): Promise<BatchFile[]> {
  const total = combinedPreview(files).records;
  const result = [...files];
  const settle = (turn: Turn, outcome: FileOutcome) => { result[turn.index] = { name: turn.file.name, outcome }; };
  const progress = { before: 0, report: (done: number) => options.onProgress?.(done, total) };
  let stopped = false;
  const opener = bundleOpener();
  try {
    for (const group of groupsOf(files, options.recordsAtOnce ?? FOLDER_RECORDS_AT_ONCE)) {
      if (stopped || options.signal?.aborted) {
        for (const turn of group) settle(turn, { status: 'notImported', plan: turn.ready.plan });
        continue;
      }
      const opened = await openGroup(db, group, opener, options.signal, settle);
      if (!opened) {
        stopped = true;
        for (const turn of group) if (result[turn.index].outcome.status === 'ready') settle(turn, { status: 'notImported', plan: turn.ready.plan });
        continue;
      }
      stopped = !(await writeGroup(db, opened, options.signal, progress, settle));
      // Written (or not): its records are let go; the file can still be read and opened again.
      for (const turn of group) delete turn.ready.opened;
    }
  } finally {
    opener.close();
  }
  return result;
}

/** The group's opened bundles (kept from the preview, or opened again); undefined if cancelled while opening. */
async function openGroup(
  db: RelaisDatabase, group: Turn[], opener: BundleOpener, signal: AbortSignal | undefined, settle: (turn: Turn, outcome: FileOutcome) => void,
): Promise<Array<{ turn: Turn; opened: ReceivedBundle }> | undefined> {
  const opened: Array<{ turn: Turn; opened: ReceivedBundle }> = [];
  for (const turn of group) {
    if (turn.ready.opened) {
      opened.push({ turn, opened: turn.ready.opened });
      continue;
    }
    try {
      opened.push({ turn, opened: await opener.open(await turn.ready.source.read(), turn.ready.secrets, { db, signal }) });
    } catch (error) {
      if (isOpeningCancelled(error)) return undefined;
      settle(turn, { status: 'refused', error });
    }
  }
  return opened;
}

/**
 * Write a group's files in one transaction, the count rows deferred across them and the stored copies
 * read only where an earlier file may have written them (`ReadsInTransaction`). Returns false when
 * the import must stop (cancelled, or the group failed: every file of it is then `failed`).
 */
async function writeGroup(
  db: RelaisDatabase, group: Array<{ turn: Turn; opened: ReceivedBundle }>, signal: AbortSignal | undefined,
  progress: { before: number; report: (done: number) => void }, settle: (turn: Turn, outcome: FileOutcome) => void,
): Promise<boolean> {
  const outcomes: Array<[Turn, FileOutcome]> = [];
  const before = progress.before;
  let cancelled = false;
  try {
    await ensureIdentity(db);
    // The scope is an async function that awaits (as importBundle's): Dexie follows its transaction
    // across native awaits only then.
    await db.transaction('rw', importTables(db), async () => {
      // What the files before know of the record tables (a table empty at the start holds only what
      // they received): a folder into an empty database reads nothing back, as one bundle would.
      const reads = new ReadsInTransaction();
      await withStatsDeferred(db, async () => {
      for (const { turn, opened } of group) {
        if (signal?.aborted) {
          cancelled = true;
          outcomes.push([turn, { status: 'notImported', plan: turn.ready.plan }]);
          continue;
        }
        const { plan } = turn.ready;
        try {
          const report = await importBundle(db, opened, {
            fileName: turn.file.name, review: 'none', reads, onProgress: (done) => progress.report(progress.before + done),
          });
          outcomes.push([turn, report.alreadyImported ? { status: 'alreadyImported', plan } : { status: 'imported', plan, report }]);
        } catch (error) {
          throw new FileWriteFailed(turn.file.name, error);
        }
        progress.before += turn.ready.records;
        progress.report(progress.before);
      }
      });
    });
  } catch (error) {
    progress.before = before;
    progress.report(before);
    const culprit = error instanceof FileWriteFailed ? error.fileName : undefined;
    const reason = error instanceof FileWriteFailed ? error.reason : error;
    for (const { turn } of group) {
      const held = culprit === turn.file.name && reason instanceof HeldBundleError;
      settle(turn, held ? { status: 'held', plan: turn.ready.plan } : { status: 'failed', plan: turn.ready.plan, error: reason, culprit });
    }
    return false;
  }
  for (const [turn, outcome] of outcomes) settle(turn, outcome);
  return !cancelled;
}
