/** Open a bundle in a Worker (falls back to the page where Workers are missing, e.g. in Node). */
import { openBundle, type OpenSecrets } from '../../../domain/sync/bundle';
import type { RecordIssue } from '../../../domain/sync/errors';
import { withVerifiedSeals } from '../../../domain/sync/seal';
import { RECORD_VALIDATORS } from '../../../domain/sync/validators';
import { packedBundle, type ReceivedBundle } from '../../../domain/sync/packed';
import { leaveOutHeldRecords } from '../import/leaveOutHeld';
import { importedBundleKeys } from '../status';
import { getRelais } from '../../index';
import type { RelaisDatabase } from '../../schema';
import { CHUNK } from '../tables';

type Answer = { ok: true; opened: ReceivedBundle } | { ok: false; message: string; issues: RecordIssue[] };

/** Thrown when the person cancels while a bundle opens: not a refusal, nothing was written. */
export class OpeningCancelled extends Error {
  constructor() {
    super('opening cancelled');
    this.name = 'AbortError';
  }
}

export function isOpeningCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Opens bundles one after the other in one Worker (a folder of files: the Worker and its code load once). */
export interface BundleOpener {
  open(bytes: Uint8Array, secrets: OpenSecrets, options?: { db?: RelaisDatabase; signal?: AbortSignal; whole?: boolean }): Promise<ReceivedBundle>;
  /** Ends the Worker: call it once the files are opened. */
  close(): void;
}

/**
 * `db` (the app's database unless given) is the receiver: its import history lets a bundle imported
 * before be recognised as soon as its signature is checked, and the records it already holds are left
 * out of the answer (counted as unchanged), so a re-import carries almost nothing back to the page.
 * `signal` cancels: the Worker is terminated at once, whatever it was doing (scrypt, inflating,
 * validating); opening writes nothing, so nothing is left behind. The Worker is made on the first
 * `open` and kept for the next ones (loading its code cost ~0.2 s a file in a folder of 50). `whole`
 * opens the bundle for a restore (db/restore.ts): every record, no receiver's database read (it may be
 * one that cannot open).
 */
export function bundleOpener(): BundleOpener {
  let worker: Worker | undefined;
  const end = () => {
    worker?.terminate();
    worker = undefined;
  };
  const open: BundleOpener['open'] = async (bytes, secrets, options = {}) => {
    const { signal } = options;
    const db = options.whole ? undefined : options.db ?? getRelais().db;
    const known = db ? await importedBundleKeys(db) : [];
    if (signal?.aborted) throw new OpeningCancelled();
    if (typeof Worker === 'undefined') {
      const keys = new Set(known);
      const opened = await openBundle(bytes, secrets, { validators: RECORD_VALIDATORS, isKnownBundle: (key) => keys.has(key) });
      if (signal?.aborted) throw new OpeningCancelled();
      return packedBundle(await withVerifiedSeals(db ? await leaveOutHeldRecords(db, opened) : opened), CHUNK);
    }
    worker ??= new Worker(new URL('./bundleWorker.ts', import.meta.url), { type: 'module' });
    const current = worker;
    return new Promise((resolve, reject) => {
      const cancel = () => {
        end();
        reject(new OpeningCancelled());
      };
      signal?.addEventListener('abort', cancel, { once: true });
      const settle = () => {
        current.onmessage = null;
        current.onerror = null;
        signal?.removeEventListener('abort', cancel);
      };
      current.onmessage = (event: MessageEvent<Answer>) => {
        settle();
        if (event.data.ok) resolve(event.data.opened);
        else reject(Object.assign(new Error(event.data.message), { issues: event.data.issues }));
      };
      current.onerror = (event) => {
        settle();
        end();
        reject(new Error(event.message || 'worker failed'));
      };
      // Copied, not transferred: the same bytes are opened again after a passphrase is typed. The age
      // identity is a non-extractable CryptoKey: structured clone hands the Worker the key, never its bytes.
      current.postMessage({ bytes, secrets, now: Date.now(), knownBundleKeys: known, dbName: db?.name });
    });
  };
  return { open, close: end };
}

/** One bundle, in a Worker of its own (see `bundleOpener`). */
export async function openBundleOffThread(
  bytes: Uint8Array, secrets: OpenSecrets, options: { db?: RelaisDatabase; signal?: AbortSignal; whole?: boolean } = {},
): Promise<ReceivedBundle> {
  const opener = bundleOpener();
  try {
    return await opener.open(bytes, secrets, options);
  } finally {
    opener.close();
  }
}
