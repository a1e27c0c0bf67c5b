import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { closeTestDatabases, enrol, openTestRelais, snapshot } from '../testkit/sync';
import { ensureDeviceKeys, exportBundle, openBundleOffThread } from './sync';
import { readIdentity } from './device';
import { replaceDatabaseWithFile, restoreFromFile } from './restore';
import { statsDifferFromRecount } from './stats/dashboard';
import { syncedContent, type SyncRecord } from '../domain/sync/merge';
import type { Activity, Beneficiary, Village } from '../domain/records';
import type { BundleKind, ProtectionInput } from '../domain/sync/bundle';
import { openRelais, type Relais } from './index';

const LORMES: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58', population: 1251 };
const PERSON: Beneficiary = { code: 'B-7', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };
const AUTHOR = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes', role: 'mediateur' };
const PASSPHRASE = 'tilleul barque prairie lanterne';
const FAST: ProtectionInput = { type: 'passphrase', passphrase: PASSPHRASE, workFactor: 10 };

function activity(date: string, beneficiaryIds: string[] = []): Activity {
  return {
    type: 'individuel', date, duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [],
    materiel: [], tags: [], beneficiaryIds,
  };
}

afterEach(closeTestDatabases);

const RECORD_TABLES = ['villages', 'surveys', 'activities', 'places', 'beneficiaries', 'workshopTemplates', 'workshopSeries', 'workshopSessions'] as const;

/** Every record, as its synced content (no local `seq`, no seal): what a person calls "the same records". */
async function recordsOf(relais: Relais): Promise<string[]> {
  const rows: SyncRecord[] = [];
  for (const table of RECORD_TABLES) rows.push(...(await relais.db[table].toArray()) as unknown as SyncRecord[]);
  return rows.map(syncedContent).sort();
}

async function laptopWithWork(): Promise<Relais> {
  const relais = openTestRelais('old');
  const village = await relais.villages.create(LORMES);
  await relais.villages.update(village.id, { ...LORMES, notes: 'Fibre en 2026' });
  const person = await relais.beneficiaries.create(PERSON);
  await relais.activities.create(activity('2026-03-12', [person.id]));
  const gone = await relais.activities.create(activity('2026-03-13'));
  await relais.activities.remove(gone.id);
  return relais;
}

async function fullBundle(from: Relais, protection: ProtectionInput = FAST, kind: BundleKind = 'full'): Promise<Uint8Array> {
  const prepared = await exportBundle(from.db, { kind, protection, author: AUTHOR, app: 'test' });
  await prepared.commit();
  return prepared.bytes;
}

