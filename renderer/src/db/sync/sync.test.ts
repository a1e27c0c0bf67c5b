import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle, snapshot } from '../../testkit/sync';
import {
  enrolCard, ensureDeviceKeys, exportBundle, importBundle, missingBundles, previewImport, restoreConflictValue, releaseQuarantine, unexportedChanges,
} from './index';
import { readIdentity } from '../device';
import { ensureIdentity } from '../identity';
import { withVerifiedSeals } from '../../domain/sync/seal';
import { openBundle } from '../../domain/sync/bundle';
import { bundleErrorCode } from '../../domain/sync/errors';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { buildHostileCorpus, futureBundle, testCard } from '../../testkit/hostileCorpus';
import { syncedContent, type SyncRecord } from '../../domain/sync/merge';
import type { Beneficiary, Village } from '../../domain/records';
import type { Relais } from '../index';

const LORMES: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58', population: 1251 };
const ARVIEU: Village = { commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' };
const PERSON: Beneficiary = { code: 'B-7', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };
const AUTHOR = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' };
const validators = RECORD_VALIDATORS;

afterEach(closeTestDatabases);

async function sendTo(from: Relais, to: Relais, kind: 'changes' | 'full' = 'changes'): Promise<Uint8Array> {
  const keys = await ensureDeviceKeys(to.db);
  const { deviceId } = await ensureIdentity(to.db);
  const prepared = await exportBundle(from.db, {
    kind, protection: { type: 'recipient', recipient: keys.ageRecipient }, recipientCard: { deviceId, name: 'Bérénice Martin' }, author: AUTHOR, app: 'test',
  });
  await prepared.commit();
  return prepared.bytes;
}

async function receive(to: Relais, bytes: Uint8Array) {
  const keys = await ensureDeviceKeys(to.db);
  return receiveBundle(to.db, bytes, { secrets: { identity: keys.ageIdentity }, validators });
}

async function contentOf(relais: Relais): Promise<string[]> {
  const rows = [...await relais.db.villages.toArray(), ...await relais.db.beneficiaries.toArray()] as unknown as SyncRecord[];
  return rows.map(syncedContent).sort();
}

describe('export → preview → import', () => {
  it('carries records to a coordinator, previews without writing, imports once', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    await a.villages.create(LORMES);
    await a.beneficiaries.create(PERSON);
    const bytes = await sendTo(a, b);
    const keysB = await ensureDeviceKeys(b.db);

    const before = await snapshot(b.db);
    const opened = await openBundle(bytes, { identity: keysB.ageIdentity }, { validators });
    const plan = await previewImport(b.db, opened);
    expect(plan.counts).toEqual({ new: 2, updated: 0, unchanged: 0, conflicting: 0, deleted: 0 });
    expect(plan.sender.status).toBe('enrolled');
    expect(plan.sender.print).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(plan.manifest.personalData).toBe(true);
    expect(await snapshot(b.db)).toBe(before);

    const report = await importBundle(b.db, opened, { fileName: 'echange.relais' });
    expect(report.alreadyImported).toBe(false);
    expect(report.counts.new).toBe(2);
    expect(await contentOf(b)).toEqual(await contentOf(a));

    const afterFirst = await snapshot(b.db);
    expect((await receive(b, bytes)).alreadyImported).toBe(true);
    expect(await snapshot(b.db)).toBe(afterFirst);
    expect((await previewImport(b.db, opened)).alreadyImported?.fileName).toBe('echange.relais');
  });

  it('refuses to write personal data in clear', async () => {
    const a = openTestRelais('a');
    await a.beneficiaries.create(PERSON);
    await expect(exportBundle(a.db, { kind: 'changes', protection: { type: 'none' }, author: AUTHOR, app: 'test' })).rejects.toThrow(/encrypted/);
  });

  it('exports only changes since the last export, and counts what waits', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    const lormes = await a.villages.create(LORMES);
    expect((await unexportedChanges(a.db)).count).toBe(1);
    await sendTo(a, b);
    expect((await unexportedChanges(a.db)).count).toBe(0);
    await a.villages.update(lormes.id, { ...LORMES, population: 1300 });
    await a.villages.create(ARVIEU);
    const waiting = await unexportedChanges(a.db, Date.now() + 8 * 24 * 3600 * 1000);
    expect(waiting.count).toBe(2);
    expect(waiting.overdue).toBe(true);
    const bytes = await sendTo(a, b);
    const opened = await openBundle(bytes, { identity: (await ensureDeviceKeys(b.db)).ageIdentity }, { validators });
    expect(opened.entries).toHaveLength(2);
    expect(opened.manifest.since).not.toBeNull();
  });

  it('restores a full backup on a new laptop, which keeps its own device id', async () => {
    const old = openTestRelais('old');
    const fresh = openTestRelais('new');
    await enrolEachOther(old, fresh);
    await old.villages.create(LORMES);
    await old.beneficiaries.create(PERSON);
    const freshId = (await ensureIdentity(fresh.db)).deviceId;
    await receive(fresh, await sendTo(old, fresh, 'full'));
    expect(await contentOf(fresh)).toEqual(await contentOf(old));
    expect((await readIdentity(fresh.db)).deviceId).toBe(freshId);
    expect(freshId).not.toBe((await readIdentity(old.db)).deviceId);
    // Edits on the new laptop sort after everything restored (its clock observed the stamps).
    const [restored] = await fresh.db.villages.toArray();
    const edited = await fresh.villages.update(restored.id, { ...LORMES, population: 2 });
    expect(edited.versions.population > restored.versions.population).toBe(true);
  });
});

