import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle, snapshot } from '../testkit/sync';
import { ensureDeviceKeys, exportBundle } from './sync';
import { ensureIdentity } from './identity';
import { readIdentity } from './device';
import { backupState, makeBackup, markBackedUp, restoreBackup, setRecoveryPassphrase } from './backup';
import { BackupError, encodeBackup, readBackupHeader } from '../domain/backup/format';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { statsDifferFromRecount } from './stats/dashboard';
import { NEWEST_SCHEMA_VERSION } from './startup';
import { RECORD_VALIDATORS } from '../domain/sync/validators';
import { syncedContent, type SyncRecord } from '../domain/sync/merge';
import type { Beneficiary, Village } from '../domain/records';
import type { Relais } from './index';

const LORMES: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58', population: 1251 };
const PERSON: Beneficiary = { code: 'B-7', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };
const AUTHOR = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' };
const PASSPHRASE = 'tilleul barque prairie lanterne';

afterEach(closeTestDatabases);

/** Every record table, as its synced content: what a person would call "the same records". */
async function recordsOf(relais: Relais): Promise<string[]> {
  const rows: SyncRecord[] = [];
  for (const table of ['villages', 'surveys', 'activities', 'places', 'beneficiaries', 'workshopTemplates', 'workshopSeries', 'workshopSessions'] as const) {
    rows.push(...(await relais.db[table].toArray()) as unknown as SyncRecord[]);
  }
  return rows.map(syncedContent).sort();
}

async function send(from: Relais, to: Relais): Promise<ReturnType<typeof receiveBundle>> {
  const keys = await ensureDeviceKeys(to.db);
  const { deviceId } = await ensureIdentity(to.db);
  const prepared = await exportBundle(from.db, {
    kind: 'changes', protection: { type: 'recipient', recipient: keys.ageRecipient }, recipientCard: { deviceId, name: 'Bérénice' }, author: AUTHOR, app: 'test',
  });
  await prepared.commit();
  return receiveBundle(to.db, prepared.bytes, { secrets: { identity: keys.ageIdentity }, validators: RECORD_VALIDATORS });
}

async function laptopWithWork(): Promise<Relais> {
  const relais = openTestRelais('old');
  await relais.villages.create(LORMES);
  await relais.beneficiaries.create(PERSON);
  return relais;
}

