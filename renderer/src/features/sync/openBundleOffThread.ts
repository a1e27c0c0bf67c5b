/** Open a bundle in a Worker (falls back to the page where Workers are missing, e.g. in Node). */
import { openBundle, type OpenedBundle, type OpenSecrets } from '../../domain/sync/bundle';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';

type Answer = { ok: true; opened: OpenedBundle } | { ok: false; message: string };

export function openBundleOffThread(bytes: Uint8Array, secrets: OpenSecrets): Promise<OpenedBundle> {
  if (typeof Worker === 'undefined') return openBundle(bytes, secrets, { validators: RECORD_VALIDATORS });
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
    worker.postMessage({ bytes, secrets, now: Date.now() });
  });
}
