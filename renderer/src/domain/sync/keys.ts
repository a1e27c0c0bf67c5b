/**
 * The two key pairs of a device, pure WebCrypto:
 * - an Ed25519 signing key, so a receiver sees who produced a bundle or a card and that it is intact;
 * - an X25519 key, the device's age identity, so coordinators can receive bundles encrypted to their card.
 *
 * Private keys live in memory only as non-extractable `CryptoKey`s: once unsealed, not even the page's
 * own code can read their bytes. At rest they are sealed (domain/sync/sealing.ts, db/sync/keys.ts).
 * Everything that signs goes through one `Signer`, so no caller ever holds a private key.
 */
import { identityToRecipient } from 'age-encryption';

/** What signs for this device: its public key, and a function that signs bytes with the private one. */
export interface Signer {
  /** Ed25519 public key, raw 32 bytes, base64 (as on cards and in bundle manifests). */
  readonly publicKey: string;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export const ED25519 = { name: 'Ed25519' } as const;
export const X25519 = { name: 'X25519' } as const;

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
export function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The signer of a private key held in memory (non-extractable once unsealed). */
export function signerOf(privateKey: CryptoKey, publicKey: string): Signer {
  return Object.freeze({
    publicKey,
    sign: async (message: Uint8Array) => new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, asBuffer(message))),
  });
}

/** Ed25519 public key of a pair, raw and base64. */
export async function publicKeyOf(pair: CryptoKeyPair): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
}

/**
 * A fresh Ed25519 pair. Its private key is extractable only so that it can be sealed (`wrapKey` needs
 * that); the sealed copy is what is kept, and the session works with a non-extractable unsealed one.
 */
export async function generateSigningPair(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A fresh X25519 pair for age (extractable for sealing only, as above). */
export async function generateAgePair(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(X25519, true, ['deriveBits'])) as CryptoKeyPair;
}

/** The age recipient (`age1…`, on the card) of an X25519 private key, extractable or not. */
export function ageRecipientOf(privateKey: CryptoKey): Promise<string> {
  return identityToRecipient(privateKey);
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

