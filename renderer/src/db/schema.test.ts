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

/** A database as a given schema version left it (every version up to `upTo`). */
async function databaseAt(name: string, upTo: number): Promise<Dexie> {
  const old = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= upTo)) old.version(step.version).stores(step.stores);
  await old.open();
  return old;
}

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
