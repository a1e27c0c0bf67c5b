/** Open a bundle in a Worker (falls back to the page where Workers are missing, e.g. in Node). */
import { openBundle, type OpenedBundle, type OpenSecrets } from '../../../domain/sync/bundle';
import { RECORD_VALIDATORS } from '../../../domain/sync/validators';
import { leaveOutHeldRecords } from '../import/leaveOutHeld';
import { importedBundleIds } from '../status';
import { getRelais } from '../../index';
import type { RelaisDatabase } from '../../schema';

type Answer = { ok: true; opened: OpenedBundle } | { ok: false; message: string };

/**
 * `db` (the app's database unless given) is the receiver: its import history lets a bundle imported
 * before be recognised as soon as its signature is checked, and the records it already holds are left
 * out of the answer (counted as unchanged), so a re-import carries almost nothing back to the page.
 */
export async function openBundleOffThread(bytes: Uint8Array, secrets: OpenSecrets, options: { db?: RelaisDatabase } = {}): Promise<OpenedBundle> {
  const db = options.db ?? getRelais().db;
  const known = await importedBundleIds(db);
  if (typeof Worker === 'undefined') {
    const ids = new Set(known);
    const opened = await openBundle(bytes, secrets, { validators: RECORD_VALIDATORS, isKnownBundle: (id) => ids.has(id) });
    return leaveOutHeldRecords(db, opened);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bundleWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.opened);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    // Copied, not transferred: the same bytes are opened again after a passphrase is typed.
    worker.postMessage({ bytes, secrets, now: Date.now(), knownBundleIds: known, dbName: db.name });
  });
}
