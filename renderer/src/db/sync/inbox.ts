/**
 * The inbox (synced folders, issue 14): bundle files that arrived in a watched folder are imported as
 * if a person had dropped them on the window, under the same trust rules, with no click when their
 * sender is enrolled here:
 *
 * - a file seen before (the same bytes, by SHA-256, whatever its name) is skipped: its first result stays;
 * - a truncated file (still arriving) is left for later, never recorded as refused;
 * - a bundle whose key is not enrolled, or that needs a passphrase, is held: its bytes wait in
 *   `inboxFiles` for a person (the import panel's preview, where the sender can be enrolled);
 * - an enrolled sender's bundle is imported: erasures and deletions of others' records are held for a
 *   person's review (the quarantine), exactly as an import where nobody chose to apply them.
 *
 * Every outcome is a row of `inboxFiles`; imports also join the import history (per sender, which is
 * what "last heard from" reads).
 */
import { bundleProtection, type OpenSecrets } from '../../domain/sync/bundle';
import { bundleErrorCode } from '../../domain/sync/errors';
import type { ReceivedBundle } from '../../domain/sync/packed';
import type { RelaisDatabase } from '../schema';
import { enrolledCards } from './enrolment';
import { HeldBundleError, importBundle, type ImportReport } from './import/importBundle';
import { previewImport } from './import/preview';
import type { InboxFileRow, InboxOutcome, InboxReason } from './rows';
import { openBundleOffThread } from './worker/openBundleOffThread';

export interface InboxArrival {
  fileName: string;
  sha256: string;
  /** The file's bytes (read only when the file was not seen before). */
  read: () => Promise<Uint8Array>;
  /** This device's age identity, for a bundle encrypted to its card (may ask the person to unlock). */
  identity: () => Promise<NonNullable<OpenSecrets['identity']>>;
  now?: Date;
}

/** What the shell should do with the file, and what happened to it. */
export type InboxStep =
  | { settle: 'retry'; why: 'truncated' | 'locked' }
  | { settle: 'done'; row: InboxFileRow; seenBefore: boolean; report?: ImportReport };

type Facts = Pick<InboxFileRow, 'sourceName' | 'sourceDevice' | 'bundleId' | 'payloadSha256'>;

function factsOf(opened: ReceivedBundle): Facts {
  const { manifest } = opened;
  return { sourceName: manifest.source.name, sourceDevice: manifest.source.deviceId, bundleId: manifest.bundleId, payloadSha256: manifest.payloadSha256 };
}

async function record(db: RelaisDatabase, arrival: InboxArrival, outcome: InboxOutcome, extra: Partial<InboxFileRow> = {}): Promise<InboxFileRow> {
  const at = (arrival.now ?? new Date()).toISOString();
  const row: InboxFileRow = { sha256: arrival.sha256, fileName: arrival.fileName, receivedAt: at, lastSeenAt: at, timesSeen: 1, outcome, ...extra };
  await db.inboxFiles.put(row);
  return row;
}

/** Open the bytes; a truncated file answers undefined (to retry), any other refusal throws. */
async function openArrival(db: RelaisDatabase, bytes: Uint8Array, arrival: InboxArrival): Promise<ReceivedBundle | 'truncated' | 'locked'> {
  const secrets: OpenSecrets = {};
  if (bundleProtection(bytes) === 'recipient') {
    try {
      secrets.identity = await arrival.identity();
    } catch {
      return 'locked'; // the person did not unlock the keys now: try again later
    }
  }
  try {
    return await openBundleOffThread(bytes, secrets, { db });
  } catch (error) {
    if (bundleErrorCode(error) === 'truncated') return 'truncated';
    throw error;
  }
}

