/**
 * Identity = key (docs/decisions/0009-identity-is-the-key-and-write-rules.md): this database's device id is the hash
 * of its Ed25519 signing key, made once, before the first write. A database from before schema
 * version 6 had a random id: it keeps it as a legacy id (its old records and stamps carry it), claimed
 * on its card under the key's signature, and writes under the key's id from then on.
 *
 * The Dexie upgrade to version 6 does this already when the database had keys (db/migrations.ts);
 * `ensureIdentity` does it for databases that had none yet, and for new ones.
 */
import type { Table } from 'dexie';
import { LEGACY_DEVICE_ID_PATTERN, DEVICE_ID_PATTERN } from '../domain/ids';
import { deviceIdOfKey, fingerprintOfKey } from '../domain/sync/identity';
import type { DeviceIdentity } from './device';
import { readMeta, writeMeta } from './meta';
import type { RelaisDatabase } from './schema';
import { ensureDeviceKeys, readSigningPublicKey } from './sync/keys';

function isKeyDerived(identity: DeviceIdentity | undefined): boolean {
  return identity !== undefined && DEVICE_ID_PATTERN.test(identity.deviceId);
}

/**
 * This database's identity, made from its signing key if it has none yet (creating the key if need
 * be: that needs the keys' protection, the OS or the passphrase). Call it before opening a transaction
 * that writes: inside one, it only reads (once made, the identity never changes), but making it may
 * await WebCrypto, which would end a Dexie transaction.
 */
export async function ensureIdentity(db: RelaisDatabase): Promise<DeviceIdentity> {
  const existing = await readMeta(db, 'device');
  if (existing && isKeyDerived(existing)) return existing;
  // The public key, without unsealing anything; keys are made (and sealed) only if there are none yet.
  const publicKey = (await readSigningPublicKey(db)) ?? (await ensureDeviceKeys(db)).signingPublicKey;
  const deviceId = deviceIdOfKey(publicKey);
  return db.transaction('rw', db.meta, async () => {
    const current = await readMeta(db, 'device');
    if (current && isKeyDerived(current)) return current;
    const legacy = current && LEGACY_DEVICE_ID_PATTERN.test(current.deviceId) ? [current.deviceId] : [];
    const identity: DeviceIdentity = {
      deviceId, createdAt: current?.createdAt ?? new Date().toISOString(), ...(legacy.length > 0 ? { legacyDeviceIds: legacy } : {}),
    };
    await writeMeta(db, 'device', identity);
    return identity;
  });
}

/**
 * A read-write transaction for writes through the repositories: the identity is made first, outside
 * it (a repository inside the transaction then only reads it). `meta` is always in scope: every write
 * takes a stamp and a change number.
 */
export async function writeTransaction<T>(db: RelaisDatabase, tables: readonly Table[], work: () => Promise<T>): Promise<T> {
  await ensureIdentity(db);
  // An `async` scope, not `work` itself: Dexie follows native awaits inside a transaction only when the
  // scope function is async; otherwise a few awaits of plain async functions in a row lose the
  // transaction, which then commits early (PrematureCommitError) and the rest would run outside it.
  return db.transaction('rw', [db.meta, db.ownChanges, ...tables], async () => work());
}

/** This device as people see it: its id, its key's fingerprint, its legacy ids (read only: for screens). */
export interface IdentitySummary {
  deviceId: string;
  print?: string;
  legacyDeviceIds: string[];
}

export async function readIdentitySummary(db: RelaisDatabase): Promise<IdentitySummary | undefined> {
  const identity = await readMeta(db, 'device');
  if (!identity) return undefined;
  const publicKey = await readSigningPublicKey(db);
  return { deviceId: identity.deviceId, print: publicKey ? fingerprintOfKey(publicKey) : undefined, legacyDeviceIds: identity.legacyDeviceIds ?? [] };
}
