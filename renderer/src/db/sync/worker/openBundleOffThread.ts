/** Open a bundle in a Worker (falls back to the page where Workers are missing, e.g. in Node). */
import { openBundle, type OpenedBundle, type OpenSecrets } from '../../../domain/sync/bundle';
import type { RecordIssue } from '../../../domain/sync/errors';
import { withVerifiedSeals } from '../../../domain/sync/seal';
import { RECORD_VALIDATORS } from '../../../domain/sync/validators';
import { leaveOutHeldRecords } from '../import/leaveOutHeld';
import { importedBundleKeys } from '../status';
import { getRelais } from '../../index';
import type { RelaisDatabase } from '../../schema';

type Answer = { ok: true; opened: OpenedBundle } | { ok: false; message: string; issues: RecordIssue[] };

/**
 * `db` (the app's database unless given) is the receiver: its import history lets a bundle imported
 * before be recognised as soon as its signature is checked, and the records it already holds are left
 * out of the answer (counted as unchanged), so a re-import carries almost nothing back to the page.
 */
export async function openBundleOffThread(bytes: Uint8Array, secrets: OpenSecrets, options: { db?: RelaisDatabase } = {}): Promise<OpenedBundle> {
  const db = options.db ?? getRelais().db;
  const known = await importedBundleKeys(db);
  if (typeof Worker === 'undefined') {
    const keys = new Set(known);
    const opened = await openBundle(bytes, secrets, { validators: RECORD_VALIDATORS, isKnownBundle: (key) => keys.has(key) });
    return withVerifiedSeals(await leaveOutHeldRecords(db, opened));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bundleWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.opened);
      else reject(Object.assign(new Error(event.data.message), { issues: event.data.issues }));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    // Copied, not transferred: the same bytes are opened again after a passphrase is typed.
    worker.postMessage({ bytes, secrets, now: Date.now(), knownBundleKeys: known, dbName: db.name });
  });
}
