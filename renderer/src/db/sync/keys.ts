/**
 * This device's keys and card.
 *
 * The keys: an Ed25519 key that signs its bundles, its card and the statements that seal its records,
 * and an X25519 age identity bundles are encrypted to. Their private halves are sealed at rest in the
 * `secrets` table, wrapped with a vault key that the OS (Electron safeStorage) or the person's passphrase
 * seals (domain/sync/sealing.ts); nothing secret is ever stored in clear. Unsealed, they are
 * non-extractable CryptoKeys kept in memory for the session, and everything that signs goes through
 * their one `Signer`. The public signing key is what the device id is derived from (db/identity.ts).
 *
 * The card: this device's, for others to enrol it. The cards of others are in ./enrolment.ts.
 */
import { createCard, signCard, type CardInput, type SignedCard } from '../../domain/sync/card';
import { ageRecipientOf, generateAgePair, generateSigningPair, publicKeyOf, signerOf, type Signer } from '../../domain/sync/keys';
import {
  ageIdentityToPkcs8, createVaultKey, importLegacySigningKey, KeysError, keysErrorCode, lockVault, openVaultKey, openVaultLock, unwrapPrivateKey, wrapPkcs8,
  wrapPrivateKey, type SealedVaultKey, type VaultLock, type VaultProtection, type VaultScheme, type WrappedKey,
} from '../../domain/sync/sealing';
import { renewDevice } from '../device';
import { ensureIdentity } from '../identity';
import { deleteMeta, readMeta, type MetaValues } from '../meta';
import type { RelaisDatabase } from '../schema';

/** Who is named on a bundle or a card this device makes. */
export interface Author {
  name: string;
  structure: string;
  /** Informative (a role code of domain/codes.ts); a mediator's when not said. */
  role?: string;
}

/** The keys of this device, unsealed for the session. */
export interface DeviceKeys {
  signer: Signer;
  /** The signer's public key (raw Ed25519, base64), as on the card. */
  signingPublicKey: string;
  /** The X25519 private key, non-extractable: opens bundles encrypted to this device (age takes a CryptoKey). */
  ageIdentity: CryptoKey;
  /** `age1…`, on the card. */
  ageRecipient: string;
}

/** The rows of the `secrets` table (schema version 12): public halves in clear, private halves sealed. */
export interface SecretValues {
  /** The sealed vault key, or the same under the shared-laptop lock (domain/sync/sealing.ts, `VaultLock`). */
  vault: (SealedVaultKey | VaultLock) & { createdAt: string };
  signingKey: WrappedKey & { publicKey: string };
  ageKey: WrappedKey & { recipient: string };
}
export type SecretName = keyof SecretValues;
export type SecretRow = { [K in SecretName]: { name: K; value: SecretValues[K] } }[SecretName];

async function readSecret<K extends SecretName>(db: RelaisDatabase, name: K): Promise<SecretValues[K] | undefined> {
  return (await db.secrets.get(name))?.value as SecretValues[K] | undefined;
}

/** The OS protection is the only one a session may remember: it holds functions, not a secret. */
export type OsProtection = Extract<VaultProtection, { kind: 'os' }>;

const unlocked = new WeakMap<RelaisDatabase, DeviceKeys>();
/** The vault as the lock's PIN or passphrase opened it, for this session. */
const openedLocks = new WeakMap<RelaisDatabase, SealedVaultKey>();

function isLocked(vault: SealedVaultKey | VaultLock): vault is VaultLock {
  return 'lock' in vault;
}

/** The sealed vault key: as stored, or as the lock opened it; KeysError('locked') while the lock is closed. */
async function readVault(db: RelaisDatabase): Promise<SealedVaultKey | undefined> {
  const row = await readSecret(db, 'vault');
  if (!row || !isLocked(row)) return row;
  const opened = openedLocks.get(db);
  if (!opened) throw new KeysError('locked', 'the lock is closed');
  return opened;
}

/** Whether this laptop has a lock (Settings, the lock screen). */
export async function hasLock(db: RelaisDatabase): Promise<boolean> {
  const row = await readSecret(db, 'vault');
  return row !== undefined && isLocked(row);
}