describe('restore from a full bundle', () => {
  it('into an empty laptop, with the passphrase: the same records, a new identity, its profile from the card', async () => {
    const old = await laptopWithWork();
    const bytes = await fullBundle(old);
    const fresh = openTestRelais('fresh');
    const report = await restoreFromFile(fresh.db, { name: 'relais-sauvegarde.relais', bytes }, { passphrase: PASSPHRASE });

    expect(report.counts).toEqual({ villages: 1, beneficiaries: 1, activities: 2 });
    expect(await recordsOf(fresh)).toEqual(await recordsOf(old));
    // No keys, no identity: the next write makes new ones, hence another device id.
    expect(await fresh.db.secrets.count()).toBe(0);
    expect(await fresh.db.meta.get('device')).toBeUndefined();
    expect((await fresh.db.meta.get('profile'))?.value).toMatchObject({ displayName: 'Aïcha Benali', role: 'mediateur', structure: 'Médiathèque de Lormes' });
    // Every record has its own local change number; the dashboard's counts equal a recount.
    const seqs = (await fresh.db.activities.toArray()).map((row) => row.seq);
    expect(new Set(seqs).size).toBe(2);
    expect(await statsDifferFromRecount(fresh.db)).toEqual([]);
    // The bundle is in the import history: importing the same file later changes nothing.
    expect((await openBundleOffThread(bytes, { passphrase: PASSPHRASE }, { db: fresh.db })).alreadyImported).toBe(true);

    // The restored laptop writes under a new id, with stamps after every stamp it received.
    const person = (await fresh.db.beneficiaries.toArray())[0];
    const written = await fresh.activities.create(activity('2026-03-14', [person.id]));
    const newId = (await readIdentity(fresh.db)).deviceId;
    expect(newId).not.toBe((await readIdentity(old.db)).deviceId);
    expect(written.authorDevice).toBe(newId);
    const received = (await old.db.villages.toArray())[0].versions.notes;
    const [village] = await fresh.db.villages.toArray();
    await fresh.villages.update(village.id, { ...LORMES, notes: 'Fibre en 2027' });
    expect((await fresh.db.villages.get(village.id))!.versions.notes > received).toBe(true);
  });

  it('replaces what the laptop held, in Settings, opened with the key of this laptop it was encrypted to', async () => {
    const old = await laptopWithWork();
    const here = openTestRelais('here');
    await here.villages.create({ ...LORMES, commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    await enrol(old, here);
    const keys = await ensureDeviceKeys(here.db);
    const bytes = await fullBundle(old, { type: 'recipient', recipient: keys.ageRecipient });
    await restoreFromFile(here.db, { name: 'pour-moi.relais', bytes }, { identity: keys.ageIdentity });
    expect(await recordsOf(here)).toEqual(await recordsOf(old));
    expect(await here.db.secrets.count()).toBe(0);
    expect(await statsDifferFromRecount(here.db)).toEqual([]);
  });

  it('refuses, changing nothing: a bundle of changes (use Import), a wrong or missing passphrase, another laptop\'s bundle, a damaged file', async () => {
    const old = await laptopWithWork();
    const other = openTestRelais('other');
    await other.villages.create({ ...LORMES, population: 7 });
    const before = await snapshot(other.db);
    const restore = (bytes: Uint8Array, secrets: { passphrase?: string; identity?: string | CryptoKey }) => restoreFromFile(other.db, { name: 'x.relais', bytes }, secrets);

    const full = await fullBundle(old);
    await expect(restore(full, { passphrase: 'autre chose entièrement' })).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await expect(restore(full, {})).rejects.toMatchObject({ code: 'bundleNeedsPassphrase' });
    const damaged = Uint8Array.from(full);
    damaged[Math.floor(damaged.length * 0.7)] ^= 0xff;
    await expect(restore(damaged, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'corrupted' });
    await expect(restore(full.subarray(0, full.length - 10), { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'corrupted' });

    const third = openTestRelais('third');
    await enrol(old, third);
    const toThird = await fullBundle(old, { type: 'recipient', recipient: (await ensureDeviceKeys(third.db)).ageRecipient });
    await expect(restore(toThird, { identity: (await ensureDeviceKeys(other.db)).ageIdentity })).rejects.toMatchObject({ code: 'bundleNotForThisLaptop' });

    await old.villages.create({ ...LORMES, commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    const changes = await fullBundle(old, FAST, 'changes');
    await expect(restore(changes, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'partialBundle' });
    await expect(restore(new TextEncoder().encode('hello'), { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'notABackup' });

    expect(await snapshot(other.db)).toBe(before);
  });

  it('from the recovery screen: the database is replaced only once the bundle opened', async () => {
    const old = await laptopWithWork();
    const bytes = await fullBundle(old);
    const name = `broken-${Math.random().toString(36).slice(2)}`;
    const broken = openRelais(name);
    await broken.db.open();
    await broken.db.meta.put({ key: 'seq', value: 99 });
    broken.db.close();
    await expect(replaceDatabaseWithFile(name, { name: 'x.relais', bytes }, { passphrase: 'pas la bonne' })).rejects.toMatchObject({ code: 'wrongPassphrase' });
    expect(await Dexie.exists(name)).toBe(true);
    await replaceDatabaseWithFile(name, { name: 'x.relais', bytes }, { passphrase: PASSPHRASE });
    const restored = openRelais(name);
    try {
      expect(await recordsOf(restored)).toEqual(await recordsOf(old));
      expect(await restored.db.meta.get('device')).toBeUndefined();
    } finally {
      restored.db.close();
      await Dexie.delete(name);
    }
  });
});
