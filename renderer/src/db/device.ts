/**
 * This database's identity and clocks, kept in the `meta` table:
 * - `device`: the device id, derived from this database's signing key (db/identity.ts creates it) and
 *   never exported in a full backup (a restored or cloned database makes its own key, hence its own id:
 *   two laptops never share an id), with the random ids it had before ids were derived from keys;
 * - `clock`: the hybrid logical clock state, so stamps keep increasing across restarts;
 * - `seq`: the local change counter, bumped by every write, which "changes since last export" uses.
 * Must be called inside a transaction that includes `meta`.
 */
import { createClock, tick, type HlcState } from '../domain/hlc';
import { DEVICE_ID_PATTERN } from '../domain/ids';
import { deviceIdOfKey } from '../domain/sync/identity';
import type { RelaisDatabase } from './schema';
import { readMeta, writeMeta, type MetaValues } from './meta';

export type DeviceIdentity = MetaValues['device'];

/**
 * This database's identity, which must exist: it is made from the signing key, outside any
 * transaction (key generation is a WebCrypto promise), by `ensureIdentity` (db/identity.ts), which
 * every writer calls before it opens its transaction.
 */
export async function readIdentity(db: RelaisDatabase): Promise<DeviceIdentity> {
  const identity = await readMeta(db, 'device');
  if (!identity || !DEVICE_ID_PATTERN.test(identity.deviceId)) {
    throw new Error('this database has no key-derived device id yet: call ensureIdentity before writing');
  }
  return identity;
}

/** Every id this device has written under: its key's, then its legacy ones (empty before the first run). */
export async function ownDeviceIds(db: RelaisDatabase): Promise<Set<string>> {
  const identity = await readMeta(db, 'device');
  return new Set(identity ? [identity.deviceId, ...(identity.legacyDeviceIds ?? [])] : []);
}

/**
 * A new device id for this database, its new key's: when its keys are renewed because the old ones
 * cannot be unsealed any more (re-enrolment), the device becomes a new sender that coordinators enrol
 * again. Its records stay; the clock goes on. Its legacy ids are not claimed again: they were bound to
 * the old key. Must be called inside a transaction that includes `meta`.
 */
export async function renewDevice(db: RelaisDatabase, signingPublicKey: string): Promise<DeviceIdentity> {
  const identity: DeviceIdentity = { deviceId: deviceIdOfKey(signingPublicKey), createdAt: new Date().toISOString() };
  await writeMeta(db, 'device', identity);
  return identity;
}

export async function loadClock(db: RelaisDatabase): Promise<HlcState> {
  const identity = await readIdentity(db);
  const saved = await readMeta(db, 'clock');
  return createClock(identity.deviceId, saved?.millis ?? 0, saved?.counter ?? 0);
}

export async function saveClock(db: RelaisDatabase, clock: HlcState): Promise<void> {
  await writeMeta(db, 'clock', { millis: clock.millis, counter: clock.counter });
}

export async function currentSeq(db: RelaisDatabase): Promise<number> {
  return (await readMeta(db, 'seq')) ?? 0;
}

/** Reserve `count` consecutive change numbers and return the first. */
async function reserveSeq(db: RelaisDatabase, count = 1): Promise<number> {
  const first = (await currentSeq(db)) + 1;
  await writeMeta(db, 'seq', first + count - 1);
  return first;
}

/** One stamp for a local write, with the clock persisted in the same transaction. */
export async function stampLocalWrite(db: RelaisDatabase, now = Date.now()): Promise<{ stamp: string; seq: number; deviceId: string }> {
  const clock = await loadClock(db);
  const stamp = tick(clock, now);
  await saveClock(db, clock);
  const seq = await reserveSeq(db);
  return { stamp, seq, deviceId: clock.deviceId };
}