/** Whether the lock was opened in this session (no PIN needed again until `closeLock`). */
export function isLockOpen(db: RelaisDatabase): boolean {
  return openedLocks.has(db);
}

/** Open the lock with its PIN or passphrase; KeysError('wrongPassphrase') otherwise. */
export async function openLock(db: RelaisDatabase, secret: string): Promise<void> {
  const row = await readSecret(db, 'vault');
  if (!row || !isLocked(row)) return;
  openedLocks.set(db, await openVaultLock(row, secret));
}

/** Close the lock: the PIN is needed again, and the unsealed keys of this session are forgotten. */
export function closeLock(db: RelaisDatabase): void {
  openedLocks.delete(db);
  unlocked.delete(db);
}

/**
 * Set (or change) the lock: the sealed vault key encrypted under `secret`. Needs the vault as it is now
 * (not locked, or opened in this session). `iterations` only for tests.
 */
export async function setLock(db: RelaisDatabase, secret: string, iterations?: number): Promise<void> {
  const vault = await readVault(db);
  if (!vault) throw new KeysError('notSealed');
  const locked = await lockVault(vault, secret, iterations);
  await db.secrets.put({ name: 'vault', value: { ...locked, createdAt: new Date().toISOString() } });
  openedLocks.set(db, vault);
}

/** Remove the lock (it must be open): the vault goes back to its seal alone. */
export async function removeLock(db: RelaisDatabase): Promise<void> {
  const vault = await readVault(db);
  if (!vault) return;
  await db.secrets.put({ name: 'vault', value: { ...vault, createdAt: new Date().toISOString() } });
  openedLocks.delete(db);
}
const remembered = new WeakMap<RelaisDatabase, OsProtection>();
const opening = new WeakMap<RelaisDatabase, Promise<DeviceKeys>>();

/** How this database's keys are kept, read without writing (live queries may call it). */
export interface KeysState {
  /** How the vault is sealed; null before any key was sealed. */
  sealedBy: VaultScheme | null;
  /** An older version left keys in clear in `meta`: they are sealed when the vault is first opened. */
  legacyClearKeys: boolean;
}

export async function readKeysState(db: RelaisDatabase): Promise<KeysState> {
  const vault = await readSecret(db, 'vault');
  const legacyClearKeys = (await readMeta(db, 'signingKey')) !== undefined || (await readMeta(db, 'ageIdentity')) !== undefined;
  return { sealedBy: vault?.scheme ?? null, legacyClearKeys };
}

/** This device's age recipient (`age1…`), readable without unsealing anything; undefined before its keys exist. */
export async function readAgeRecipient(db: RelaisDatabase): Promise<string | undefined> {
  return (await readSecret(db, 'ageKey'))?.recipient;
}

/** The keys unsealed in this session, if any. */
export function unlockedKeys(db: RelaisDatabase): DeviceKeys | undefined {
  return unlocked.get(db);
}

/** Forget the unsealed keys (the next use asks again). */
export function lockKeys(db: RelaisDatabase): void {
  unlocked.delete(db);
}

/** Let `ensureDeviceKeys` unseal (or first seal) the keys with the OS whenever they are needed. */
export function rememberOsProtection(db: RelaisDatabase, protection: OsProtection): void {
  remembered.set(db, protection);
}

/**
 * This device's keys, unsealed: those of the session, or unsealed with the remembered OS protection
 * (sealed first if this database has none yet). Otherwise KeysError('locked'): the screen asks for the
 * passphrase (features/keys) and calls `unlockDeviceKeys`.
 */
export function ensureDeviceKeys(db: RelaisDatabase): Promise<DeviceKeys> {
  const open = unlocked.get(db);
  if (open) return Promise.resolve(open);
  const protection = remembered.get(db);
  if (!protection) return Promise.reject(new KeysError('locked'));
  let pending = opening.get(db);
  if (!pending) {
    pending = openOrSeal(db, protection).finally(() => opening.delete(db));
    opening.set(db, pending);
  }
  return pending;
}