/** Import one file that arrived in the inbox (see the module's comment for the rules). */
export async function receiveInboxFile(db: RelaisDatabase, arrival: InboxArrival): Promise<InboxStep> {
  const known = await db.inboxFiles.get(arrival.sha256);
  if (known) {
    const seen = { ...known, lastSeenAt: (arrival.now ?? new Date()).toISOString(), timesSeen: known.timesSeen + 1 };
    await db.inboxFiles.put(seen);
    return { settle: 'done', row: seen, seenBefore: true };
  }
  const bytes = await arrival.read();
  if (bundleProtection(bytes) === 'passphrase') {
    return { settle: 'done', row: await record(db, arrival, 'held', { reason: 'needsPassphrase', bytes }), seenBefore: false };
  }
  let opened: ReceivedBundle | 'truncated' | 'locked';
  try {
    opened = await openArrival(db, bytes, arrival);
  } catch (error) {
    const reason: InboxReason = bundleErrorCode(error) ?? 'unreadable';
    // Encrypted to someone else: in a folder several devices share (or this device's own outbox), that
    // is how it should be — kept quietly, never reported as refused.
    const outcome: InboxOutcome = reason === 'notForThisUser' ? 'notForMe' : 'refused';
    return { settle: 'done', row: await record(db, arrival, outcome, { reason }), seenBefore: false };
  }
  if (opened === 'truncated' || opened === 'locked') return { settle: 'retry', why: opened };
  const facts = factsOf(opened);
  const plan = await previewImport(db, opened);
  if (plan.alreadyImported) return { settle: 'done', row: await record(db, arrival, 'alreadyImported', facts), seenBefore: false };
  if (plan.sender.held) return { settle: 'done', row: await record(db, arrival, 'held', { ...facts, reason: 'notEnrolled', bytes }), seenBefore: false };
  try {
    const report = await importBundle(db, opened, { fileName: arrival.fileName, now: arrival.now, review: 'none' });
    const outcome: InboxOutcome = report.alreadyImported ? 'alreadyImported' : 'imported';
    return { settle: 'done', row: await record(db, arrival, outcome, { ...facts, counts: report.counts }), seenBefore: false, report };
  } catch (error) {
    if (error instanceof HeldBundleError) return { settle: 'done', row: await record(db, arrival, 'held', { ...facts, reason: 'notEnrolled', bytes }), seenBefore: false };
    throw error;
  }
}

/**
 * Held files still waiting for a person: not dismissed, and not imported since (the person opened one
 * in the import panel, enrolled its sender and imported it: it is in the import history now).
 */
export async function heldInboxFiles(db: RelaisDatabase): Promise<InboxFileRow[]> {
  const held = await db.inboxFiles.where('outcome').equals('held').toArray();
  const waiting: InboxFileRow[] = [];
  for (const row of held) {
    const imported = row.sourceDevice && row.bundleId && row.payloadSha256
      ? await db.importHistory.get([row.sourceDevice, row.bundleId, row.payloadSha256])
      : undefined;
    if (!imported) waiting.push(row);
  }
  return waiting.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/**
 * Held files whose sender a person has enrolled since (from the cards panel, or another held file's
 * preview): imported now, with no further click, as if they had just arrived. Returns their new rows.
 */
export async function releaseHeldInboxFiles(db: RelaisDatabase, identity: InboxArrival['identity'], now?: Date): Promise<InboxFileRow[]> {
  const enrolled = new Set((await enrolledCards(db)).map((card) => card.deviceId));
  const released: InboxFileRow[] = [];
  for (const row of await heldInboxFiles(db)) {
    const { bytes } = row;
    if (row.reason !== 'notEnrolled' || !bytes || !row.sourceDevice || !enrolled.has(row.sourceDevice)) continue;
    await db.inboxFiles.delete(row.sha256);
    const step = await receiveInboxFile(db, { fileName: row.fileName, sha256: row.sha256, read: async () => bytes, identity, now })
      .catch(async (error: unknown) => {
        await db.inboxFiles.put(row);
        throw error;
      });
    if (step.settle === 'retry') {
      await db.inboxFiles.put(row); // keys locked now: it stays held, and is tried again next time
      continue;
    }
    const settled = { ...step.row, receivedAt: row.receivedAt, timesSeen: row.timesSeen };
    await db.inboxFiles.put(settled);
    released.push(settled);
  }
  return released;
}

/** The latest files that arrived, newest first (the inbox history). */
export function recentInboxFiles(db: RelaisDatabase, limit: number): Promise<InboxFileRow[]> {
  return db.inboxFiles.orderBy('receivedAt').reverse().limit(limit).toArray();
}

/** A person decided not to import a held file: it leaves the list (its bytes are dropped). */
export async function dismissInboxFile(db: RelaisDatabase, sha256: string): Promise<void> {
  await db.transaction('rw', db.inboxFiles, async () => {
    const row = await db.inboxFiles.get(sha256);
    if (row) await db.inboxFiles.put({ ...row, outcome: 'dismissed', bytes: undefined });
  });
}

export interface InboxSummary {
  /** When the last file was imported from the inbox (ISO). */
  lastReceived?: string;
  held: number;
  /** Files refused in the last 30 days. */
  refusedRecently: number;
}

export async function inboxSummary(db: RelaisDatabase, now = Date.now()): Promise<InboxSummary> {
  const imported = await db.inboxFiles.where('outcome').equals('imported').toArray();
  const lastReceived = imported.reduce<string | undefined>((latest, row) => (!latest || row.receivedAt > latest ? row.receivedAt : latest), undefined);
  const since = new Date(now - 30 * 24 * 60 * 60 * 1000).toISOString();
  const refusedRecently = await db.inboxFiles.where('outcome').equals('refused').filter((row) => row.receivedAt >= since).count();
  return { lastReceived, held: (await heldInboxFiles(db)).length, refusedRecently };
}

