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

describe('schema 7: national formats', () => {
  const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
  const meta = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', authorDevice: 'aaaaaaaaaaaaaaaa', deleted: 0, erased: 0, seq: 1 };
  const stamp = '0000018c2a3b4c00:0000:aaaaaaaaaaaaaaaa';
  const stamped = (data: object) => ({ ...data, ...meta, versions: Object.fromEntries([...Object.keys(data), 'deleted'].map((k) => [k, stamp])) });

  /** A database as schema 4 (the last before 7 on this branch) left it, with records of that time. */
  async function schema4Database(name: string) {
    const old = new Dexie(name);
    for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= 4)) old.version(step.version).stores(step.stores);
    await old.open();
    await old.table('meta').put({ key: 'profile', value: { displayName: 'Aïcha', role: 'mediateur', structure: 'Mairie de Lormes' } });
    await old.table('places').put(stamped({
      id: '01890000-0000-7000-8000-00000000a001', nom: 'Médiathèque', adresse: '2 rue du Pont', commune: LORMES, typologie: ['BIB'],
      services: [], publics: [], priseEnChargeSpecifique: [], fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [],
      dispositifs: [], itinerance: 'Fixe', dateMaj: '2026-01-01',
    }));
    await old.table('beneficiaries').put(stamped({
      id: '01890000-0000-7000-8000-00000000b001', code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false,
    }));
    await old.table('activities').put(stamped({
      id: '01890000-0000-7000-8000-00000000c001', type: 'collectif', date: '2026-01-10', duree: 120, typeLieu: 'a_distance',
      thematiques: ['email'], thematiquesDemarche: [], materiel: ['aucun', 'telephone'], tags: [], beneficiaryIds: [],
      titreAtelier: 'Courriel', participantsAnonymes: { total: 4, dejaAccompagne: 0, genres: { feminin: 2 }, tranchesAge: {}, statutsSociaux: {} },
    }));
    old.close();
  }

  it('keeps every record as it was, valid under the new rules, and gives the profile its structures', async () => {
    const name = `migrate-7-${Math.random()}`;
    names.push(name);
    await schema4Database(name);
    const relais = openRelais(name);
    const before = await relais.db.activities.toArray();
    expect(relais.db.verno).toBeGreaterThanOrEqual(7);
    const profile = (await relais.db.meta.get('profile'))?.value as { structure: string; structures: unknown[] };
    expect(profile.structures).toEqual([{ nom: 'Mairie de Lormes', retentionMonths: 12 }]);
    expect(profile.structure).toBe('Mairie de Lormes');
    // Not rewritten (no new stamp, no new seq): what other devices hold of them stays equal.
    expect(await relais.db.activities.toArray()).toEqual(before);
    const { validatorOf } = await import('../domain/kinds');
    for (const kind of ['place', 'beneficiary', 'activity'] as const) {
      for (const record of await relais.db.recordTable(kind).toArray()) {
        const { dataOf } = await import('../domain/records');
        expect(validatorOf(kind)(dataOf(record) as never), kind).toEqual([]);
      }
    }
    // The new index answers.
    expect(await relais.db.places.where('idNational').equals('x').count()).toBe(0);
    // And the records take the new fields through the repository.
    const [place] = await relais.db.places.toArray();
    const { dataOf } = await import('../domain/records');
    await relais.places.update(place.id, { ...dataOf(place), telephone: '+33386228000', itinerance: ['Fixe', 'Itinérant'] });
    expect(await relais.db.places.get(place.id)).toMatchObject({ telephone: '+33386228000', itinerance: ['Fixe', 'Itinérant'] });
    relais.db.close();
  });
});
