import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RelaisDatabase } from './schema';
import { NEWEST_SCHEMA_VERSION, openAtStartup, problemOfError, problemOfOpened, readWhatCanBeRead } from './startup';

const names: string[] = [];
function nameOf(label: string): string {
  const name = `startup-${label}-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A raw IndexedDB database at a native version, with one store, left open or closed. */
function rawDatabase(name: string, nativeVersion: number, keepOpen = false): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, nativeVersion);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('meta', { keyPath: 'key' });
      store.put({ key: 'profile', value: { name: 'kept' } });
    };
    request.onsuccess = () => {
      if (!keepOpen) request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the start-up decision', () => {
  it('names each Dexie failure the way the recovery screen explains it', () => {
    expect(problemOfError({ name: 'VersionError' })).toBe('newerVersion');
    expect(problemOfError({ name: 'OpenFailedError', inner: { name: 'VersionError' } })).toBe('newerVersion');
    expect(problemOfError({ name: 'UpgradeError', inner: { name: 'TypeError' } })).toBe('upgradeFailed');
    expect(problemOfError({ name: 'DatabaseClosedError', inner: { name: 'UnknownError' } })).toBe('cannotOpen');
    expect(problemOfError(new Error('anything'))).toBe('cannotOpen');
    expect(problemOfError(new TypeError('a bug in a migration'), true)).toBe('upgradeFailed');
    expect(problemOfError({ name: 'UnknownError' }, true)).toBe('cannotOpen');
    expect(problemOfOpened(NEWEST_SCHEMA_VERSION)).toBeUndefined();
    expect(problemOfOpened(NEWEST_SCHEMA_VERSION + 1)).toBe('newerVersion');
  });

  it('opens a new database', async () => {
    const db = new RelaisDatabase(nameOf('new'));
    expect(await openAtStartup(db)).toEqual({ ready: true });
    db.close();
  });

  it('refuses a database a newer release upgraded, and leaves it untouched', async () => {
    const name = nameOf('newer');
    await rawDatabase(name, (NEWEST_SCHEMA_VERSION + 5) * 10);
    const db = new RelaisDatabase(name);
    const result = await openAtStartup(db);
    expect(result).toMatchObject({ ready: false, problem: 'newerVersion' });
    const readable = await readWhatCanBeRead(name);
    expect(readable.version).toBe(NEWEST_SCHEMA_VERSION + 5);
    expect(readable.tables.meta).toEqual([{ key: 'profile', value: { name: 'kept' } }]);
  });

  it('says before opening that an older database will be upgraded, and only then (the upgrading screen)', async () => {
    const heard: string[] = [];
    const fresh = new RelaisDatabase(nameOf('fresh'));
    expect(await openAtStartup(fresh, { onUpgrading: () => heard.push('fresh') })).toEqual({ ready: true });
    fresh.close();
    const current = new RelaisDatabase(fresh.name);
    expect(await openAtStartup(current, { onUpgrading: () => heard.push('current') })).toEqual({ ready: true });
    current.close();
    const name = nameOf('older');
    // An empty database at Dexie's version 1, as a first release left it before its first run.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    const older = new RelaisDatabase(name);
    expect(await openAtStartup(older, { onUpgrading: () => heard.push('older') })).toEqual({ ready: true });
    expect(older.verno).toBe(NEWEST_SCHEMA_VERSION);
    older.close();
    expect(heard).toEqual(['older']);
  });

  it('says "blocked" when another window holds an older version open', async () => {
    const name = nameOf('blocked');
    const holder = await rawDatabase(name, 10, true); // Dexie's version 1, never closing on versionchange
    const db = new RelaisDatabase(name);
    const result = await openAtStartup(db, { blockedAfterMs: 50 });
    expect(result).toMatchObject({ ready: false, problem: 'blocked' });
    holder.close();
  });

  it('says "upgradeFailed" when a migration throws, and the data stays as it was', async () => {
    const name = nameOf('upgrade');
    const old = new Dexie(name);
    old.version(1).stores({ meta: 'key' });
    await old.open();
    await old.table('meta').put({ key: 'profile', value: { name: 'kept' } });
    old.close();
    const db = new RelaisDatabase(name);
    // A migration that throws, as a bug in a release would.
    db.version(NEWEST_SCHEMA_VERSION + 1).stores({}).upgrade(() => {
      throw new TypeError('bug in a migration');
    });
    const result = await openAtStartup(db);
    expect(result, JSON.stringify(result)).toMatchObject({ ready: false, problem: 'upgradeFailed' });
    db.close();
    const readable = await readWhatCanBeRead(name);
    expect(readable.version).toBe(1);
    expect(readable.tables.meta).toEqual([{ key: 'profile', value: { name: 'kept' } }]);
  });
});