describe('conflicts, deletes, erasures', () => {
  it('logs the losing value of a same-field race, and "restore" makes it win everywhere', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    const v = await a.villages.create(LORMES);
    await receive(b, await sendTo(a, b));
    await a.villages.update(v.id, { ...LORMES, notes: 'Fibre en 2026' });
    await new Promise((r) => setTimeout(r, 5));
    await b.villages.update(v.id, { ...LORMES, notes: 'Fibre en 2027' });
    const report = await receive(b, await sendTo(a, b));
    expect(report.counts.conflicting).toBe(1);
    expect((await b.db.villages.get(v.id))?.notes).toBe('Fibre en 2027');
    const [conflict] = await b.db.conflicts.toArray();
    expect(conflict).toMatchObject({ recordId: v.id, field: 'notes', losingValue: 'Fibre en 2026', resolved: 0 });

    // Overlapping bundles do not log the same losing write twice.
    await receive(b, await sendTo(a, b, 'full'));
    expect(await b.db.conflicts.count()).toBe(1);

    await restoreConflictValue(b, conflict.id!);
    expect((await b.db.villages.get(v.id))?.notes).toBe('Fibre en 2026');
    expect((await b.db.conflicts.get(conflict.id!))?.resolved).toBe(1);
    await receive(a, await sendTo(b, a));
    expect((await a.db.villages.get(v.id))?.notes).toBe('Fibre en 2026');
  });

  it('an edit made after receiving the other laptop\'s value comes back as an update, not a conflict', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    const v = await a.villages.create({ ...LORMES, notes: 'Fibre en 2026' });
    await receive(b, await sendTo(a, b));
    await b.villages.update(v.id, { ...LORMES, notes: 'Fibre arrivée' });
    const report = await receive(a, await sendTo(b, a));
    expect(report.counts).toMatchObject({ updated: 1, conflicting: 0 });
    expect(await a.db.conflicts.count()).toBe(0);
    expect((await a.db.villages.get(v.id))?.notes).toBe('Fibre arrivée');
  });

  it('an erasure travels, clears the payload and the conflict log, and an old bundle cannot revive it', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    const person = await a.beneficiaries.create(PERSON);
    const oldBundle = await sendTo(a, b);
    await receive(b, oldBundle);
    await a.beneficiaries.update(person.id, { ...PERSON, code: 'B-8' });
    await receive(b, await sendTo(a, b));
    // A losing value of the person kept in the log (only its author edits it now: say, from before the trust rules).
    await b.db.conflicts.add({
      recordKind: 'beneficiary', recordId: person.id, field: 'code', losingValue: 'B-9', losingStamp: '2020-01-01T00:00:00.000Z-0000-0123456789abcdef',
      winningStamp: (await b.db.beneficiaries.get(person.id))!.versions.code, at: new Date().toISOString(), bundleId: 'x', resolved: 0,
    });
    expect(await b.db.conflicts.count()).toBe(1);

    await a.beneficiaries.erase(person.id);
    const report = await receive(b, await sendTo(a, b));
    expect(report.counts.deleted).toBe(1);
    const erased = await b.db.beneficiaries.get(person.id);
    expect(erased).toMatchObject({ erased: 1, deleted: 1 });
    expect(erased?.code).toBeUndefined();
    expect(await b.db.conflicts.count()).toBe(0);

    // The first bundle (from before the erasure), imported after it on a third laptop, revives nothing.
    const c = openTestRelais('c');
    await enrolEachOther(a, c);
    await receive(c, await sendTo(a, c, 'full'));
    const keysB = await ensureDeviceKeys(b.db);
    const stale = await withVerifiedSeals(await openBundle(oldBundle, { identity: keysB.ageIdentity }, { validators }));
    const report2 = await importBundle(c.db, stale, { fileName: 'ancien.relais' });
    expect(report2.counts.unchanged).toBe(1);
    const still = await c.db.beneficiaries.get(person.id);
    expect(still?.erased).toBe(1);
    expect(still?.code).toBeUndefined();
  });

  it('a deletion wins over older edits from another device', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    const v = await a.villages.create(LORMES);
    await receive(b, await sendTo(a, b));
    await b.villages.update(v.id, { ...LORMES, population: 99 });
    await new Promise((r) => setTimeout(r, 5));
    await a.villages.remove(v.id);
    await receive(b, await sendTo(a, b));
    const row = await b.db.villages.get(v.id);
    expect(row?.deleted).toBe(1);
    expect(row?.population).toBe(99);
  });
});

