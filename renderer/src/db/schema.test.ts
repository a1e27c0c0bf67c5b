import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RelaisDatabase, SCHEMA_VERSIONS } from './schema';
import { openRelais } from './index';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('schema versions', () => {
  it('are numbered in increasing order, so Dexie can upgrade step by step', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('upgrade a database written by the first release without losing its records', async () => {
    const name = `migrate-${Math.random()}`;
    names.push(name);
    // The first release's database, written with only version 1 of the schema.
    const first = SCHEMA_VERSIONS[0];
    const v1 = new Dexie(name);
    v1.version(first.version).stores(first.stores);
    await v1.open();
    const village = {
      id: '01890000-0000-7000-8000-000000000001', commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' },
      departement: '58', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      authorDevice: 'aaaaaaaaaaaaaaaa', versions: {}, deleted: 0, erased: 0, seq: 1,
    };
    await v1.table('villages').put(village);
    await v1.table('meta').put({ key: 'device', value: { deviceId: 'aaaaaaaaaaaaaaaa', createdAt: '2026-01-01T00:00:00.000Z' } });
    v1.close();

    // Today's app opens it: every later version applies, data and identity are kept.
    const current = new RelaisDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(await current.villages.get(village.id)).toEqual(village);
    expect((await current.meta.get('device'))?.value).toMatchObject({ deviceId: 'aaaaaaaaaaaaaaaa' });
    expect(current.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['conflicts', 'imports', 'workshopSessions']));
    current.close();
  });

  it('lets the upgraded database be written through the repositories', async () => {
    const name = `migrate-write-${Math.random()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(SCHEMA_VERSIONS[0].version).stores(SCHEMA_VERSIONS[0].stores);
    await v1.open();
    v1.close();
    const relais = openRelais(name);
    const created = await relais.villages.create({ commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    expect(await relais.db.villages.get(created.id)).toMatchObject({ departement: '12', deleted: 0 });
    relais.db.close();
  });
});
