/**
 * Importing a folder, or many files at once (a coordinator's USB stick of her team's bundles): every
 * file is opened first (decrypted, signature and records checked, off the page's thread), then one
 * combined preview says what they would change, by kind; then the files are imported one after the
 * other, each all or nothing (db/sync importBundle), with one progress over all their records and a
 * cancel that stops between files. Each file ends with its own outcome — imported, already imported,
 * held (its key is not enrolled here), refused and why, or not imported (cancelled) — which the
 * screen can save as a text report.
 *
 * Erasures and deletions of others' records that a bundle asks for are not decided file by file here:
 * they wait in the quarantine, where a person reviews them (the import says how many).
 */
import type { RecordKind } from '../domain/kinds';
import { bundleProtection, type OpenedBundle, type OpenSecrets } from '../domain/sync/bundle';
import { bundleErrorCode } from '../domain/sync/errors';
import { bundleOpener, HeldBundleError, importBundle, isOpeningCancelled, previewImport, type BundleOpener, type ImportPlan, type ImportReport, type OutcomeCounts } from './sync';
import type { RelaisDatabase } from './schema';

export interface TeamFile {
  name: string;
  bytes: Uint8Array;
}

export type FileOutcome =
  | { status: 'ready'; opened: OpenedBundle; plan: ImportPlan }
  | { status: 'alreadyImported'; plan: ImportPlan }
  | { status: 'held'; plan: ImportPlan }
  | { status: 'needsPassphrase'; wrong: boolean }
  | { status: 'refused'; error: unknown }
  | { status: 'imported'; plan: ImportPlan; report: ImportReport }
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
}

/** Open one file: its outcome, never a throw (a refusal is an outcome). */
async function openOne(db: RelaisDatabase, file: TeamFile, options: OpenOptions, opener: BundleOpener): Promise<FileOutcome> {
  try {
    const secrets: OpenSecrets = { passphrase: options.passphrase };
    if (bundleProtection(file.bytes) === 'recipient') secrets.identity = await options.identity();
    const opened = await opener.open(file.bytes, secrets, { db, signal: options.signal });
    const plan = await previewImport(db, opened);
    if (plan.alreadyImported || opened.alreadyImported) return { status: 'alreadyImported', plan };
    if (plan.sender.held) return { status: 'held', plan };
    return { status: 'ready', opened, plan };
  } catch (error) {
    if (isOpeningCancelled(error)) throw error;
    const code = bundleErrorCode(error);
    if (code === 'needsPassphrase' || code === 'wrongPassphrase') return { status: 'needsPassphrase', wrong: code === 'wrongPassphrase' };
    return { status: 'refused', error };
  }
}

/** Open every file, in order, in one Worker; a cancel stops at once (nothing was written: opening only reads). */
export async function openTeamFiles(db: RelaisDatabase, files: readonly TeamFile[], options: OpenOptions): Promise<BatchFile[]> {
  const result: BatchFile[] = [];
  const opener = bundleOpener();
  try {
    for (const file of files) {
      if (options.signal?.aborted) throw options.signal.reason;
      result.push({ name: file.name, outcome: await openOne(db, file, options, opener) });
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
    const { plan, opened } = outcome;
    preview.ready += 1;
    for (const key of Object.keys(preview.counts) as Array<keyof OutcomeCounts>) preview.counts[key] += plan.counts[key];
    for (const [kind, n] of Object.entries(plan.manifest.counts) as Array<[RecordKind, number]>) preview.byKind[kind] = (preview.byKind[kind] ?? 0) + n;
    preview.refused += plan.refused.reduce((sum, group) => sum + group.count, 0);
    preview.quarantined += plan.quarantined;
    preview.forReview += plan.review.reduce((sum, group) => sum + group.ids.length, 0);
    preview.records += opened.entries.length;
  }
  return preview;
}

export interface ImportOptions {
  signal?: AbortSignal;
  /** Records written so far over every file, and the total (the combined preview's). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Import the ready files one after the other (oldest bundle first, so a device's ranges arrive in
 * order); a cancel lets the file being imported finish (it is one transaction) and leaves the rest
 * not imported. Returns every file with its final outcome.
 */
export async function importTeamFiles(db: RelaisDatabase, files: readonly BatchFile[], options: ImportOptions = {}): Promise<BatchFile[]> {
  const total = combinedPreview(files).records;
  const order = files.map((file, index) => ({ file, index }))
    .filter(({ file }) => file.outcome.status === 'ready')
    .sort((a, b) => createdAt(a.file).localeCompare(createdAt(b.file)));
  const result = [...files];
  let before = 0;
  for (const { file, index } of order) {
    const outcome = file.outcome as Extract<FileOutcome, { status: 'ready' }>;
    if (options.signal?.aborted) {
      result[index] = { name: file.name, outcome: { status: 'notImported', plan: outcome.plan } };
      continue;
    }
    try {
      const report = await importBundle(db, outcome.opened, {
        fileName: file.name, review: 'none', onProgress: (done) => options.onProgress?.(before + done, total),
      });
      result[index] = { name: file.name, outcome: report.alreadyImported ? { status: 'alreadyImported', plan: outcome.plan } : { status: 'imported', plan: outcome.plan, report } };
    } catch (error) {
      result[index] = { name: file.name, outcome: error instanceof HeldBundleError ? { status: 'held', plan: outcome.plan } : { status: 'refused', error } };
    }
    before += outcome.opened.entries.length;
    options.onProgress?.(before, total);
  }
  return result;
}

function createdAt(file: BatchFile): string {
  return 'plan' in file.outcome ? file.outcome.plan.manifest.createdAt : '';
}
