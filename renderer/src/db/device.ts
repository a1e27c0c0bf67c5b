/**
 * This database's identity and clocks, kept in the `meta` table:
 * - `device`: the device id, minted once for this database and never exported in a full backup
 *   (a restored or cloned database must take a new one: two laptops never share an id);
 * - `clock`: the hybrid logical clock state, so stamps keep increasing across restarts;
 * - `seq`: the local change counter, bumped by every write, which "changes since last export" uses.
 * Must be called inside a transaction that includes `meta`.
 */
import { createClock, tick, type HlcState } from '../domain/hlc';
import { newDeviceId } from '../domain/ids';
import type { RelaisDatabase } from './schema';
import { readMeta, writeMeta, type MetaValues } from './meta';

export type DeviceIdentity = MetaValues['device'];

export async function ensureDevice(db: RelaisDatabase): Promise<DeviceIdentity> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await readMeta(db, 'device');
    if (existing) return existing;
    const identity: DeviceIdentity = { deviceId: newDeviceId(), createdAt: new Date().toISOString() };
    await writeMeta(db, 'device', identity);
    return identity;
  });
}

/**
 * A new device id for this database: when its keys are renewed because the old ones cannot be unsealed
 * any more (re-enrolment), the device becomes a new sender that coordinators enrol again. Its records
 * stay; the clock goes on. Must be called inside a transaction that includes `meta`.
 */
export async function renewDevice(db: RelaisDatabase): Promise<DeviceIdentity> {
  const identity: DeviceIdentity = { deviceId: newDeviceId(), createdAt: new Date().toISOString() };
  await writeMeta(db, 'device', identity);
  return identity;
}

export async function loadClock(db: RelaisDatabase): Promise<HlcState> {
  const identity = await ensureDevice(db);
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
