import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../testkit/db';
import { LORMES } from '../testkit/records';
import type { Activity } from '../domain/records';
import { canonicalJson } from '../domain/canonical';
import { RelaisDatabase } from './schema';
import { NEWEST_SCHEMA_VERSION, openAtStartup } from './startup';
import { openReadOnly } from './readOnly';
import { isReadOnlyRefusal, ReadOnlyDatabaseError } from './readOnlyGuard';
import { readNewest } from './activities';
import { liveRecords } from './live';
import { readMeta, writeMeta } from './meta';
import { readProfile } from './profile';

const names: string[] = [];
function nameOf(label: string): string {
  const name = `read-only-${label}-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const activity = (date: string): Activity => ({
  type: 'individuel', date, duree: 30, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [],
  materiel: [], tags: [], beneficiaryIds: [],
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The database as it is on disk, read with raw IndexedDB: its native version and a hash of every store. */
async function onDisk(name: string): Promise<{ version: number; stores: string[]; sha256: string }> {
  const idb = await request(indexedDB.open(name));
  try {
    const stores = [...idb.objectStoreNames].sort();
    const content: Record<string, unknown> = {};
    for (const store of stores) {
      const tx = idb.transaction(store, 'readonly');
      content[store] = { keys: await request(tx.objectStore(store).getAllKeys()), values: await request(tx.objectStore(store).getAll()) };
    }
    return { version: idb.version, stores, sha256: createHash('sha256').update(canonicalJson(content)).digest('hex') };
  } finally {
    idb.close();
  }
}

/** A database this release wrote, then upgraded by a newer release that added a table. */
async function upgradedByANewerRelease(name: string): Promise<void> {
  const relais = openRelaisWithKeys(name);
  await relais.activities.create(activity('2026-03-02'));
  await relais.activities.create(activity('2026-03-05'));
  await writeMeta(relais.db, 'profile', { name: 'Aïcha', role: 'mediator', structures: [] } as never);
  relais.db.close();
  const newer = indexedDB.open(name, (NEWEST_SCHEMA_VERSION + 1) * 10);
  newer.onupgradeneeded = () => {
    newer.result.createObjectStore('futureThings', { keyPath: 'id' }).put({ id: 'one' });
  };
  (await request(newer)).close();
}

describe('the start-up decision, then "open read-only"', () => {
  it('refuses to open a newer database normally, opens it read-only with its records, and leaves it as it was', async () => {
    const name = nameOf('newer');
    await upgradedByANewerRelease(name);
    const before = await onDisk(name);

    const normal = new RelaisDatabase(name);
    expect(await openAtStartup(normal)).toMatchObject({ ready: false, problem: 'newerVersion' });
    normal.close();

    const opening = await openReadOnly(name);
    if (!opening.opened) throw new Error(`not opened: ${opening.detail}`);
    const { relais } = opening;
    expect(opening.version).toBe(NEWEST_SCHEMA_VERSION + 1);
    expect(relais.db.readOnly).toBe(true);
    // The screens' reads work: the newest activities, the live records, the meta store, the profile.
    expect((await readNewest(relais.db, 10)).map((a) => a.date)).toEqual(['2026-03-05', '2026-03-02']);
    expect(await liveRecords(relais.db.activities)).toHaveLength(2);
    expect(await readProfile(relais.db)).toMatchObject({ name: 'Aïcha' });
    expect(await readMeta(relais.db, 'profile')).toBeDefined();
    relais.db.close();

    expect(await onDisk(name)).toEqual(before);
  });

  it('refuses every write at the database layer, with a clear error, and nothing reaches the disk', async () => {
    const name = nameOf('writes');
    await upgradedByANewerRelease(name);
    const before = await onDisk(name);
    const opening = await openReadOnly(name);
    if (!opening.opened) throw new Error(`not opened: ${opening.detail}`);
    const { relais } = opening;
    const [one] = await readNewest(relais.db, 1);

    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['repository create', () => relais.activities.create(activity('2026-03-09'))],
      ['repository update', () => relais.activities.update(one.id, { ...activity(one.date), duree: 45 })],
      ['repository remove', () => relais.activities.remove(one.id)],
      ['table put', () => relais.db.activities.put({ ...one, duree: 90 })],
      ['table delete', () => relais.db.activities.delete(one.id)],
      ['table clear', () => relais.db.activities.clear()],
      ['bulk add', () => relais.db.table('futureThings').bulkAdd([{ id: 'two' }])],
      ['meta write', () => writeMeta(relais.db, 'exportReminderDays', 3)],
      ['modify', () => relais.db.activities.toCollection().modify({ duree: 1 })],
      ['read-write transaction', () => relais.db.transaction('rw', relais.db.meta, async () => { await relais.db.meta.put({ key: 'exportReminderDays', value: 9 } as never); })],
    ];
    for (const [what, attempt] of attempts) {
      const outcome = await attempt().then(() => 'written', (error: unknown) => error);
      expect(isReadOnlyRefusal(outcome), `${what}: ${String(outcome)}`).toBe(true);
    }
    // Reads still work after the refusals.
    expect(await liveRecords(relais.db.activities)).toHaveLength(2);
    relais.db.close();
    expect(await onDisk(name)).toEqual(before);
  });

  it('opens a database an upgrade could not migrate at its older version, without upgrading it', async () => {
    const name = nameOf('older');
    const old = new Dexie(name);
    old.version(1).stores({ meta: 'key', activities: 'id, seq, updatedAt, deleted, date' });
    await old.open();
    await old.table('meta').put({ key: 'profile', value: { name: 'kept' } });
    old.close();
    const before = await onDisk(name);

    const opening = await openReadOnly(name);
    if (!opening.opened) throw new Error(`not opened: ${opening.detail}`);
    expect(opening.version).toBe(1);
    expect(await readMeta(opening.relais.db, 'profile')).toEqual({ name: 'kept' });
    // A table this older schema lacks is simply absent: the screen reading it fails alone (error panel).
    expect(opening.relais.db.tables.map((t) => t.name)).not.toContain('activityStats');
    opening.relais.db.close();
    expect(await onDisk(name)).toEqual(before);
  });

  it('gives up, saying so, when another window blocks the upgrade (the browser queues this opening behind it)', async () => {
    const name = nameOf('blocked');
    const holder = await request(indexedDB.open(name, 10)); // Dexie's version 1 of an older release, never letting go
    holder.onversionchange = () => undefined;
    const normal = new RelaisDatabase(name);
    expect(await openAtStartup(normal, { blockedAfterMs: 50 })).toMatchObject({ ready: false, problem: 'blocked' });
    expect(await openReadOnly(name, { waitMs: 100 })).toEqual({ opened: false, detail: 'timeout' });
    holder.close();
  });

  it('refuses a database that does not exist rather than creating an empty one', async () => {
    const name = nameOf('absent');
    const opening = await openReadOnly(name);
    expect(opening.opened).toBe(false);
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);
  });

  it('tells the refusal apart from other errors, wrapped or not', () => {
    const refusal = new ReadOnlyDatabaseError('a test write');
    expect(refusal.message).toMatch(/read-only/);
    expect(isReadOnlyRefusal(refusal)).toBe(true);
    expect(isReadOnlyRefusal({ name: 'AbortError', inner: refusal })).toBe(true);
    expect(isReadOnlyRefusal(new Error('read-only'))).toBe(false);
    expect(isReadOnlyRefusal(undefined)).toBe(false);
  });
});