async function openOrSeal(db: RelaisDatabase, protection: OsProtection): Promise<DeviceKeys> {
  if (await readSecret(db, 'vault')) return unlockDeviceKeys(db, protection);
  try {
    return await sealDeviceKeys(db, protection);
  } catch (error) {
    if (keysErrorCode(error) === 'alreadySealed') return unlockDeviceKeys(db, protection); // another window sealed first
    throw error;
  }
}

type LegacyKeys = { signing: MetaValues['signingKey']; age: MetaValues['ageIdentity'] };

async function readLegacyKeys(db: RelaisDatabase): Promise<LegacyKeys | undefined> {
  const signing = await readMeta(db, 'signingKey');
  const age = await readMeta(db, 'ageIdentity');
  return signing && age ? { signing, age } : undefined;
}

interface SealedKeys {
  rows: Pick<SecretValues, 'signingKey' | 'ageKey'>;
  keys: DeviceKeys;
}

/** Unseal the sealed rows again, the way every later session will: what is stored is proven to open. */
async function unsealKeys(rows: SealedKeys['rows'], vaultKey: CryptoKey): Promise<DeviceKeys> {
  const signing = await unwrapPrivateKey(rows.signingKey, vaultKey, 'signing');
  const ageIdentity = await unwrapPrivateKey(rows.ageKey, vaultKey, 'age');
  return {
    signer: signerOf(signing, rows.signingKey.publicKey),
    signingPublicKey: rows.signingKey.publicKey,
    ageIdentity,
    ageRecipient: rows.ageKey.recipient,
  };
}

/** New key pairs, sealed with the vault key. */
async function sealNewKeys(vaultKey: CryptoKey): Promise<SealedKeys> {
  const signing = await generateSigningPair();
  const age = await generateAgePair();
  const rows: SealedKeys['rows'] = {
    signingKey: { ...(await wrapPrivateKey(signing.privateKey, vaultKey, 'signing')), publicKey: await publicKeyOf(signing) },
    ageKey: { ...(await wrapPrivateKey(age.privateKey, vaultKey, 'age')), recipient: await ageRecipientOf(age.privateKey) },
  };
  return { rows, keys: await unsealKeys(rows, vaultKey) };
}

/** The keys an older version kept in clear, sealed as they are: cards already handed out stay valid. */
async function sealLegacyKeys(legacy: LegacyKeys, vaultKey: CryptoKey): Promise<SealedKeys> {
  const signing = await importLegacySigningKey(legacy.signing.privateJwk);
  const agePkcs8 = ageIdentityToPkcs8(legacy.age.identity);
  try {
    const rows: SealedKeys['rows'] = {
      signingKey: { ...(await wrapPrivateKey(signing, vaultKey, 'signing')), publicKey: legacy.signing.publicKey },
      ageKey: { ...(await wrapPkcs8(agePkcs8, vaultKey, 'age')), recipient: legacy.age.recipient },
    };
    return { rows, keys: await unsealKeys(rows, vaultKey) };
  } finally {
    agePkcs8.fill(0);
  }
}

/** Store a vault and its keys, in one transaction; the clear copies an older version left are deleted. */
async function storeVault(
  db: RelaisDatabase, sealed: SealedVaultKey, material: SealedKeys, replace: (() => Promise<void>) | undefined,
): Promise<void> {
  await db.transaction('rw', [db.secrets, db.meta], async () => {
    if (replace) await replace();
    else if (await db.secrets.get('vault')) throw new KeysError('alreadySealed');
    await db.secrets.bulkPut([
      { name: 'vault', value: { ...sealed, createdAt: new Date().toISOString() } },
      { name: 'signingKey', value: material.rows.signingKey },
      { name: 'ageKey', value: material.rows.ageKey },
    ]);
    await deleteMeta(db, 'signingKey');
    await deleteMeta(db, 'ageIdentity');
  });
}

/**
 * This device's public signing key, read without unsealing or creating anything: the sealed rows keep
 * it in clear (as does the card), and an older version's clear keys hold it too. What the device id is
 * derived from (db/identity.ts); live queries may call it.
 */
