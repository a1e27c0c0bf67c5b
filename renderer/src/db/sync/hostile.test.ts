/**
 * The hostile sender (issue 9): each attack tried with nothing but what a sender has — its own key,
 * enrolled or not, and every public card — against a coordinator who holds a mediator's records. For
 * each, the coordinator's records are unchanged (or only the legitimate part applied), and the preview
 * says what was refused or held, and why.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardOfTestDevice, closeTestDatabases, enrol, enrolEachOther, openTestRelais, receiveBundle, snapshot } from '../../testkit/sync';
import { deviceOf, sealTestBundle, stampedRecord, testCard, VILLAGE_DATA } from '../../testkit/hostileCorpus';
import {
  enrolCard, enrolledCards, ensureDeviceKeys, exportBundle, HeldBundleError, importBundle, missingBundles, previewImport,
  quarantinedRecords,
} from './index';
import { ensureIdentity } from '../identity';
import { openBundle, type OpenedBundle, type ProtectionInput } from '../../domain/sync/bundle';
import { readCard, signCard } from '../../domain/sync/card';
import { bundleErrorCode, bundleErrorIssues } from '../../domain/sync/errors';
import { fingerprintOfKey } from '../../domain/sync/identity';
import { formatStamp } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { testDeviceKeys, type TestKeys } from '../../testkit/keys';
import { syncedContent, type SyncRecord } from '../../domain/sync/merge';
import type { BundleEntry } from '../../domain/sync/records';
import { withVerifiedSeals } from '../../domain/sync/seal';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { RECORD_KINDS } from '../../domain/kinds';
import type { Activity, Beneficiary } from '../../domain/records';
import type { Relais } from '../index';

const validators = RECORD_VALIDATORS;
const PASSPHRASE = { type: 'passphrase', passphrase: 'une phrase de test assez longue', workFactor: 1 } as const satisfies ProtectionInput;
const SECRETS = { passphrase: PASSPHRASE.passphrase };
const PERSON: Beneficiary = { code: 'B-0042', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };
const ACTIVITY: Activity = {
  type: 'individuel', date: '2026-03-02', duree: 45, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [],
  materiel: [], tags: [], beneficiaryIds: [], notes: 'Première visite',
};

afterEach(closeTestDatabases);

/** Every record and every logged conflict: what a coordinator relies on. */
async function recordsOf(relais: Relais): Promise<string> {
  const parts: string[] = [];
  for (const kind of RECORD_KINDS) {
    const rows = (await relais.db.recordTable(kind).toArray()) as unknown as SyncRecord[];
    parts.push(`${kind}:${rows.map(syncedContent).sort().join('|')}`);
  }
  parts.push(`conflicts:${JSON.stringify(await relais.db.conflicts.toArray())}`);
  return parts.join('\n');
}

interface World {
  coordinator: Relais;
  mediator: Relais;
  person: SyncRecord;
  activity: SyncRecord;
  village: SyncRecord;
  /** The hostile sender's keys (a laptop of its own, enrolled or not). */
  mallory: TestKeys;
}

