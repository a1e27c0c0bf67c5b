import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RelaisDatabase, SCHEMA_VERSIONS } from './schema';
import { openRelais } from './index';
import { ensureIdentity } from './identity';
import { ED25519, publicKeyOf } from '../domain/sync/keys';
import { rememberOsProtection } from './sync/keys';
import { fakeOsProtection, testDeviceKeys } from '../testkit/keys';
import { deviceIdOfKey } from '../domain/sync/identity';
import { missingBundles } from './sync/status';
import { databaseAt } from '../testkit/db';

/** Keys as a version before sealed secrets kept them, in clear in `meta`. */
async function clearLegacyKeys(): Promise<{ privateJwk: JsonWebKey; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey), publicKey: await publicKeyOf(pair) };
}

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
    expect(current.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['conflicts', 'importHistory', 'aliases', 'workshopSessions']));
    expect(current.tables.map((t) => t.name)).not.toContain('imports');
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
    rememberOsProtection(relais.db, fakeOsProtection());
    const created = await relais.villages.create({ commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    expect(await relais.db.villages.get(created.id)).toMatchObject({ departement: '12', deleted: 0 });
    relais.db.close();
  });

  describe('version 6: identity = key', () => {
    const LEGACY = '0a1b2c3d4e5f6071';
    const MEDIATOR_LEGACY = '1122334455667788';

    it('turns the random device id into the key\'s, keeping the old one as a legacy id; re-keys cards and history', async () => {
      const name = `migrate-v6-${Math.random()}`;
      names.push(name);
      const mine = await clearLegacyKeys();
      const mediator = await testDeviceKeys();
      const thief = await testDeviceKeys();
      const v5 = await databaseAt(name, 5);
      await v5.table('meta').bulkPut([
        { key: 'device', value: { deviceId: LEGACY, createdAt: '2026-01-01T00:00:00.000Z' } },
        { key: 'signingKey', value: mine },
      ]);
      await v5.table('cards').put({
        type: 'relais-card', format: 1, name: 'Bérénice Martin', structure: 'Nièvre', role: 'coordinateur', deviceId: 'ffeeddccbbaa9988',
        ageRecipient: mediator.ageRecipient, signingKey: mediator.signingPublicKey, createdAt: '2026-01-02T00:00:00.000Z', signature: 'x', importedAt: '2026-01-02T00:00:00.000Z',
      });
      const row = (bundleId: string, signingKey: string, from: number, to: number, importedAt: string) => ({
        bundleId, fileName: `${bundleId}.relais`, importedAt, sourceDevice: MEDIATOR_LEGACY, sourceName: 'Aïcha', sourceStructure: 'Lormes',
        signingKey, kind: 'changes', createdAt: importedAt, since: null, rangeFrom: from, rangeTo: to,
        counts: { new: 1, updated: 0, unchanged: 0, conflicting: 0, deleted: 0 }, quarantined: 0,
      });
      // Aïcha's laptop sent two bundles (counters 1–3 and 7–9: 4–6 never arrived); a thief later used her id with another key.
      await v5.table('imports').bulkPut([
        row('01890000-0000-7000-8000-00000000000a', mediator.signingPublicKey, 1, 3, '2026-01-03T00:00:00.000Z'),
        row('01890000-0000-7000-8000-00000000000b', mediator.signingPublicKey, 7, 9, '2026-01-05T00:00:00.000Z'),
        row('01890000-0000-7000-8000-00000000000c', thief.signingPublicKey, 1, 1, '2026-01-06T00:00:00.000Z'),
      ]);
      v5.close();

      const db = new RelaisDatabase(name);
      await db.open();
      const device = (await db.meta.get('device'))?.value as { deviceId: string; legacyDeviceIds: string[] };
      expect(device).toEqual({ deviceId: deviceIdOfKey(mine.publicKey), createdAt: '2026-01-01T00:00:00.000Z', legacyDeviceIds: [LEGACY] });
      const [card] = await db.cards.toArray();
      expect(card).toMatchObject({ deviceId: deviceIdOfKey(mediator.signingPublicKey), legacyDeviceIds: ['ffeeddccbbaa9988'], trust: 'unconfirmed', name: 'Bérénice Martin' });
      const history = await db.importHistory.toArray();
      expect(history).toHaveLength(3);
      expect(history.filter((r) => r.sourceDevice === deviceIdOfKey(mediator.signingPublicKey))).toHaveLength(2);
      // The legacy ids seen here are bound to the keys they were seen with: the card's, and the first key that signed as Aïcha.
      expect(await db.aliases.get('ffeeddccbbaa9988')).toMatchObject({ deviceId: deviceIdOfKey(mediator.signingPublicKey), evidence: 'card' });
      expect(await db.aliases.get(MEDIATOR_LEGACY)).toMatchObject({ deviceId: deviceIdOfKey(mediator.signingPublicKey), evidence: 'history' });
      // The gap of Aïcha's laptop carries over, under her key's id; the thief's bundle is another device's.
      const gaps = await missingBundles(db);
      expect(gaps).toEqual([expect.objectContaining({ deviceId: deviceIdOfKey(mediator.signingPublicKey), gaps: [expect.objectContaining({ from: 4, to: 6 })] })]);
      db.close();
    });

    it('a database without keys yet takes its key-derived id at its first write; its old records keep their author', async () => {
      const name = `migrate-v6-nokey-${Math.random()}`;
      names.push(name);
      const v5 = await databaseAt(name, 5);
      const old = {
        id: '01890000-0000-7000-8000-000000000001', commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58',
        createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', authorDevice: LEGACY,
        versions: { commune: `2026-01-01T00:00:00.000Z-0000-${LEGACY}`, departement: `2026-01-01T00:00:00.000Z-0000-${LEGACY}`, deleted: `2026-01-01T00:00:00.000Z-0000-${LEGACY}` },
        deleted: 0, erased: 0, seq: 1,
      };
      await v5.table('villages').put(old);
      await v5.table('meta').bulkPut([{ key: 'device', value: { deviceId: LEGACY, createdAt: '2026-01-01T00:00:00.000Z' } }, { key: 'seq', value: 1 }]);
      v5.close();

      const relais = openRelais(name);
      rememberOsProtection(relais.db, fakeOsProtection());
      expect((await relais.db.meta.get('device'))?.value).toMatchObject({ deviceId: LEGACY });
      const edited = await relais.villages.update(old.id, { commune: old.commune, departement: '58', population: 1251 });
      const identity = await ensureIdentity(relais.db);
      expect(identity.legacyDeviceIds).toEqual([LEGACY]);
      expect(identity.deviceId).toMatch(/^[0-9a-f]{32}$/);
      expect(edited.authorDevice).toBe(LEGACY);
      expect(edited.versions.population.endsWith(identity.deviceId)).toBe(true);
      expect(edited.versions.commune.endsWith(LEGACY)).toBe(true);
      relais.db.close();
    });
  });
});

