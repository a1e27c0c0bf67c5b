/**
 * The `meta` table: small values about this database, one row per key. Each key has one type,
 * declared here, and every read and write goes through `readMeta` / `writeMeta` (or a typed `put`),
 * so no caller guesses what a key holds.
 */
import type { HlcState } from '../domain/hlc';
import type { Profile } from '../domain/profile';
import type { RememberedByType } from '../domain/rememberedDetails';
import type { RelaisDatabase } from './schema';

export interface MetaValues {
  /**
   * This database's device id, derived from its signing key (db/identity.ts), and the random ids it
   * had before (schema < 6), which records and stamps written then still carry.
   */
  device: { deviceId: string; createdAt: string; legacyDeviceIds?: string[] };
  /** The hybrid logical clock, so stamps keep increasing across restarts. */
  clock: Pick<HlcState, 'millis' | 'counter'>;
  /** The local change counter, bumped by every write. */
  seq: number;
  /** Who uses this laptop (first-run screen, Settings). */
  profile: Profile;
  /**
   * Legacy, before schema version 12: the signing key and the age identity in clear. Read once to be
   * sealed into the `secrets` table, then deleted (db/sync/keys.ts); never written any more.
   */
  signingKey: { privateJwk: JsonWebKey; publicKey: string };
  /** Legacy, as above. */
  ageIdentity: { identity: string; recipient: string };
  /** Where the last saved export stopped: "changes since" starts after `seq`. */
  exportMark: { seq: number; at: string };
  /** Changes up to here are in the outbox (issue 14): its own mark, so a manual export never starves it. */
  outboxMark: { seq: number; at: string };
  /** The outbox's last write: when, and how many bundles. */
  outboxSent: { at: string; files: number };
  /** Records changed after this change counter may lack their author's seal (db/sync/seal.ts). */
  sealMark: number;
  /** Days unexported changes may wait before the reminder shows. */
  exportReminderDays: number;
  /** Days after which a mediator whose bundles stopped coming is shown as "not heard from" (db/mediators.ts). */
  silenceDays: number;
  /** The last automatic anonymisation of followed people (db/retention.ts). */
  lastRetention: { at: string; erased: number };
  /** Where, how long and with what the last activity of each type happened here (db/activityDefaults.ts). */
  activityDefaults: RememberedByType;
  /**
   * The recovery key (domain/backup/format.ts): its recipient, which every backup is also encrypted
   * to, and its identity sealed with the recovery passphrase (the passphrase itself is never kept).
   */
  recoveryKey: { recipient: string; sealedIdentity: string };
  /** Shared-laptop lock: minutes without a key or a click before the app locks (the lock itself: db/sync/keys.ts). */
  lockMinutes: number;
  /** The last automatic or manual backup: when, and the change counter it covered. */
  lastBackup: { at: string; seq: number };
}

export type MetaKey = keyof MetaValues;

/** A row of the table: the key and a value of that key's type. */
export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/*
 * TypeScript cannot narrow the row union by a generic key, hence the two assertions below: the row
 * stored under `key` holds that key's type, because the table's row type (MetaRow) lets no other in.
 */

export async function readMeta<K extends MetaKey>(db: RelaisDatabase, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: RelaisDatabase, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value } as MetaRow);
}

export async function deleteMeta(db: RelaisDatabase, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}
