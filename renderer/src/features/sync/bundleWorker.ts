/**
 * Opens bundles off the main thread: decrypting (scrypt for passphrases is slow on purpose),
 * inflating, hashing and validating 100k records would freeze the window otherwise. Same pure code as
 * the Node tests (domain/sync/bundle.ts); answers with the checked records or an error message that
 * starts with its code.
 */
import { openBundle, type OpenSecrets } from '../../domain/sync/bundle';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';

interface Request {
  bytes: Uint8Array;
  secrets: OpenSecrets;
  now: number;
}

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<Request>) => void) | null };

scope.onmessage = (event) => {
  const { bytes, secrets, now } = event.data;
  openBundle(bytes, secrets, { validators: RECORD_VALIDATORS, now }).then(
    (opened) => scope.postMessage({ ok: true, opened }),
    (error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
