/**
 * Secrets sealed at rest (design promise 8: a copied disk reveals no private key). Two layers, so that
 * changing how the vault is sealed (another passphrase, the OS keychain) never touches the keys:
 *
 *   each private key  ── AES-256-GCM (WebCrypto wrapKey, PKCS #8) ──►  wrapped with the VAULT KEY
 *   the vault key     ── sealed by the OS (Electron safeStorage, through the bridge)
 *                        or by a key derived from a passphrase the person chooses (PBKDF2-SHA256)
 *
 * Unsealed, every key is a non-extractable CryptoKey held in memory for the session: the page's own
 * code cannot read its bytes. Why the CryptoKey is not simply stored in IndexedDB: Chromium writes a
 * stored CryptoKey's key material in clear into the profile's LevelDB files, extractable or not
 * (docs/decisions/0008-secrets-sealed-at-rest.md). Nothing here stores anything: db/sync/keys.ts does.
 */
import { bech32 } from '@scure/base';
import { asBuffer, ED25519, X25519 } from './keys';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: ~0.1–0.3 s on a laptop, once per session. */
export const PBKDF2_ITERATIONS = 600_000;

/** How the vault key is kept: sealed by the OS, or wrapped by a key derived from a passphrase. */
export type SealedVaultKey =
  | { scheme: 'os'; sealed: Uint8Array }
  | { scheme: 'passphrase'; kdf: 'PBKDF2-SHA256'; iterations: number; salt: Uint8Array; iv: Uint8Array; wrapped: Uint8Array };

export type VaultScheme = SealedVaultKey['scheme'];

/** A private key encrypted with the vault key (AES-GCM: any change to the bytes is detected). */
export interface WrappedKey {
  iv: Uint8Array;
  wrapped: Uint8Array;
}

/** What seals the vault key. The OS variant only moves opaque bytes to the desktop shell and back. */
export type VaultProtection =
  | { kind: 'os'; seal(bytes: Uint8Array): Promise<Uint8Array>; unseal(sealed: Uint8Array): Promise<Uint8Array> }
  | { kind: 'passphrase'; passphrase: string; /** tests lower it; never stored lower than asked */ iterations?: number };

export const KEYS_ERROR_CODES = [
  /** No key is unsealed in this session (the passphrase was not typed yet). */
  'locked',
  'wrongPassphrase',
  /** The OS cannot unseal the vault any more (keychain reset, profile copied to another machine…). */
  'unreadable',
  /** The vault was sealed another way than the one offered (e.g. by the OS, opened with a passphrase). */
  'schemeMismatch',
  /** Sealing keys where some are sealed already (another window did it first). */
  'alreadySealed',
  /** Unlocking where nothing was sealed yet. */
  'notSealed',
  /** The person closed the unlock dialog. */
  'cancelled',
] as const;
export type KeysErrorCode = (typeof KEYS_ERROR_CODES)[number];

export class KeysError extends Error {
  constructor(readonly code: KeysErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'KeysError';
  }
}

export function keysErrorCode(error: unknown): KeysErrorCode | undefined {
  return error instanceof Error && error.name === 'KeysError' && 'code' in error ? (error as KeysError).code : undefined;
}

const VAULT_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

/** What each wrapped key is, bound into its encryption (AES-GCM additional data): keys cannot be swapped. */
export const KEY_PURPOSES = {
  signing: { algorithm: ED25519, usages: ['sign'] as KeyUsage[] },
  age: { algorithm: X25519, usages: ['deriveBits'] as KeyUsage[] },
} as const;
export type KeyPurpose = keyof typeof KEY_PURPOSES;

const encoder = new TextEncoder();

function gcm(iv: Uint8Array, label: string): AesGcmParams {
  return { name: 'AES-GCM', iv: asBuffer(iv), additionalData: encoder.encode(`relais:${label}:v1`) };
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number, usages: KeyUsage[] = ['wrapKey', 'unwrapKey']): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
    material, { name: 'AES-GCM', length: 256 }, false, usages,
  );
}

/**
 * The lock of a shared laptop (issue 12), on top of the seal: the sealed vault key itself (whatever seals
 * it, the OS or a passphrase) encrypted with a key derived from the lock's PIN or passphrase. With the
 * lock set, opening the keys takes the lock's secret first, then the seal as before: one mechanism, one
 * more layer. `scheme` stays in clear so screens know how the vault underneath is sealed.
 */
export interface VaultLock {
  scheme: VaultScheme;
  lock: { kdf: 'PBKDF2-SHA256'; iterations: number; salt: Uint8Array; iv: Uint8Array; sealed: Uint8Array };
}

function vaultToBytes(vault: SealedVaultKey): Uint8Array {
  const fields = Object.fromEntries(Object.entries(vault).map(([k, v]) => [k, v instanceof Uint8Array ? { b: [...v] } : v]));
  return encoder.encode(JSON.stringify(fields));
}

function vaultFromBytes(bytes: Uint8Array): SealedVaultKey {
  const fields = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v && typeof v === 'object' && 'b' in v ? new Uint8Array((v as { b: number[] }).b) : v])) as unknown as SealedVaultKey;
}

export async function lockVault(vault: SealedVaultKey, secret: string, iterations = PBKDF2_ITERATIONS): Promise<VaultLock> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await passphraseKey(secret, salt, Math.max(iterations, 1), ['encrypt', 'decrypt']);
  const sealed = new Uint8Array(await crypto.subtle.encrypt(gcm(iv, 'vault-lock'), key, asBuffer(vaultToBytes(vault))));
  return { scheme: vault.scheme, lock: { kdf: 'PBKDF2-SHA256', iterations: Math.max(iterations, 1), salt, iv, sealed } };
}