describe('backups', () => {
  it('opens on this laptop with its own key, and holds no key', async () => {
    const laptop = await laptopWithWork();
    const backup = await makeBackup(laptop.db, { app: 'test' });
    expect(backup).toBeDefined();
    const { header } = readBackupHeader(backup!.bytes);
    expect(header.counts).toMatchObject({ villages: 1, beneficiaries: 1 });
    expect(header.counts.secrets).toBeUndefined();
    expect(header.counts.inboxFiles).toBeUndefined();
    expect(header.recovery).toBeUndefined();
    // Personal data never in clear: the code of the followed person is not in the file's bytes.
    expect(new TextDecoder().decode(backup!.bytes).includes('B-7')).toBe(false);
  });

  it('remembers what it covered only when told the file is written', async () => {
    const laptop = await laptopWithWork();
    const backup = await makeBackup(laptop.db, { app: 'test' });
    expect((await backupState(laptop.db)).last).toBeUndefined();
    await markBackedUp(laptop.db, { seq: backup!.seq, at: backup!.header.createdAt });
    expect(await backupState(laptop.db)).toMatchObject({ seq: backup!.seq, last: { seq: backup!.seq, at: backup!.header.createdAt } });
  });

  it('restores on another laptop with the recovery passphrase: same records, a NEW identity, enrolment to redo', async () => {
    const old = await laptopWithWork();
    await setRecoveryPassphrase(old.db, PASSPHRASE);
    const backup = await makeBackup(old.db, { app: 'test' });
    const other = openTestRelais('other');
    const report = await restoreBackup(other.db, backup!.bytes, { passphrase: PASSPHRASE });
    expect(report.counts).toMatchObject({ villages: 1, beneficiaries: 1 });
    expect(await recordsOf(other)).toEqual(await recordsOf(old));
    expect(await other.db.meta.get('device')).toBeUndefined();
    expect(await other.db.secrets.count()).toBe(0);
    const newId = (await ensureIdentity(other.db)).deviceId;
    expect(newId).not.toBe((await readIdentity(old.db)).deviceId);
  });

  it('refuses a wrong passphrase and a stranger laptop, changing nothing', async () => {
    const old = await laptopWithWork();
    await setRecoveryPassphrase(old.db, PASSPHRASE);
    const backup = await makeBackup(old.db, { app: 'test' });
    const other = openTestRelais('other');
    await other.villages.create({ ...LORMES, population: 7 });
    const before = await snapshot(other.db);
    await expect(restoreBackup(other.db, backup!.bytes, { passphrase: 'autre chose entièrement' })).rejects.toMatchObject({ code: 'wrongPassphrase' });
    const keys = await ensureDeviceKeys(other.db);
    await expect(restoreBackup(other.db, backup!.bytes, { identity: keys.ageIdentity })).rejects.toBeInstanceOf(BackupError);
    expect(await snapshot(other.db)).toBe(before);
  });

  it('after a restore, the old laptop and the restored one both write and exchange: nothing clashes', async () => {
    const old = await laptopWithWork();
    const backup = await makeBackup(old.db, { app: 'test' });
    const restored = openTestRelais('restored');
    await restoreBackup(restored.db, backup!.bytes, { identity: (await ensureDeviceKeys(old.db)).ageIdentity });
    await enrolEachOther(old, restored);
    const oldId = (await readIdentity(old.db)).deviceId;
    const newId = (await readIdentity(restored.db)).deviceId;
    expect(newId).not.toBe(oldId);

    // Both go on working: the same village edited on both, and new people on both.
    const [village] = await old.db.villages.toArray();
    await old.villages.update(village.id, { ...LORMES, notes: 'Fibre en 2026' });
    await restored.villages.update(village.id, { ...LORMES, notes: 'Fibre en 2027' });
    const fromOld = await old.beneficiaries.create({ ...PERSON, code: 'B-8' });
    const fromRestored = await restored.beneficiaries.create({ ...PERSON, code: 'B-9' });
    expect(fromOld.id).not.toBe(fromRestored.id);
    expect(fromRestored.authorDevice).toBe(newId);
    // Their change counters run on from the same number: the stamps still differ (device id in each).
    const stamps = [(await old.db.villages.get(village.id))!.versions.notes, (await restored.db.villages.get(village.id))!.versions.notes];
    expect(stamps[0]).not.toBe(stamps[1]);

    const toRestored = await send(old, restored);
    const toOld = await send(restored, old);
    expect(toRestored.refused + toOld.refused).toBe(0);
    expect(await recordsOf(old)).toEqual(await recordsOf(restored));
    expect(await old.db.beneficiaries.count()).toBe(3);
    // One winner for the village's notes, the other value in the conflict log of whichever lost.
    expect((await old.db.villages.get(village.id))!.notes).toBe((await restored.db.villages.get(village.id))!.notes);
  });

  it('streams: many rows in batches come back whole, and the dashboard\'s counts equal a recount', async () => {
    const old = await laptopWithWork();
    for (let day = 1; day <= 28; day += 1) {
      await old.activities.create({
        type: 'individuel', date: `2026-02-${String(day).padStart(2, '0')}`, duree: 30, typeLieu: 'a_distance', thematiques: ['email'],
        thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [],
      });
    }
    const drafts = Array.from({ length: 4500 }, (_, i) => ({ key: `draft-${String(i).padStart(5, '0')}`, value: { i }, savedAt: '2026-01-01T00:00:00.000Z' }));
    await old.db.drafts.bulkPut(drafts);
    const backup = await makeBackup(old.db, { app: 'test' });
    expect(backup!.header.counts).toMatchObject({ drafts: 4500, activities: 28 });
    const restored = openTestRelais('restored');
    await restoreBackup(restored.db, backup!.bytes, { identity: (await ensureDeviceKeys(old.db)).ageIdentity });
    expect(await restored.db.drafts.toArray()).toEqual(drafts);
    expect(await recordsOf(restored)).toEqual(await recordsOf(old));
    expect(await statsDifferFromRecount(restored.db)).toEqual([]);
  });

  it('a fault found deep in the body, after rows were written, rolls the whole restore back', async () => {
    const identity = await generateIdentity();
    const drafts = Array.from({ length: 5000 }, (_, i) => ({ key: `d-${String(i).padStart(5, '0')}`, value: i, savedAt: 'x' }));
    const lying = await encodeBackup({ schemaVersion: NEWEST_SCHEMA_VERSION, tables: { drafts, meta: [] } }, { app: 'test', createdAt: 'now', recipients: [await identityToRecipient(identity)] });
    // The header is in clear: say one row more than the body holds (same length, so the file stays well formed).
    const text = new TextDecoder('latin1').decode(lying);
    const forged = Uint8Array.from(text.replace('"drafts":5000', '"drafts":5001'), (c) => c.charCodeAt(0));
    const unknown = await encodeBackup({ schemaVersion: NEWEST_SCHEMA_VERSION, tables: { drafts, nonsense: [{ id: 1 }] } }, { app: 'test', createdAt: 'now', recipients: [await identityToRecipient(identity)] });
    const other = openTestRelais('other');
    await other.villages.create(LORMES);
    const before = await snapshot(other.db);
    await expect(restoreBackup(other.db, forged, { identity })).rejects.toMatchObject({ code: 'corrupted' });
    await expect(restoreBackup(other.db, unknown, { identity })).rejects.toMatchObject({ code: 'corrupted' });
    expect(await snapshot(other.db)).toBe(before);
  });
});

