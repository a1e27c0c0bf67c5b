/**
 * The synced folders at work in the page (Electron only; issue 14): the outbox written on a schedule,
 * on quit and on "send now", and the inbox's files imported as they arrive. The desktop shell watches
 * the folders and moves bytes; everything about the data happens here, through db/sync.
 *
 * One status object, read by the screens with `useFolderStatus`, says what the folders are doing.
 */
import { useSyncExternalStore } from 'react';
import { getRelais } from '../../db';
import { ensureIdentity } from '../../db/identity';
import { readProfile } from '../../db/profile';
import { prepareOutbox, receiveInboxFile, recordOutboxSent, releaseHeldInboxFiles, type DeviceKeys, type InboxFileRow } from '../../db/sync';
import { isBridgeError, platform, type SyncFoldersState } from '../../platform';

/** Keys for work nobody asked for right now: never opens a dialog (undefined when they are locked). */
export type QuietKeys = () => Promise<DeviceKeys | undefined>;

/** Why the last outbox write did not happen. */
export type SendProblem = 'folderAbsent' | 'keysLocked' | 'noCoordinator' | 'failed';

export interface FolderStatus {
  folders: SyncFoldersState;
  sending: boolean;
  sendProblem?: SendProblem;
  /** Inbox files left for later (truncated, still arriving, keys locked). */
  retrying: number;
  /** The last inbox file that could not be handled at all (a bridge or database error). */
  inboxProblem?: boolean;
}

let status: FolderStatus = { folders: {}, sending: false, retrying: 0 };
const listeners = new Set<() => void>();

function setStatus(change: Partial<FolderStatus>): void {
  status = { ...status, ...change };
  listeners.forEach((listener) => listener());
}

/** The folders' status, redrawn when it changes. */
export function useFolderStatus(): FolderStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}

export async function refreshFolders(): Promise<SyncFoldersState> {
  const folders = await platform.getSyncFolders();
  setStatus({ folders });
  return folders;
}

export type SendResult = { sent: number } | { problem: SendProblem } | { nothing: true };

/** An outbox that was not there (USB stick out) is tried again this often until it is back. */
export const ABSENT_RETRY_MS = 60 * 1000;

let sendingNow: Promise<SendResult> | undefined;
let absentRetry: ReturnType<typeof setTimeout> | undefined;
/** The keys the background work uses (set by the runner; none until it runs). */
let backgroundKeys: QuietKeys = async () => undefined;

export function setBackgroundKeys(keys: QuietKeys): void {
  backgroundKeys = keys;
}

/** After a write that found no folder, try again until it is back, whoever asked for that write. */
function retryWhileAbsent(result: SendResult): SendResult {
  if (absentRetry) clearTimeout(absentRetry);
  absentRetry = 'problem' in result && result.problem === 'folderAbsent'
    ? setTimeout(() => void sendOutbox(backgroundKeys), ABSENT_RETRY_MS)
    : undefined;
  return result;
}

/**
 * Write the changes for each enrolled coordinator into the outbox, if one is chosen and something
 * changed. The outbox's mark moves only when every bundle is in the folder.
 */
export function sendOutbox(keys: QuietKeys): Promise<SendResult> {
  sendingNow ??= sendOnce(keys).then(retryWhileAbsent).finally(() => {
    sendingNow = undefined;
  });
  return sendingNow;
}

async function sendOnce(keys: QuietKeys): Promise<SendResult> {
  const { outbox } = await refreshFolders();
  if (!outbox) return { nothing: true };
  if (!outbox.available) return fail('folderAbsent');
  const profile = await readProfile(getRelais().db);
  if (!profile) return { nothing: true };
  setStatus({ sending: true });
  try {
    const unlocked = await keys();
    if (!unlocked) return fail('keysLocked');
    const { deviceId } = await ensureIdentity(getRelais().db);
    const { version } = await platform.getAppInfo();
    const prepared = await prepareOutbox(getRelais().db, { author: { name: profile.displayName, structure: profile.structure, role: profile.role }, app: version, deviceId });
    if (prepared.empty === 'noCoordinator') return fail('noCoordinator');
    if (prepared.bundles.length === 0) {
      setStatus({ sendProblem: undefined });
      return { nothing: true };
    }
    for (const bundle of prepared.bundles) {
      await platform.writeOutboxFile({ handle: outbox.handle, suggestedName: bundle.suggestedName, bytes: bundle.bytes });
    }
    await prepared.commit();
    await recordOutboxSent(getRelais().db, prepared.bundles.length);
    setStatus({ sendProblem: undefined });
    return { sent: prepared.bundles.length };
  } catch (error) {
    return fail(isBridgeError(error, 'RELAIS_FOLDER_ABSENT') ? 'folderAbsent' : 'failed');
  } finally {
    setStatus({ sending: false });
  }
}

function fail(problem: SendProblem): SendResult {
  setStatus({ sendProblem: problem });
  return { problem };
}

/** What the person is told of each file that was decided (not of those seen before, nor retried). */
export type InboxNotice = (row: InboxFileRow) => void;

const inFlight = new Set<string>();
const retryingNames = new Set<string>();
let inboxQueue: Promise<void> = Promise.resolve();

/** Import the inbox's waiting files, one at a time (calls made meanwhile queue up behind). */
export function processInbox(keys: QuietKeys, notice: InboxNotice): Promise<void> {
  inboxQueue = inboxQueue.then(() => processOnce(keys, notice)).catch(() => setStatus({ inboxProblem: true }));
  return inboxQueue;
}

const identityOf = (keys: QuietKeys) => async () => {
  const unlocked = await keys();
  if (!unlocked) throw new Error('keys locked');
  return unlocked.ageIdentity;
};

async function processOnce(keys: QuietKeys, notice: InboxNotice): Promise<void> {
  // Held files whose sender was enrolled since: imported now.
  for (const row of await releaseHeldInboxFiles(getRelais().db, identityOf(keys))) notice(row);
  const files = await platform.takeInboxFiles();
  for (const file of files) {
    if (inFlight.has(file.token)) continue;
    inFlight.add(file.token);
    try {
      const step = await receiveInboxFile(getRelais().db, {
        fileName: file.name,
        sha256: file.sha256,
        read: () => platform.readInboxFile({ token: file.token }),
        identity: identityOf(keys),
      });
      if (step.settle === 'retry') retryingNames.add(file.name);
      else retryingNames.delete(file.name);
      await platform.settleInboxFile({ token: file.token, outcome: step.settle });
      if (step.settle === 'done' && !step.seenBefore) notice(step.row);
      setStatus({ retrying: retryingNames.size, inboxProblem: false });
    } catch (error) {
      // The file changed or went away while read (the shell looks again), or something failed here:
      // never a refusal, it is tried again.
      if (!isBridgeError(error, 'RELAIS_INBOX_FILE_CHANGED')) setStatus({ inboxProblem: true });
      await platform.settleInboxFile({ token: file.token, outcome: 'retry' }).catch(() => undefined);
    } finally {
      inFlight.delete(file.token);
    }
  }
}