/** The sealed vault key under a lock; KeysError('wrongPassphrase') for a wrong PIN or passphrase. */
export async function openVaultLock(locked: VaultLock, secret: string): Promise<SealedVaultKey> {
  const { salt, iv, iterations, sealed } = locked.lock;
  const key = await passphraseKey(secret, salt, iterations, ['encrypt', 'decrypt']);
  try {
    return vaultFromBytes(new Uint8Array(await crypto.subtle.decrypt(gcm(iv, 'vault-lock'), key, asBuffer(sealed))));
  } catch {
    throw new KeysError('wrongPassphrase');
  }
}

/**
 * A new vault key, sealed as `protection` says, and the same key unsealed again the way it will be at
 * every start (non-extractable): what is stored is proven to open before it is stored.
 */
export async function createVaultKey(protection: VaultProtection): Promise<{ sealed: SealedVaultKey; key: CryptoKey }> {
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, VAULT_KEY_USAGES);
  let sealed: SealedVaultKey;
  if (protection.kind === 'os') {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', fresh));
    try {
      sealed = { scheme: 'os', sealed: await protection.seal(raw) };
    } finally {
      raw.fill(0);
    }
  } else {
    const iterations = Math.max(protection.iterations ?? PBKDF2_ITERATIONS, 1);
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const kek = await passphraseKey(protection.passphrase, salt, iterations);
    const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', fresh, kek, gcm(iv, 'vault-key')));
    sealed = { scheme: 'passphrase', kdf: 'PBKDF2-SHA256', iterations, salt, iv, wrapped };
  }
  return { sealed, key: await openVaultKey(sealed, protection) };
}

/** The vault key, unsealed and non-extractable; KeysError when the protection cannot open it. */
export async function openVaultKey(sealed: SealedVaultKey, protection: VaultProtection): Promise<CryptoKey> {
  if (sealed.scheme !== protection.kind) throw new KeysError('schemeMismatch', `sealed by ${sealed.scheme}`);
  if (sealed.scheme === 'os' && protection.kind === 'os') {
    let raw: Uint8Array;
    try {
      raw = await protection.unseal(sealed.sealed);
    } catch (error) {
      throw new KeysError('unreadable', error instanceof Error ? error.message : String(error));
    }
    try {
      return await crypto.subtle.importKey('raw', asBuffer(raw), 'AES-GCM', false, VAULT_KEY_USAGES);
    } catch {
      throw new KeysError('unreadable', 'not a vault key');
    } finally {
      raw.fill(0);
    }
  }
  if (sealed.scheme === 'passphrase' && protection.kind === 'passphrase') {
    const kek = await passphraseKey(protection.passphrase, sealed.salt, sealed.iterations);
    try {
      return await crypto.subtle.unwrapKey('raw', asBuffer(sealed.wrapped), kek, gcm(sealed.iv, 'vault-key'), 'AES-GCM', false, VAULT_KEY_USAGES);
    } catch {
      // AES-GCM cannot tell a wrong passphrase from damaged bytes; a wrong passphrase is by far the likelier.
      throw new KeysError('wrongPassphrase');
    }
  }
  throw new KeysError('schemeMismatch');
}

/** Seal a private key (extractable, fresh or imported from a legacy copy) with the vault key. */
export async function wrapPrivateKey(privateKey: CryptoKey, vaultKey: CryptoKey, purpose: KeyPurpose): Promise<WrappedKey> {
  const iv = randomBytes(12);
  return { iv, wrapped: new Uint8Array(await crypto.subtle.wrapKey('pkcs8', privateKey, vaultKey, gcm(iv, purpose))) };
}

/** Seal PKCS #8 bytes (a legacy age identity) exactly as `wrapPrivateKey` would have sealed the key. */
export async function wrapPkcs8(pkcs8: Uint8Array, vaultKey: CryptoKey, purpose: KeyPurpose): Promise<WrappedKey> {
  const iv = randomBytes(12);
  return { iv, wrapped: new Uint8Array(await crypto.subtle.encrypt(gcm(iv, purpose), vaultKey, asBuffer(pkcs8))) };
}

/** A sealed private key, unsealed as a non-extractable CryptoKey for this session. */
export async function unwrapPrivateKey(sealed: WrappedKey, vaultKey: CryptoKey, purpose: KeyPurpose): Promise<CryptoKey> {
  const { algorithm, usages } = KEY_PURPOSES[purpose];
  try {
    return await crypto.subtle.unwrapKey('pkcs8', asBuffer(sealed.wrapped), vaultKey, gcm(sealed.iv, purpose), algorithm, false, usages);
  } catch {
    throw new KeysError('unreadable', `${purpose} key`);
  }
}

/** The fixed PKCS #8 prefix of an X25519 private key (RFC 8410): the 32 key bytes follow it. */
const X25519_PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20];

/** A legacy age identity string (`AGE-SECRET-KEY-1…`) as PKCS #8 bytes, to seal it like a new key. */
export function ageIdentityToPkcs8(identity: string): Uint8Array {
  const { prefix, bytes } = bech32.decodeToBytes(identity);
  if (prefix.toUpperCase() !== 'AGE-SECRET-KEY-' || bytes.length !== 32) throw new Error('not an age X25519 identity');
  const pkcs8 = new Uint8Array(X25519_PKCS8_PREFIX.length + 32);
  pkcs8.set(X25519_PKCS8_PREFIX);
  pkcs8.set(bytes, X25519_PKCS8_PREFIX.length);
  bytes.fill(0);
  return pkcs8;
}

/** A legacy signing key (JWK, extractable) as a CryptoKey that can be sealed. */
export function importLegacySigningKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', jwk, ED25519, true, ['sign']);
}
