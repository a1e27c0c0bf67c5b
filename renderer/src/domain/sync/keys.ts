/**
 * The two key pairs of a device, created once and kept in the `meta` table:
 * - an Ed25519 signing key (WebCrypto) so a receiver sees who produced a bundle and that it is intact;
 * - an age X25519 identity so coordinators can receive bundles encrypted to their card.
 * Keys are stored as JWK / age strings (plain data: survives IndexedDB, workers and fake-indexeddb).
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';

export interface DeviceKeys {
  /** Ed25519 private key as JWK (includes the public part). */
  signingPrivateJwk: JsonWebKey;
  /** Ed25519 public key, raw 32 bytes, base64. */
  signingPublicKey: string;
  /** age secret key (`AGE-SECRET-KEY-1…`). */
  ageIdentity: string;
  /** age recipient (`age1…`), shared on the card. */
  ageRecipient: string;
}

const ED25519 = { name: 'Ed25519' } as const;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', asBuffer(bytes))));
}

/** WebCrypto wants bytes backed by a plain ArrayBuffer. */
function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export async function generateDeviceKeys(): Promise<DeviceKeys> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const signingPrivateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const signingPublicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const ageIdentity = await generateIdentity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  return { signingPrivateJwk, signingPublicKey, ageIdentity, ageRecipient };
}

export async function sign(privateJwk: JsonWebKey, message: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('jwk', privateJwk, ED25519, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign(ED25519, key, asBuffer(message)));
}

/** False for a bad signature and for a malformed key (both mean "not from who it claims"). */
export async function verify(publicKeyBase64: string, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    const raw = fromBase64(publicKeyBase64);
    if (raw.length !== 32 || signature.length !== 64) return false;
    const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, key, asBuffer(signature), asBuffer(message));
  } catch {
    return false;
  }
}

/**
 * Signing many messages with one key (the seals of a batch of records): the key is imported once, not
 * once per message as `sign` does.
 */
export function signerOf(privateJwk: JsonWebKey): (message: Uint8Array) => Promise<Uint8Array> {
  const key = crypto.subtle.importKey('jwk', privateJwk, ED25519, false, ['sign']);
  return async (message) => new Uint8Array(await crypto.subtle.sign(ED25519, await key, asBuffer(message)));
}

/**
 * Checking many signatures by one key (the seals of a relayed author's records): the key is imported
 * once. False for a bad signature and for a malformed key, as `verify`.
 */
export function verifierOf(publicKeyBase64: string): (signature: Uint8Array, message: Uint8Array) => Promise<boolean> {
  const key = (async () => {
    const raw = fromBase64(publicKeyBase64);
    if (raw.length !== 32) return null;
    return crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
  })().catch(() => null);
  return async (signature, message) => {
    const imported = await key;
    if (!imported || signature.length !== 64) return false;
    try {
      return await crypto.subtle.verify(ED25519, imported, asBuffer(signature), asBuffer(message));
    } catch {
      return false;
    }
  };
}