/** Aïcha (mediator) sent her followed person, an activity and a village to Bérénice (coordinator). */
async function world(options: { malloryEnrolled: boolean }): Promise<World> {
  const coordinator = openTestRelais('coordinator');
  const mediator = openTestRelais('mediator');
  await enrolEachOther(coordinator, mediator);
  const person = await mediator.beneficiaries.create(PERSON);
  const activity = await mediator.activities.create(ACTIVITY);
  const village = await mediator.villages.create(VILLAGE_DATA as never);
  const bundle = await exportBundle(mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
  await bundle.commit();
  await receiveBundle(coordinator.db, bundle.bytes, { secrets: SECRETS, validators });
  const mallory = await testDeviceKeys();
  if (options.malloryEnrolled) await enrolCard(coordinator.db, await testCard(mallory, 'Mallory'));
  const stored = async (table: 'beneficiaries' | 'activities' | 'villages', id: string) => (await coordinator.db[table].get(id)) as unknown as SyncRecord;
  return {
    coordinator, mediator, mallory,
    person: await stored('beneficiaries', person.id), activity: await stored('activities', activity.id), village: await stored('villages', village.id),
  };
}

/** Mallory's bundle, signed with her own key, her own card inside. */
async function fromMallory(w: World, entries: BundleEntry[], extra: Parameters<typeof sealTestBundle>[3] = {}): Promise<OpenedBundle> {
  const bytes = await sealTestBundle(w.mallory, entries, PASSPHRASE, { source: await testCard(w.mallory, 'Mallory'), ...extra });
  return withVerifiedSeals(await openBundle(bytes, SECRETS, { validators }));
}

function stamp(keysOrDevice: TestKeys | string, at = Date.now(), counter = 0): string {
  return formatStamp(at, counter, typeof keysOrDevice === 'string' ? keysOrDevice : deviceOf(keysOrDevice));
}

/** The erased form of a record, as the repository writes it, stamped by `by`. */
function erased(record: SyncRecord, by: string): SyncRecord {
  return { id: record.id, createdAt: record.createdAt, updatedAt: new Date().toISOString(), authorDevice: record.authorDevice, versions: { deleted: by, erased: by }, deleted: 1, erased: 1 };
}

function withoutSeqAndSeal(record: SyncRecord): SyncRecord {
  const { seq: _seq, seal: _seal, ...rest } = record;
  return rest as SyncRecord;
}

describe('a hostile sender, enrolled (an insider gone rogue)', () => {
  let w: World;
  beforeEach(async () => { w = await world({ malloryEnrolled: true }); });

  it('cannot erase another device\'s followed people: the erasure waits for a person, shown apart with its author', async () => {
    const opened = await fromMallory(w, [{ kind: 'beneficiary', record: erased(w.person, stamp(w.mallory)) }]);
    const before = await recordsOf(w.coordinator);
    const plan = await previewImport(w.coordinator.db, opened);
    expect(plan.sender.held).toBe(false);
    expect(plan.review).toEqual([expect.objectContaining({ action: 'erase', kind: 'beneficiary', authorName: 'Aïcha Benali', ids: [w.person.id] })]);
    expect(plan.counts).toMatchObject({ deleted: 0, updated: 0 });
    const report = await importBundle(w.coordinator.db, opened, { fileName: 'm.relais', review: 'none' });
    expect(report).toMatchObject({ heldForReview: 1, refused: 0 });
    expect(await recordsOf(w.coordinator)).toBe(before);
    expect(await quarantinedRecords(w.coordinator.db)).toEqual([expect.objectContaining({ reason: 'review', action: 'erase', recordId: w.person.id, sourceName: 'Mallory' })]);
  });

  it('an erasure stamped years in the past does not escape review (it is no quarantine of the future)', async () => {
    const opened = await fromMallory(w, [{ kind: 'beneficiary', record: erased(w.person, stamp(w.mallory, Date.parse('2019-01-01T00:00:00.000Z'))) }]);
    const before = await recordsOf(w.coordinator);
    expect((await previewImport(w.coordinator.db, opened)).review).toHaveLength(1);
    await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    expect(await recordsOf(w.coordinator)).toBe(before);
    // The author re-sending its records brings nothing back: nothing was lost.
    expect((await w.coordinator.db.beneficiaries.get(w.person.id))?.code).toBe('B-0042');
  });

  it('a tombstone on someone else\'s activity or village is reviewed, never applied by clock alone', async () => {
    const later = stamp(w.mallory, Date.now() + 60_000);
    const opened = await fromMallory(w, [
      { kind: 'activity', record: { ...withoutSeqAndSeal(w.activity), deleted: 1, versions: { ...w.activity.versions, deleted: later } } },
      { kind: 'village', record: { ...withoutSeqAndSeal(w.village), deleted: 1, versions: { ...w.village.versions, deleted: later } } },
    ]);
    const before = await recordsOf(w.coordinator);
    const plan = await previewImport(w.coordinator.db, opened);
    expect(plan.review.map((g) => `${g.action}:${g.kind}`).sort()).toEqual(['delete:activity', 'delete:village']);
    await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    expect(await recordsOf(w.coordinator)).toBe(before);
    // A person who chooses to apply them gets exactly that.
    const again = await fromMallory(w, [{ kind: 'village', record: { ...withoutSeqAndSeal(w.village), deleted: 1, versions: { ...w.village.versions, deleted: later } } }]);
    await importBundle(w.coordinator.db, again, { fileName: 'm2.relais', review: 'all' });
    expect((await w.coordinator.db.villages.get(w.village.id))?.deleted).toBe(1);
  });

  it('cannot rewrite another device\'s activity, even stamped with that device\'s id: refused, the rest imports', async () => {
    const aicha = w.activity.authorDevice;
    const rewritten = { ...withoutSeqAndSeal(w.activity), notes: 'Réécrit', versions: { ...w.activity.versions, notes: stamp(aicha, Date.now() + 1000) } };
    const mine = stampedRecord({ ...VILLAGE_DATA, commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' }, Date.now(), 0, deviceOf(w.mallory));
    const opened = await fromMallory(w, [{ kind: 'activity', record: rewritten }, { kind: 'village', record: mine }]);
    const plan = await previewImport(w.coordinator.db, opened);
    expect(plan.refused).toEqual([{ reason: 'notAuthor', kind: 'activity', count: 1 }]);
    expect(plan.counts.new).toBe(1);
    const report = await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    expect(report).toMatchObject({ refused: 1, counts: { new: 1 } });
    expect((await w.coordinator.db.activities.get(w.activity.id))?.notes).toBe('Première visite');
    expect(await w.coordinator.db.villages.get(mine.id)).toBeDefined();
  });

  it('cannot stamp a change in the receiver\'s own name (it would pass for her own edit, no conflict logged)', async () => {
    const { deviceId } = await ensureIdentity(w.coordinator.db);
    const forged = { ...withoutSeqAndSeal(w.village), notes: 'Au nom de la coordinatrice', versions: { ...w.village.versions, notes: stamp(deviceId, Date.now() + 1000) } };
    const opened = await fromMallory(w, [{ kind: 'village', record: forged }]);
    const before = await recordsOf(w.coordinator);
    expect((await previewImport(w.coordinator.db, opened)).refused).toEqual([{ reason: 'forgedStamp', kind: 'village', count: 1 }]);
    await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    expect(await recordsOf(w.coordinator)).toBe(before);
  });

  it('cannot take over a record by claiming another author or an earlier creation', async () => {
    const takeover = { ...withoutSeqAndSeal(w.person), authorDevice: deviceOf(w.mallory), createdAt: '2020-01-01T00:00:00.000Z', code: 'B-0666',
      versions: { ...w.person.versions, code: stamp(w.mallory, Date.now() + 1000) } };
    const opened = await fromMallory(w, [{ kind: 'beneficiary', record: takeover }]);
    const before = await recordsOf(w.coordinator);
    expect((await previewImport(w.coordinator.db, opened)).refused).toEqual([{ reason: 'authorChanged', kind: 'beneficiary', count: 1 }]);
    await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    expect(await recordsOf(w.coordinator)).toBe(before);
  });

  it('cannot forge an author\'s seal on a relayed record (the seal is checked against the author\'s card)', async () => {
    const aichaCard = await testCard(await ensureDeviceKeys(w.mediator.db));
    const relayed = { ...withoutSeqAndSeal(w.activity), notes: 'Relayé, modifié', seal: w.activity.seal, versions: { ...w.activity.versions, notes: stamp(w.activity.authorDevice, Date.now() + 1000) } };
    const opened = await fromMallory(w, [{ kind: 'activity', record: relayed }], { authors: [aichaCard] });
    expect(opened.sealedBy?.size).toBe(0);
    expect((await previewImport(w.coordinator.db, opened)).refused).toEqual([{ reason: 'notAuthor', kind: 'activity', count: 1 }]);
  });

  it('cannot make Aïcha\'s own erasure unprovable: erasing it again, with a seal of its own, keeps hers', async () => {
    await w.mediator.beneficiaries.erase(w.person.id);
    const up = await exportBundle(w.mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
    await receiveBundle(w.coordinator.db, up.bytes, { secrets: SECRETS, validators });
    const hers = (await w.coordinator.db.beneficiaries.get(w.person.id)) as unknown as SyncRecord;
    expect(hers.seal).toBeDefined();
    const again = { ...erased(hers, stamp(w.mallory, Date.now() + 60_000)), seal: uuidv7() };
    await importBundle(w.coordinator.db, await fromMallory(w, [{ kind: 'beneficiary', record: again }]), { fileName: 'm.relais' });
    const kept = (await w.coordinator.db.beneficiaries.get(w.person.id)) as unknown as SyncRecord;
    expect({ seal: kept.seal, versions: kept.versions }).toEqual({ seal: hers.seal, versions: hers.versions });
  });

  it('cannot take the id of a record Aïcha has not sent yet for a record of her own (ids name their author)', async () => {
    const next = await w.mediator.activities.create({ ...ACTIVITY, notes: 'Pas encore envoyée' });
    const squatter = stampedRecord({ ...ACTIVITY }, Date.now(), 0, deviceOf(w.mallory));
    const opened = await fromMallory(w, [{ kind: 'activity', record: { ...squatter, id: next.id } }]);
    expect((await previewImport(w.coordinator.db, opened)).refused).toEqual([{ reason: 'idOfAnother', kind: 'activity', count: 1 }]);
    await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    const real = await exportBundle(w.mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
    expect(await receiveBundle(w.coordinator.db, real.bytes, { secrets: SECRETS, validators })).toMatchObject({ refused: 0, counts: { new: 1 } });
    expect((await w.coordinator.db.activities.get(next.id))?.notes).toBe('Pas encore envoyée');
  });

  it('a bundle id belongs to its signer: Mallory reusing Aïcha\'s next bundle id cannot make the real one look imported', async () => {
    await w.mediator.activities.create({ ...ACTIVITY, notes: 'Deuxième visite' });
    const real = await exportBundle(w.mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
    const forged = await fromMallory(w, [], { bundleId: real.manifest.bundleId, range: { from: 1, to: 10_000 } });
    await importBundle(w.coordinator.db, forged, { fileName: 'faux.relais' });
    const report = await receiveBundle(w.coordinator.db, real.bytes, { secrets: SECRETS, validators });
    expect(report).toMatchObject({ alreadyImported: false, counts: { new: 1 } });
  });

  it('ranges belong to their signer: a forged range neither hides nor invents a gap in another device\'s bundles', async () => {
    // Aïcha's second bundle never arrives; her third does: a gap.
    await w.mediator.activities.create({ ...ACTIVITY, notes: 'Perdue' });
    await (await exportBundle(w.mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' })).commit();
    await w.mediator.activities.create({ ...ACTIVITY, notes: 'Arrivée' });
    const third = await exportBundle(w.mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
    await receiveBundle(w.coordinator.db, third.bytes, { secrets: SECRETS, validators });
    const gapsBefore = await missingBundles(w.coordinator.db);
    expect(gapsBefore).toHaveLength(1);
    // Mallory claims to cover every counter (to hide the gap), then a late range (to invent one): both are hers.
    await importBundle(w.coordinator.db, await fromMallory(w, [], { range: { from: 1, to: 10_000 } }), { fileName: 'a.relais' });
    await importBundle(w.coordinator.db, await fromMallory(w, [], { range: { from: 20_000, to: 20_001 } }), { fileName: 'b.relais' });
    const gaps = await missingBundles(w.coordinator.db);
    expect(gaps.find((g) => g.deviceId === gapsBefore[0].deviceId)).toEqual(gapsBefore[0]);
    expect(gaps.find((g) => g.deviceId === deviceOf(w.mallory))?.gaps).toEqual([expect.objectContaining({ from: 10_001, to: 19_999 })]);
    expect(gaps).toHaveLength(2);
  });

  it('a bundle made for someone else and re-encrypted is flagged in the preview', async () => {
    const keys = await ensureDeviceKeys(w.coordinator.db);
    const bytes = await sealTestBundle(w.mallory, [], { type: 'recipient', recipient: keys.ageRecipient }, {
      source: await testCard(w.mallory, 'Mallory'), recipientCard: { deviceId: 'd4'.repeat(16), name: 'Claire' },
    });
    const reencrypted = await openBundle(bytes, { identity: keys.ageIdentity }, { validators });
    expect((await previewImport(w.coordinator.db, reencrypted)).madeForSomeoneElse).toEqual({ name: 'Claire', deviceId: 'd4'.repeat(16) });
  });

  it('what was refused or held is not re-exported to anyone', async () => {
    const later = stamp(w.mallory, Date.now() + 60_000);
    const opened = await fromMallory(w, [
      { kind: 'beneficiary', record: erased(w.person, stamp(w.mallory)) },
      { kind: 'activity', record: { ...withoutSeqAndSeal(w.activity), notes: 'Réécrit', versions: { ...w.activity.versions, notes: later } } },
      { kind: 'village', record: { ...withoutSeqAndSeal(w.village), deleted: 1, versions: { ...w.village.versions, deleted: later } } },
    ]);
    await importBundle(w.coordinator.db, opened, { fileName: 'm.relais' });
    const other = openTestRelais('other');
    await enrolEachOther(w.coordinator, other);
    const full = await exportBundle(w.coordinator.db, { kind: 'full', protection: PASSPHRASE, author: { name: 'Bérénice', structure: 'Nièvre' }, app: 'test' });
    const out = await openBundle(full.bytes, SECRETS, { validators });
    const byId = new Map(out.entries.map((e) => [e.record.id, e.record]));
    expect(byId.get(w.person.id)).toMatchObject({ erased: 0, code: 'B-0042' });
    expect(byId.get(w.activity.id)).toMatchObject({ notes: 'Première visite', deleted: 0 });
    expect(byId.get(w.village.id)).toMatchObject({ deleted: 0 });
    // And Aïcha's records travel on with her seal, which the next receiver checks against her card.
    expect(out.manifest.authors.map((c) => c.deviceId)).toEqual([w.person.authorDevice]);
    expect((await withVerifiedSeals(out)).sealedBy?.get(w.activity.id)).toBe(w.activity.authorDevice);
  });
});

describe('a hostile sender, not enrolled', () => {
  it('changes nothing: its bundle is held until a person enrols its key, both fingerprints shown when it borrows a name', async () => {
    const w = await world({ malloryEnrolled: false });
    const aicha = await ensureDeviceKeys(w.mediator.db);
    const opened = await fromMallory(w, [{ kind: 'beneficiary', record: erased(w.person, stamp(w.mallory)) }]);
    // Mallory calls herself Aïcha Benali.
    const posing = await sealTestBundle(w.mallory, [], PASSPHRASE, { source: await testCard(w.mallory, 'Aïcha Benali') });
    const before = await snapshot(w.coordinator.db);
    const plan = await previewImport(w.coordinator.db, await openBundle(posing, SECRETS, { validators }));
    expect(plan.sender).toMatchObject({ status: 'unenrolled', held: true, print: fingerprintOfKey(w.mallory.signingPublicKey) });
    expect(plan.sender.lookalikes.map((c) => c.print)).toEqual([fingerprintOfKey(aicha.signingPublicKey)]);
    await expect(importBundle(w.coordinator.db, opened, { fileName: 'm.relais' })).rejects.toBeInstanceOf(HeldBundleError);
    expect(await snapshot(w.coordinator.db)).toBe(before);
  });

  it('cannot claim a device id with another key: refused before anything else', async () => {
    const w = await world({ malloryEnrolled: false });
    const card = await testCard(w.mallory, 'Aïcha Benali');
    const bytes = await sealTestBundle(w.mallory, [], PASSPHRASE, { source: { ...card, deviceId: w.person.authorDevice } });
    const error = await openBundle(bytes, SECRETS, { validators }).catch((e: unknown) => e);
    expect(bundleErrorCode(error)).toBe('deviceIdMismatch');
  });

  it('cannot claim a legacy id another key holds: held, showing the holder\'s fingerprint too', async () => {
    const w = await world({ malloryEnrolled: false });
    const legacy = '0a1b2c3d4e5f6071';
    const aicha = await ensureDeviceKeys(w.mediator.db);
    await w.coordinator.db.aliases.put({ legacyId: legacy, deviceId: w.person.authorDevice, evidence: 'history', at: '2026-01-01T00:00:00.000Z' });
    await enrolCard(w.coordinator.db, await testCard(w.mallory, 'Mallory'));
    const claiming = await signCard({ ...(await testCard(w.mallory, 'Mallory')), legacyDeviceIds: [legacy] }, w.mallory.signer);
    const bytes = await sealTestBundle(w.mallory, [], PASSPHRASE, { source: claiming });
    const plan = await previewImport(w.coordinator.db, await openBundle(bytes, SECRETS, { validators }));
    expect(plan.sender.held).toBe(true);
    expect(plan.sender.claimedElsewhere).toEqual([{ legacyId: legacy, holder: expect.objectContaining({ print: fingerprintOfKey(aicha.signingPublicKey) }) }]);
  });

  it('a card can never replace another: a card with her device id and another key is refused; one with her name is another device', async () => {
    const w = await world({ malloryEnrolled: false });
    const aichaCard = (await enrolledCards(w.coordinator.db)).find((c) => c.deviceId === w.person.authorDevice)!;
    const forged = { ...(await testCard(w.mallory, 'Aïcha Benali')), deviceId: aichaCard.deviceId };
    await expect(readCard(new TextEncoder().encode(JSON.stringify(forged)))).rejects.toMatchObject({ code: 'invalidCard' });
    // Enrolling a card that borrows her name adds a device; hers, and what is encrypted to her, stay.
    await enrolCard(w.coordinator.db, await testCard(w.mallory, 'Aïcha Benali'));
    const cards = await enrolledCards(w.coordinator.db);
    expect(cards.find((c) => c.deviceId === aichaCard.deviceId)).toMatchObject({ ageRecipient: aichaCard.ageRecipient, signingKey: aichaCard.signingKey });
    expect(cards.filter((c) => c.name === 'Aïcha Benali')).toHaveLength(2);
  });
});

describe('records that are not what Relais stores', () => {
  it('a followed person carrying nom, telephone and adresse is refused, naming the fields', async () => {
    const coordinator = openTestRelais('coordinator');
    const mallory = await testDeviceKeys();
    await enrolCard(coordinator.db, await testCard(mallory, 'Mallory'));
    const person = stampedRecord({ ...PERSON, nom: 'Dupont', telephone: '0612345678', adresse: '3 rue des Lilas' } as Record<string, unknown>, Date.now(), 0, deviceOf(mallory));
    const bytes = await sealTestBundle(mallory, [{ kind: 'beneficiary', record: person }], PASSPHRASE);
    const before = await snapshot(coordinator.db);
    const error = await openBundle(bytes, SECRETS, { validators }).catch((e: unknown) => e);
    expect(bundleErrorCode(error)).toBe('invalidRecords');
    expect(bundleErrorIssues(error).map((i) => `${i.kind}.${i.field}:${i.code}`).sort())
      .toEqual(['beneficiary.adresse:unknownField', 'beneficiary.nom:unknownField', 'beneficiary.telephone:unknownField']);
    expect(await snapshot(coordinator.db)).toBe(before);
  });

  it('an unencrypted bundle holding followed people is refused on import, as on export', async () => {
    const mallory = await testDeviceKeys();
    const person = stampedRecord({ ...PERSON }, Date.now(), 0, deviceOf(mallory));
    const { forgeBundle } = await import('../../testkit/hostileCorpus');
    const bytes = await forgeBundle({
      keys: mallory, payloadText: JSON.stringify({ kind: 'beneficiary', record: person }), manifest: (m) => ({ ...m, counts: { beneficiary: 1 } }),
    });
    expect(bundleErrorCode(await openBundle(bytes, {}, { validators }).catch((e: unknown) => e))).toBe('personalDataInClear');
  });

  it('the same record twice in one bundle is refused', async () => {
    const mallory = await testDeviceKeys();
    const village = stampedRecord(VILLAGE_DATA, Date.now(), 0, deviceOf(mallory));
    const bytes = await sealTestBundle(mallory, [{ kind: 'village', record: village }, { kind: 'village', record: { ...village, notes: 'x', versions: { ...village.versions, notes: village.versions.deleted } } }], PASSPHRASE);
    const error = await openBundle(bytes, SECRETS, { validators }).catch((e: unknown) => e);
    expect(bundleErrorCode(error)).toBe('invalidRecords');
    expect(bundleErrorIssues(error)).toEqual([expect.objectContaining({ field: 'id', code: 'repeatedId' })]);
  });
});

describe('a coordinator relaying her team\'s records', () => {
  it('reaches a mediator who never enrolled their author: each record proved by its author\'s seal and card', async () => {
    const aicha = openTestRelais('aicha');
    const berenice = openTestRelais('berenice');
    const chloe = openTestRelais('chloe');
    await enrolEachOther(aicha, berenice);
    await enrolEachOther(berenice, chloe);
    const person = await aicha.beneficiaries.create(PERSON);
    const activity = await aicha.activities.create({ ...ACTIVITY, beneficiaryIds: [person.id] });
    const up = await exportBundle(aicha.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
    await receiveBundle(berenice.db, up.bytes, { secrets: SECRETS, validators });
    const down = await exportBundle(berenice.db, { kind: 'full', protection: PASSPHRASE, author: { name: 'Bérénice', structure: 'Nièvre' }, app: 'test' });
    expect(down.manifest.authors.map((c) => c.name)).toEqual(['Aïcha Benali']);
    const opened = await withVerifiedSeals(await openBundle(down.bytes, SECRETS, { validators }));
    expect([...(opened.sealedBy?.values() ?? [])]).toEqual([activity.authorDevice, activity.authorDevice]);
    const report = await importBundle(chloe.db, opened, { fileName: 'down.relais' });
    expect(report).toMatchObject({ refused: 0, counts: { new: 2 } });
    expect((await chloe.db.activities.get(activity.id))?.notes).toBe('Première visite');
    // Chloé now knows Aïcha's card (to check and relay further), without trusting it for Aïcha's own bundles.
    expect(await chloe.db.cards.get(activity.authorDevice)).toMatchObject({ trust: 'relayed', name: 'Aïcha Benali' });
    // Bérénice's unsealed copy of Aïcha's record (received before the trust rules, say) stays with her.
    await berenice.db.activities.update(activity.id, { seal: undefined });
    const summary = await exportBundle(berenice.db, { kind: 'full', protection: PASSPHRASE, author: { name: 'Bérénice', structure: 'Nièvre' }, app: 'test' });
    expect(summary.manifest.counts.activity ?? 0).toBe(0);
  });
});

describe('cards imported before enrolment existed (schema < 6)', () => {
  it('are held until a person confirms the fingerprint', async () => {
    const coordinator = openTestRelais('coordinator');
    const mediator = openTestRelais('mediator');
    const card = await cardOfTestDevice(mediator);
    await coordinator.db.cards.put({ ...card, importedAt: '2026-01-01T00:00:00.000Z', trust: 'unconfirmed' });
    await enrol(mediator, coordinator);
    await mediator.villages.create(VILLAGE_DATA as never);
    const bundle = await exportBundle(mediator.db, { kind: 'changes', protection: PASSPHRASE, author: { name: 'Aïcha Benali', structure: 'Lormes' }, app: 'test' });
    const opened = await withVerifiedSeals(await openBundle(bundle.bytes, SECRETS, { validators }));
    expect((await previewImport(coordinator.db, opened)).sender).toMatchObject({ status: 'unconfirmed', held: true });
    await enrolCard(coordinator.db, card);
    expect((await importBundle(coordinator.db, opened, { fileName: 'x.relais' })).counts.new).toBe(1);
  });
});

describe('enrolment both ways', () => {
  it('a mediator enrols her coordinator before importing from her, and encrypts only to enrolled cards', async () => {
    const coordinator = openTestRelais('coordinator');
    const mediator = openTestRelais('mediator');
    await enrol(coordinator, mediator);
    await coordinator.villages.create(VILLAGE_DATA as never);
    const mediatorKeys = await ensureDeviceKeys(mediator.db);
    await expect(exportBundle(coordinator.db, { kind: 'changes', protection: { type: 'recipient', recipient: (await ensureDeviceKeys(openTestRelais('x').db)).ageRecipient }, author: { name: 'B', structure: 'N' }, app: 't' }))
      .rejects.toThrow(/enrolled/);
    const down = await exportBundle(coordinator.db, { kind: 'changes', protection: { type: 'recipient', recipient: mediatorKeys.ageRecipient }, author: { name: 'Bérénice', structure: 'N' }, app: 't' });
    const opened = await withVerifiedSeals(await openBundle(down.bytes, { identity: mediatorKeys.ageIdentity }, { validators }));
    expect((await previewImport(mediator.db, opened)).sender).toMatchObject({ status: 'unenrolled', held: true });
    await enrol(mediator, coordinator);
    expect((await previewImport(mediator.db, opened)).sender).toMatchObject({ status: 'enrolled', held: false });
    expect((await importBundle(mediator.db, opened, { fileName: 'down.relais' })).counts.new).toBe(1);
  });
});
