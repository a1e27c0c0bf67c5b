/**
 * Opens bundles off the main thread: decrypting (scrypt for passphrases is slow on purpose),
 * inflating, hashing and validating 100k records would freeze the window otherwise. Same pure code as
 * the Node tests (domain/sync/bundle.ts); answers with the checked records or an error message that
 * starts with its code (and the records' problems, as data). Given the receiver's database name, it
 * also leaves out the records that database already holds (IndexedDB works in Workers), so a re-import
 * sends almost nothing back; then it checks the seals of the relayed records that are left.
 */
import { openBundle, type OpenSecrets } from '../../../domain/sync/bundle';
import { bundleErrorIssues } from '../../../domain/sync/errors';
import { withVerifiedSeals } from '../../../domain/sync/seal';
import { RECORD_VALIDATORS } from '../../../domain/sync/validators';
import { packedBundle, transferablesOf } from '../../../domain/sync/packed';
import { CHUNK } from '../tables';
import { leaveOutHeldRecords } from '../import/leaveOutHeld';
import { RelaisDatabase } from '../../schema';

interface Request {
  bytes: Uint8Array;
  secrets: OpenSecrets;
  now: number;
  /** `bundleKey`s of the receiver's import history: such a bundle is answered without its records. */
  knownBundleKeys?: string[];
  /** The receiver's database, to leave out the records it already holds. */
  dbName?: string;
}

const scope = self as unknown as { postMessage(message: unknown, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<Request>) => void) | null };

async function open({ bytes, secrets, now, knownBundleKeys = [], dbName }: Request) {
  const known = new Set(knownBundleKeys);
  const opened = await openBundle(bytes, secrets, { validators: RECORD_VALIDATORS, now, isKnownBundle: (key) => known.has(key) });
  const checked = await withVerifiedSeals(dbName ? await leaveOutHeldRecords(receiver(dbName), opened) : opened);
  // Packed (~10× smaller than decoded) and transferred: the page keeps them until they are written.
  return packedBundle(checked, CHUNK);
}

/**
 * The receiver's database, opened once for all the files a Worker opens (a folder: opening it for each
 * of 50 files cost more than some of the files). Dexie closes it if the database must be upgraded or
 * deleted meanwhile, and the Worker ends with the folder's opening.
 */
let connection: RelaisDatabase | undefined;
function receiver(dbName: string): RelaisDatabase {
  if (connection?.name !== dbName || !connection.isOpen()) {
    connection?.close();
    connection = new RelaisDatabase(dbName);
  }
  return connection;
}

scope.onmessage = (event) => {
  open(event.data).then(
    (opened) => scope.postMessage({ ok: true, opened }, transferablesOf(opened.entries)),
    (error: unknown) => scope.postMessage({
      ok: false, message: error instanceof Error ? error.message : String(error), issues: bundleErrorIssues(error),
    }),
  );
};