describe('schema 7: national formats', () => {
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
    rememberOsProtection(relais.db, fakeOsProtection());
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

/** A record as a version of the database stored it: every field stamped once by `author`, live. */
function stored(id: string, author: string, seq: number, data: object) {
  return {
    ...data, id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', authorDevice: author, deleted: 0, erased: 0, seq,
    versions: Object.fromEntries([...Object.keys(data), 'deleted'].map((k) => [k, `2026-01-01T00:00:00.000Z-0000-${author}`])),
  };
}
const OWN = 'a1'.repeat(16);
const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
const IN_LORMES = { typeLieu: 'domicile', commune: LORMES };

/** An individual activity's data as the migration tests store it, `where` it took place (a commune, or a place). */
function activityData(where: object, date: string, duree: number, beneficiaryIds: string[] = []) {
  return { type: 'individuel', date, duree, ...where, thematiques: ['email'], thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds };
}

describe('schema 9: coordinators', () => {
  const own = 'a1'.repeat(16);
  const other = 'c3'.repeat(16);
  const activity = (date: string, duree: number) => activityData(IN_LORMES, date, duree);

  it('builds the dashboard rows from the stored activities and finds the changes made here since the last export', async () => {
    const name = `migrate-9-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 7);
    await old.table('meta').bulkPut([{ key: 'device', value: { deviceId: own, createdAt: '2026-01-01T00:00:00.000Z' } }, { key: 'exportMark', value: { seq: 1, at: '2026-01-02T00:00:00.000Z' } }]);
    await old.table('activities').bulkPut([
      stored('01890000-0000-7000-8000-a1a1a1a1a1a1', own, 1, activity('2026-01-10', 30)),
      stored('01890000-0000-7000-8000-a1a1a1a1a1a2', own, 2, activity('2026-02-10', 90)),
      stored('01890000-0000-7000-8000-c3c3c3c3c3c3', other, 3, activity('2026-02-11', 45)),
    ]);
    old.close();
    const relais = openRelais(name);
    const { statsDifferFromRecount, readDashboard } = await import('./stats/dashboard');
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    expect((await readDashboard(relais.db, {})).totals).toMatchObject({ activities: 3, minutes: 165 });
    // Only this laptop's own change after the export mark waits; the received one is relayed, not "mine".
    expect((await relais.db.ownChanges.toArray()).map((row) => row.key)).toEqual(['activities/01890000-0000-7000-8000-a1a1a1a1a1a2']);
    expect(await relais.db.activities.where('[authorDevice+deleted+date]').between([own, 0, ''], [own, 0, '\uffff']).count()).toBe(2);
    relais.db.close();
  });
});

describe('schema 11: synced folders', () => {
  it('adds the inbox files table, keyed by content hash, and keeps everything else', async () => {
    const name = `migrate-11-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 10);
    const village = {
      id: '01890000-0000-7000-8000-0000000000b1', commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' },
      departement: '58', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      authorDevice: 'b'.repeat(32), versions: {}, deleted: 0, erased: 0, seq: 1,
    };
    await old.table('villages').put(village);
    expect(old.tables.map((t) => t.name)).not.toContain('inboxFiles');
    old.close();

    const current = new RelaisDatabase(name);
    await current.open();
    expect(await current.villages.get(village.id)).toEqual(village);
    expect(await current.inboxFiles.count()).toBe(0);
    const row = { sha256: 'a'.repeat(64), fileName: 'x.relais', receivedAt: '2026-02-01T10:00:00.000Z', lastSeenAt: '2026-02-01T10:00:00.000Z', timesSeen: 1, outcome: 'held' as const };
    await current.inboxFiles.put(row);
    expect(await current.inboxFiles.where('outcome').equals('held').toArray()).toEqual([row]);
    current.close();
  });

  it('reaches a database already at version 12 (sealed secrets merged first): Dexie adds the table from the schema difference', async () => {
    const name = `migrate-11-after-12-${Math.random()}`;
    names.push(name);
    const old = new Dexie(name);
    for (const step of SCHEMA_VERSIONS.filter((v) => v.version !== 11 && v.version <= 12)) old.version(step.version).stores(step.stores);
    await old.open();
    expect(old.verno).toBe(12);
    expect(old.tables.map((t) => t.name)).not.toContain('inboxFiles');
    old.close();

    const current = new RelaisDatabase(name);
    await current.open();
    await current.inboxFiles.put({ sha256: 'b'.repeat(64), fileName: 'y.relais', receivedAt: '2026-02-01T10:00:00.000Z', lastSeenAt: '2026-02-01T10:00:00.000Z', timesSeen: 1, outcome: 'imported' });
    expect(await current.inboxFiles.where('outcome').equals('imported').count()).toBe(1);
    current.close();
  });
});

describe('schema 13: no count rows per place', () => {
  const PLACE = '01890000-0000-7000-8000-0000000000f1';
  const atPlace = (date: string, duree: number) => activityData({ typeLieu: 'lieu_activite', placeId: PLACE }, date, duree);

  it('drops the rows of places a version 12 database kept, keeps the others equal to a recount, and reads a place through its new index', async () => {
    const name = `migrate-13-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 12);
    const activities = [
      stored('01890000-0000-7000-8000-a1a1a1a1a1a1', OWN, 1, atPlace('2026-01-10', 30)),
      stored('01890000-0000-7000-8000-a1a1a1a1a1a2', OWN, 2, atPlace('2026-02-10', 90)),
    ];
    await old.table('activities').bulkPut(activities);
    // The rows as version 12 kept them: built by its own recount, which had a row per place and month.
    const { EVERY_TYPE, recount, statKey } = await import('../domain/stats/activityStats');
    const rows = [...recount(activities).values()];
    const placeRows = ['2026-01', '2026-02'].map((month) => ({
      ...rows.find((row) => row.key === statKey('all', '', EVERY_TYPE, month))!, key: statKey('place', PLACE, EVERY_TYPE, month), dim: 'place', value: PLACE,
    }));
    await old.table('activityStats').bulkPut([...rows, ...placeRows]);
    old.close();

    const current = new RelaisDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    const keys = (await current.activityStats.toCollection().primaryKeys()) as string[];
    expect(keys.filter((key) => key.startsWith('place'))).toEqual([]);
    expect(keys.sort()).toEqual(rows.map((row) => row.key).sort());
    const { statsDifferFromRecount, readDashboard } = await import('./stats/dashboard');
    expect(await statsDifferFromRecount(current)).toEqual([]);
    expect(await current.activities.where('[placeId+date]').between([PLACE, '2026-02'], [PLACE, '2026-02\uffff']).primaryKeys()).toEqual([activities[1].id]);
    expect((await readDashboard(current, { place: PLACE, from: '2026-01-01', to: '2026-02-28' }, new Map())).totals).toMatchObject({ activities: 2, minutes: 120 });
    current.close();
  });
});

describe('schema 14: followed people in the dashboard', () => {
  const author = 'a1'.repeat(16);

  it('recounts the rows that versions 9 to 13 kept, so a followed person counts in the gender, age and status sections', async () => {
    const name = `migrate-14-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 13);
    const person = stored('01890000-0000-7000-8000-b1b1b1b1b1b1', author, 1, { code: 'B-0001', genre: 'masculin', statutSocial: 'en_emploi', anneeNaissance: 1990, dejaAccompagne: false });
    const activity = stored('01890000-0000-7000-8000-a1a1a1a1a1a1', author, 2, activityData(IN_LORMES, '2026-01-10', 30, [person.id]));
    await old.table('beneficiaries').put(person);
    await old.table('activities').put(activity);
    // The row as version 13 kept it: the followed person counted in `followed`, in no section.
    const { recount } = await import('../domain/stats/activityStats');
    const stale = [...recount([activity]).values()];
    expect(stale.find((row) => row.dim === 'all')?.genre).toEqual({ non_communique: 1 });
    await old.table('activityStats').bulkPut(stale);
    old.close();

    const relais = openRelais(name);
    const { statsDifferFromRecount, readDashboard } = await import('./stats/dashboard');
    expect(relais.db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    // Born in 1990, helped in 2026: 36 years old, the 25–39 band.
    expect((await readDashboard(relais.db, {})).totals).toMatchObject({
      followed: 1, anonymous: 0, genre: { masculin: 1 }, age: { vingt_cinq_trente_neuf: 1 }, statut: { en_emploi: 1 },
    });
    relais.db.close();
  });
});

describe('schema 15: a place\'s activities in its commune\'s rows', () => {
  const author = 'a1'.repeat(16);

  it('recounts the rows that versions 9 to 14 kept, so an activity held at a place counts in its commune and département, keyed by commune', async () => {
    const name = `migrate-15-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 14);
    const place = stored('01890000-0000-7000-8000-c1c1c1c1c1c1', author, 1, {
      nom: 'Médiathèque', adresse: '1 place de la Mairie', commune: LORMES, typologie: [], services: [], publics: [], priseEnChargeSpecifique: [],
      fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [], dateMaj: '2026-03-02',
    });
    const activity = stored('01890000-0000-7000-8000-a1a1a1a1a1a1', author, 2, activityData({ typeLieu: 'lieu_activite', placeId: place.id }, '2026-01-10', 30));
    await old.table('places').put(place);
    await old.table('activities').put(activity);
    // The rows as version 14 kept them: no commune or département row, a `where` count keyed by place.
    const { recount } = await import('../domain/stats/activityStats');
    const stale = [...recount([activity]).values()].map((row) => ({ ...row, where: { [`p:${place.id}`]: 1 } }));
    expect(stale.map((row) => row.dim).sort()).toEqual(['all', 'all', 'author', 'them']);
    await old.table('activityStats').bulkPut(stale);
    old.close();

    const relais = openRelais(name);
    const { statsDifferFromRecount, readDashboard } = await import('./stats/dashboard');
    expect(relais.db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    const lormes = await readDashboard(relais.db, { commune: '58145' });
    expect([lormes.source, lormes.totals.activities, lormes.perCommune]).toEqual(['rows', 1, { 58145: 1 }]);
    expect((await readDashboard(relais.db, { departement: '58' }, new Map())).totals.minutes).toBe(30);
    relais.db.close();
  });
});

describe('schema 16: every count row kept per activity type', () => {
  const ARVIEU = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };
  const activities = [
    stored('01890000-0000-7000-8000-a1a1a1a1a1a1', OWN, 1, activityData(IN_LORMES, '2026-01-10', 30)),
    stored('01890000-0000-7000-8000-a1a1a1a1a1a2', OWN, 2, { ...activityData(IN_LORMES, '2026-01-12', 90), type: 'collectif', thematiques: ['email', 'bureautique'] }),
    stored('01890000-0000-7000-8000-a1a1a1a1a1a3', OWN, 3, activityData({ typeLieu: 'domicile', commune: ARVIEU }, '2026-02-03', 45)),
    stored('01890000-0000-7000-8000-a1a1a1a1a1a4', OWN, 4, { ...activityData(IN_LORMES, '2026-02-20', 60), type: 'collectif' }),
  ];

  /**
   * The rows as versions 9 to 15 kept them, made from today's: no type in the key (`dim␟value␟month`),
   * each dimension's rows of both types added up, and a `type` row per type (today's `all` row of that type).
   */
  async function untypedRows(): Promise<object[]> {
    const { addMeasures, EVERY_TYPE, recount, STAT_KEY_SEPARATOR: S } = await import('../domain/stats/activityStats');
    const old = new Map<string, Record<string, unknown>>();
    for (const { type, ...row } of recount(activities).values()) {
      const [dim, value] = row.dim === 'all' && type !== EVERY_TYPE ? ['type', type] : [row.dim, row.value];
      const key = `${dim}${S}${value}${S}${row.month}`;
      const had = old.get(key);
      if (had) addMeasures(had as never, row);
      else old.set(key, { ...structuredClone(row), key, dim, value });
    }
    return [...old.values()];
  }

  it('rebuilds the rows of version 15, keyed without the type, into rows per type that read type + commune without a scan', async () => {
    const name = `migrate-16-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 15);
    await old.table('activities').bulkPut(activities);
    const stale = await untypedRows();
    // What version 15 kept: all, one row per type, and Lormes's rows holding both types together.
    expect(stale.filter((row) => (row as { dim: string }).dim === 'type')).toHaveLength(4);
    expect(stale.find((row) => (row as { key: string }).key === 'commune\u001f58145\u001f2026-01')).toMatchObject({ activities: 2, minutes: 120 });
    await old.table('activityStats').bulkPut(stale);
    old.close();

    const relais = openRelais(name);
    const { statsDifferFromRecount, readDashboard } = await import('./stats/dashboard');
    expect(relais.db.verno).toBe(16);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    const keys = (await relais.db.activityStats.toCollection().primaryKeys()) as string[];
    // Every key is (dimension, value, type, month); no `type` rows any more.
    expect(keys.every((key) => key.split('\u001f').length === 4)).toBe(true);
    expect(keys.filter((key) => key.startsWith('type'))).toEqual([]);
    // Workshops in Lormes: 12 January (90 min) and 20 February (60 min); individual in Lormes: 10 January (30 min).
    const workshops = await readDashboard(relais.db, { type: 'collectif', commune: '58145' });
    expect([workshops.source, workshops.totals.activities, workshops.totals.minutes, workshops.totals.collectif]).toEqual(['rows', 2, 150, 2]);
    const individual = await readDashboard(relais.db, { type: 'individuel', commune: '58145' });
    expect([individual.source, individual.totals.activities, individual.totals.minutes]).toEqual(['rows', 1, 30]);
    expect((await readDashboard(relais.db, { commune: '58145' })).totals.minutes).toBe(180);
    expect((await readDashboard(relais.db, {})).totals).toMatchObject({ activities: 4, individuel: 2, collectif: 2, minutes: 225 });
    relais.db.close();
  });

  it('opened read-only at version 15 (its upgrade failed): the figures are scanned, the totals and choices read its untyped rows', async () => {
    const name = `migrate-16-read-only-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 15);
    await old.table('activities').bulkPut(activities);
    await old.table('activityStats').bulkPut(await untypedRows());
    old.close();
    const { openReadOnly } = await import('./readOnly');
    const { activitiesPerAuthor, dashboardChoices, readDashboard } = await import('./stats/dashboard');
    const { countLiveActivitiesFromRows } = await import('./activities');
    const opening = await openReadOnly(name);
    if (!opening.opened) throw new Error('not opened');
    const { db } = opening.relais;
    expect(db.verno).toBe(15);
    const workshops = await readDashboard(db, { type: 'collectif', commune: '58145' });
    expect([workshops.source, workshops.totals.activities, workshops.totals.minutes]).toEqual(['scan', 2, 150]);
    expect([(await readDashboard(db, {})).source, (await readDashboard(db, {})).totals.activities]).toEqual(['scan', 4]);
    expect(await countLiveActivitiesFromRows(db)).toBe(4);
    expect(await activitiesPerAuthor(db)).toEqual(new Map([[OWN, 4]]));
    expect((await dashboardChoices(db)).commune).toEqual(['12011', '58145']);
    db.close();
  });

  it('opened read-only before schema 9 (no count rows): the list is told the total is unknown, not left waiting', async () => {
    const name = `read-only-before-rows-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 8);
    await old.table('activities').bulkPut(activities);
    old.close();
    const { openReadOnly } = await import('./readOnly');
    const { countLiveActivitiesFromRows } = await import('./activities');
    const opening = await openReadOnly(name);
    if (!opening.opened) throw new Error('not opened');
    const { db } = opening.relais;
    expect(db.verno).toBeLessThan(9);
    // `undefined` is what `useRead` answers while loading: the list (ActivityListPage) waited for ever.
    expect(await countLiveActivitiesFromRows(db)).toBeNull();
    db.close();
  });

  it('rebuilds a chunk of activities and of rows at a time, and the rows still equal a recount', async () => {
    const name = `migrate-16-chunks-${Math.random()}`;
    names.push(name);
    const old = await databaseAt(name, 15);
    await old.table('activities').bulkPut(activities);
    old.close();
    const relais = openRelais(name);
    const { statsDifferFromRecount } = await import('./stats/dashboard');
    const { rebuildStats } = await import('./stats/migration');
    const db = relais.db;
    await db.activityStats.clear();
    // One activity per chunk, the rows written whenever two wait: every `all` row of a month is added to
    // what an earlier chunk wrote of it.
    // The start-up screen hears how far it has gone, a chunk at a time (app/startup/UpgradingScreen.tsx).
    const { onUpgradeProgress } = await import('./upgradeProgress');
    const heard: Array<{ counted: number; total: number }> = [];
    const stop = onUpgradeProgress((progress) => heard.push(progress));
    await db.transaction('rw', [db.activityStats, db.activities, db.beneficiaries, db.places], () => rebuildStats(Dexie.currentTransaction!, 1, 2));
    stop();
    // Four activities, four chunks: each count heard once (the empty fifth chunk is not reported), each
    // with the total, known before the first chunk.
    expect(heard).toEqual([1, 2, 3, 4].map((counted) => ({ counted, total: 4 })));
    expect(await statsDifferFromRecount(db)).toEqual([]);
    expect(await db.activityStats.count()).toBeGreaterThan(2);
    db.close();
  });
});