describe('missing bundles', () => {
  it('shows a gap when a bundle from a device never arrived', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await enrolEachOther(a, b);
    await a.villages.create(LORMES);
    const first = await sendTo(a, b);
    await a.villages.create(ARVIEU);
    await sendTo(a, b); // lost on the way
    await a.beneficiaries.create(PERSON);
    const third = await sendTo(a, b);
    await receive(b, third);
    await receive(b, first);
    const gaps = await missingBundles(b.db);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].name).toBe(AUTHOR.name);
    expect(gaps[0].gaps).toEqual([expect.objectContaining({ from: 2, to: 2 })]);
  });
});

describe('hostile bundles: refused with their code, database unchanged', async () => {
  const sender = openTestRelais('sender');
  const senderKeys = await ensureDeviceKeys(sender.db);
  const probe = openTestRelais('probe');
  const probeKeys = await ensureDeviceKeys(probe.db);
  const corpus = await buildHostileCorpus(senderKeys, { identity: probeKeys.ageIdentity, recipient: probeKeys.ageRecipient });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    const receiver = openTestRelais('receiver');
    await receiver.villages.create(ARVIEU);
    await receiver.beneficiaries.create(PERSON);
    const keys = await ensureDeviceKeys(receiver.db);
    // The corpus was encrypted to `probe`: give the receiver probe's identity when the case expects it.
    const secrets = hostile.secrets.identity ? { ...hostile.secrets, identity: probeKeys.ageIdentity } : hostile.secrets;
    expect(keys.ageIdentity).toBeTruthy();
    const before = await snapshot(receiver.db);
    const limits = { maxFileBytes: 512 * 1024 * 1024, maxManifestBytes: 256 * 1024, maxInflatedBytes: 8 * 1024 * 1024, maxRecords: 100_000, maxRecordBytes: 1024 * 1024 };
    const error = await receiveBundle(receiver.db, hostile.bytes, { secrets, validators, limits }).then(() => undefined, (e: unknown) => e);
    expect(error, 'must be refused').toBeDefined();
    expect(bundleErrorCode(error)).toBe(hostile.expected);
    expect(await snapshot(receiver.db)).toBe(before);
  });

  it('quarantines records stamped days in the future instead of letting them win', async () => {
    const receiver = openTestRelais('receiver');
    await enrolCard(receiver.db, await testCard(senderKeys));
    const now = Date.now();
    const { bytes, record } = await futureBundle(senderKeys, now, 3);
    const opened = await openBundle(bytes, {}, { validators, now });
    expect(opened.quarantined).toHaveLength(1);
    expect((await previewImport(receiver.db, opened)).quarantined).toBe(1);
    const report = await importBundle(receiver.db, opened, { fileName: 'futur.relais' });
    expect(report.quarantined).toBe(1);
    expect(await receiver.db.villages.get(record.id)).toBeUndefined();
    expect(await receiver.db.quarantine.where('recordId').equals(record.id).count()).toBe(1);
    // A clock less than a day ahead is tolerated.
    const soon = await futureBundle(senderKeys, now, 0.5);
    expect((await openBundle(soon.bytes, {}, { validators, now })).quarantined).toHaveLength(0);
  });

  it('releases a quarantined record once our time has caught up with its stamp, and not before', async () => {
    const receiver = openTestRelais('receiver');
    await enrolCard(receiver.db, await testCard(senderKeys));
    const now = Date.now();
    const { bytes, record } = await futureBundle(senderKeys, now, 3);
    await importBundle(receiver.db, await openBundle(bytes, {}, { validators, now }), { fileName: 'futur.relais' });
    expect(await releaseQuarantine(receiver.db, new Date(now))).toEqual({ released: 0, waiting: 1 });
    expect(await receiver.db.villages.get(record.id)).toBeUndefined();
    // Three days later the stamp is no longer in the future: the record is merged like any import.
    const later = new Date(now + 3 * 24 * 3600 * 1000);
    expect(await releaseQuarantine(receiver.db, later)).toEqual({ released: 1, waiting: 0 });
    const applied = await receiver.db.villages.get(record.id);
    expect(applied).toMatchObject({ id: record.id, deleted: 0 });
    expect(applied?.seq).toBeGreaterThan(0);
    expect(await receiver.db.quarantine.count()).toBe(0);
  });

  it('is all or nothing: a failure in the middle of an import rolls everything back', async () => {
    const a = openTestRelais('a');
    const receiver = openTestRelais('receiver');
    await enrolEachOther(a, receiver);
    for (let i = 0; i < 5; i++) await a.villages.create({ ...LORMES, population: i });
    await a.beneficiaries.create(PERSON);
    const bytes = await sendTo(a, receiver);
    await receiver.villages.create(ARVIEU);
    const before = await snapshot(receiver.db);
    let seen = 0;
    // Simulate a disk failure on the 4th village written.
    receiver.db.villages.hook('creating', () => {
      seen += 1;
      if (seen === 4) throw new Error('disk full');
    });
    await expect(receive(receiver, bytes)).rejects.toThrow(/disk full/);
    expect(await snapshot(receiver.db)).toBe(before);
  });
});