export async function readSigningPublicKey(db: RelaisDatabase): Promise<string | undefined> {
  return (await readSecret(db, 'signingKey'))?.publicKey ?? (await readMeta(db, 'signingKey'))?.publicKey;
}

/**
 * Signing as this device, for what is not a bundle or a card: the statements that seal its records
 * (db/sync/seal.ts). The keys' one signer.
 */
export async function deviceSigner(db: RelaisDatabase): Promise<Signer> {
  return (await ensureDeviceKeys(db)).signer;
}

/**
 * Seal this database's keys for the first time (first run, or the first start of this version): the keys
 * an older version left in clear if any (then deleted from `meta`), new ones otherwise.
 */
export async function sealDeviceKeys(db: RelaisDatabase, protection: VaultProtection): Promise<DeviceKeys> {
  if (await readSecret(db, 'vault')) throw new KeysError('alreadySealed');
  const legacy = await readLegacyKeys(db);
  // WebCrypto (and the bridge) run before the transaction: a Dexie transaction ends at a foreign await.
  const { sealed, key } = await createVaultKey(protection);
  const material = legacy ? await sealLegacyKeys(legacy, key) : await sealNewKeys(key);
  await storeVault(db, sealed, material, undefined);
  unlocked.set(db, material.keys);
  return material.keys;
}

/** Unseal the keys with the OS or the passphrase, for this session. */
export async function unlockDeviceKeys(db: RelaisDatabase, protection: VaultProtection): Promise<DeviceKeys> {
  const [signingKey, ageKey] = await Promise.all([readSecret(db, 'signingKey'), readSecret(db, 'ageKey')]);
  const vault = await readVault(db);
  if (!vault) throw new KeysError('notSealed');
  if (!signingKey || !ageKey) throw new KeysError('unreadable', 'keys missing');
  const keys = await unsealKeys({ signingKey, ageKey }, await openVaultKey(vault, protection));
  unlocked.set(db, keys);
  return keys;
}

/**
 * Re-enrolment, when the old keys cannot be unsealed any more (passphrase forgotten, OS keychain lost):
 * new keys under a new seal, and a new device id, the new key's (identity = key). Every record stays;
 * the export mark is reset so that the next export, the first under the new id, carries everything and
 * leaves no false "missing bundle" at the receivers. Coordinators enrol the new card. Records written
 * under the old key stay that key's: they can be erased here, not edited, and travel with their old seals.
 */
export async function renewDeviceKeys(db: RelaisDatabase, protection: VaultProtection): Promise<DeviceKeys> {
  const { sealed, key } = await createVaultKey(protection);
  const material = await sealNewKeys(key);
  await storeVault(db, sealed, material, async () => {
    await db.secrets.clear();
    await renewDevice(db, material.keys.signingPublicKey);
    await deleteMeta(db, 'exportMark');
  });
  unlocked.set(db, material.keys);
  return material.keys;
}

async function cardInput(db: RelaisDatabase, author: Author, createdAt: string): Promise<{ input: CardInput; keys: DeviceKeys }> {
  const keys = await ensureDeviceKeys(db);
  const identity = await ensureIdentity(db);
  const input: CardInput = {
    name: author.name, structure: author.structure, role: author.role ?? 'mediateur',
    ageRecipient: keys.ageRecipient, signingKey: keys.signingPublicKey, legacyDeviceIds: identity.legacyDeviceIds ?? [], createdAt,
  };
  return { input, keys };
}

/** This device's card as a file, for others to enrol it. */
export async function exportMyCard(db: RelaisDatabase, author: Author & { role: string }): Promise<Uint8Array> {
  const { input, keys } = await cardInput(db, author, new Date().toISOString());
  return createCard(input, keys.signer);
}

/** This device's signed card, as every bundle it sends carries it. */
export async function myCard(db: RelaisDatabase, author: Author, createdAt: string): Promise<SignedCard> {
  const { input, keys } = await cardInput(db, author, createdAt);
  return signCard(input, keys.signer);
}
