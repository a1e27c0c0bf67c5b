/**
 * Sealing secrets with the OS (Electron safeStorage: macOS Keychain, Windows DPAPI, libsecret or
 * kwallet on Linux), for the page's vault key. Main moves opaque bytes: it never learns what they are
 * nor keeps them; the renderer stores what comes back (renderer/src/db/sync/keys.ts).
 */
import type { SafeStorage } from 'electron';
import { BRIDGE_ERRORS } from '../shared/contract';

type Storage = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

/**
 * True when the OS really protects what it seals. On Linux with no keyring, Chromium "encrypts" with a
 * fixed password written in its source (backend `basic_text`): that protects nothing, so the page falls
 * back to a passphrase the person chooses.
 */
export function secretStorageAvailable(storage: Storage, platform: NodeJS.Platform = process.platform): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  return !(platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text');
}

function unavailable(): Error {
  return new Error(`${BRIDGE_ERRORS.secretStorageUnavailable}: the OS cannot seal secrets`);
}

// safeStorage seals strings: the bytes travel as base64, which only ever holds what the page sent.
export function sealSecret(storage: Storage, bytes: Uint8Array, platform: NodeJS.Platform = process.platform): Uint8Array {
  if (!secretStorageAvailable(storage, platform)) throw unavailable();
  return new Uint8Array(storage.encryptString(Buffer.from(bytes).toString('base64')));
}

export function unsealSecret(storage: Storage, sealed: Uint8Array, platform: NodeJS.Platform = process.platform): Uint8Array {
  if (!secretStorageAvailable(storage, platform)) throw unavailable();
  let text: string;
  try {
    text = storage.decryptString(Buffer.from(sealed));
  } catch {
    // Sealed on another machine or for another user, or the keychain was reset: say so, not how.
    throw new Error(`${BRIDGE_ERRORS.secretUnreadable}: the OS cannot unseal these bytes`);
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}
