/**
 * Identity = key. A device is its Ed25519 signing key: its device id is a hash of the public key, so
 * a bundle or a card cannot claim a device id with another key (the id would not match). People check
 * a key by its fingerprint, read aloud in eight groups of five digits (133 bits, like Signal's safety
 * numbers), on cards, in the import preview and in Settings.
 *
 * Synchronous on purpose (SHA-2 from @noble/hashes, the library age-encryption itself uses): the
 * database migration that turns a random legacy device id into a key-derived one runs inside a Dexie
 * upgrade, where an awaited WebCrypto promise would end the transaction.
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { fromBase64 } from './keys';

const encoder = new TextEncoder();

function domainHash(hash: (bytes: Uint8Array) => Uint8Array, label: string, key: Uint8Array): Uint8Array {
  const prefix = encoder.encode(label);
  const input = new Uint8Array(prefix.length + key.length);
  input.set(prefix);
  input.set(key, prefix.length);
  return hash(input);
}

/** The raw 32 bytes of an Ed25519 public key in base64; throws on anything else. */
function rawKey(publicKeyBase64: string): Uint8Array {
  const raw = fromBase64(publicKeyBase64);
  if (raw.length !== 32) throw new Error('not an Ed25519 public key');
  return raw;
}

/** Is this the base64 of a 32-byte public key? */
export function isPublicKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 44) return false;
  try {
    return rawKey(value).length === 32;
  } catch {
    return false;
  }
}

/** The device id of a signing key: the first 128 bits of SHA-256("relais-device-id-v1" ‖ key), in hex. */
export function deviceIdOfKey(publicKeyBase64: string): string {
  const digest = domainHash(sha256, 'relais-device-id-v1', rawKey(publicKeyBase64));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const FINGERPRINT_GROUPS = 8;

/**
 * The fingerprint of a signing key, for people to compare aloud: eight groups of five digits. Each
 * group is five bytes of SHA-512("relais-fingerprint-v1" ‖ key) read as a number modulo 100 000 (as
 * Signal does; 2^40 is so much larger than 10^5 that the digits are evenly spread).
 */
export function fingerprintOfKey(publicKeyBase64: string): string {
  const digest = domainHash(sha512, 'relais-fingerprint-v1', rawKey(publicKeyBase64));
  const groups: string[] = [];
  for (let group = 0; group < FINGERPRINT_GROUPS; group++) {
    let value = 0;
    for (const byte of digest.subarray(group * 5, group * 5 + 5)) value = value * 256 + byte;
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}
