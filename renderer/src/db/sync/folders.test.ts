/**
 * Synced folders, database side (issue 14): the outbox's bundles for each enrolled coordinator, and
 * files arrived in the inbox imported under the trust rules — held, skipped when seen before, retried
 * when truncated, refused with their reason.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cardOfTestDevice, closeTestDatabases, openTestRelais } from '../../testkit/sync';
import { ensureIdentity } from '../identity';
import { eachEntry } from '../../domain/sync/packed';
import { CHUNK } from './tables';
import {
  dismissInboxFile, enrolCard, ensureDeviceKeys, exportBundle, heldInboxFiles, importBundle, inboxSummary, openBundleOffThread,
  outboxHasChanges, prepareOutbox, receiveInboxFile, recentImports, releaseHeldInboxFiles,
} from './index';
import type { Relais } from '../index';
import { readMediators } from '../mediators';
import type { Village } from '../../domain/records';

const AUTHOR = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' };
const LORMES: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' };
const ARVIEU: Village = { commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' };

afterEach(closeTestDatabases);

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A mediator and a coordinator who enrolled each other (the coordinator's card says so). */
async function pair(): Promise<{ mediator: Relais; coordinator: Relais }> {
  const mediator = openTestRelais('mediator');
  const coordinator = openTestRelais('coordinator');
  await enrolCard(mediator.db, await cardOfTestDevice(coordinator, 'Bérénice Martin', 'coordinateur'));
  await enrolCard(coordinator.db, await cardOfTestDevice(mediator, 'Aïcha Benali', 'mediateur'));
  return { mediator, coordinator };
}

async function outboxOf(relais: Relais) {
  const { deviceId } = await ensureIdentity(relais.db);
  return prepareOutbox(relais.db, { author: AUTHOR, app: 'test', deviceId });
}

function arrival(relais: Relais, bytes: Uint8Array, fileName = 'relais-a.relais') {
  return {
    fileName, sha256: sha(bytes), read: async () => bytes,
    identity: async () => (await ensureDeviceKeys(relais.db)).ageIdentity,
  };
}

describe('the outbox', () => {
  it('writes nothing without an enrolled coordinator, or without changes', async () => {
    const alone = openTestRelais('alone');
    await alone.villages.create(LORMES);
    expect(await outboxOf(alone)).toMatchObject({ bundles: [], empty: 'noCoordinator' });

    const { mediator } = await pair();
    expect(await outboxOf(mediator)).toMatchObject({ bundles: [], empty: 'noChanges' });
  });

  it('makes one bundle per coordinator, named by sender, range and recipient; once written, the next holds only newer changes', async () => {
    const { mediator, coordinator } = await pair();
    const second = openTestRelais('coordinator2');
    await enrolCard(mediator.db, await cardOfTestDevice(second, 'Chloé Durand', 'coordinateur'));
    await mediator.villages.create(LORMES);
    const first = await outboxOf(mediator);
    expect(first.bundles.map((b) => b.recipient.name).sort()).toEqual(['Bérénice Martin', 'Chloé Durand']);
    expect(new Set(first.bundles.map((b) => b.suggestedName)).size).toBe(2);
    expect(first.bundles[0].suggestedName).toMatch(/^relais-mediatheque-de-lormes-aicha-benali-\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9]{8}-\d+-[a-z0-9]{4}\.relais$/);
    await first.commit();
    expect(await outboxHasChanges(mediator.db)).toBe(false);
    expect((await outboxOf(mediator)).bundles).toEqual([]);

    await mediator.villages.create(ARVIEU);
    const next = await outboxOf(mediator);
    const mine = next.bundles.find((b) => b.recipient.name === 'Bérénice Martin')!;
    const opened = await openBundleOffThread(mine.bytes, { identity: (await ensureDeviceKeys(coordinator.db)).ageIdentity }, { db: coordinator.db });
    expect([...eachEntry(opened.entries, CHUNK)].map((e) => (e.record as unknown as Village).commune.nom)).toEqual(['Arvieu']);
  });

  it('is not starved by a person\'s manual export: it carries the changes since its own last write', async () => {
    const { mediator } = await pair();
    await mediator.villages.create(LORMES);
    const manual = await exportBundle(mediator.db, { kind: 'changes', protection: { type: 'passphrase', passphrase: 'quatre mots bien choisis' }, author: AUTHOR, app: 'test' });
    await manual.commit();
    const outbox = await outboxOf(mediator);
    expect(outbox.bundles).toHaveLength(1);
    expect(outbox.bundles[0].recordCount).toBe(1);
  });
});

describe('the inbox', () => {
  it('imports an enrolled sender\'s bundle with no click, and skips the same bytes when they come again', async () => {
    const { mediator, coordinator } = await pair();
    await mediator.villages.create(LORMES);
    const [bundle] = (await outboxOf(mediator)).bundles;
    const step = await receiveInboxFile(coordinator.db, arrival(coordinator, bundle.bytes, bundle.suggestedName));
    expect(step).toMatchObject({ settle: 'done', seenBefore: false, row: { outcome: 'imported', sourceName: 'Aïcha Benali', counts: { new: 1 } } });
    expect((await coordinator.db.villages.toArray()).map((v) => v.commune.nom)).toEqual(['Lormes']);
    expect((await recentImports(coordinator.db, 5)).map((r) => r.sourceName)).toEqual(['Aïcha Benali']);

    // The same file again (a restart, or a copy under another name): recognised by its hash, not read.
    let read = false;
    const again = await receiveInboxFile(coordinator.db, { ...arrival(coordinator, bundle.bytes, 'copie.relais'), read: async () => { read = true; return bundle.bytes; } });
    expect(again).toMatchObject({ settle: 'done', seenBefore: true, row: { outcome: 'imported', timesSeen: 2, fileName: bundle.suggestedName } });
    expect(read).toBe(false);
    expect(await recentImports(coordinator.db, 5)).toHaveLength(1);
    expect((await inboxSummary(coordinator.db)).lastReceived).toBeDefined();
  });

  it('what arrives this way counts as hearing from the mediator (the coordinator\'s mediators view)', async () => {
    const { mediator, coordinator } = await pair();
    await mediator.villages.create(LORMES);
    const before = (await readMediators(coordinator.db)).rows.find((row) => row.name === 'Aïcha Benali');
    expect(before).toMatchObject({ bundles: 0, quiet: true });
    const [bundle] = (await outboxOf(mediator)).bundles;
    await receiveInboxFile(coordinator.db, arrival(coordinator, bundle.bytes, bundle.suggestedName));
    const after = (await readMediators(coordinator.db)).rows.find((row) => row.name === 'Aïcha Benali');
    expect(after).toMatchObject({ bundles: 1, recordsReceived: 1, daysSilent: 0, quiet: false });
  });

  it('leaves a truncated file for later, records nothing, and imports it whole once complete', async () => {
    const { mediator, coordinator } = await pair();
    await mediator.villages.create(LORMES);
    const [bundle] = (await outboxOf(mediator)).bundles;
    const half = bundle.bytes.slice(0, Math.floor(bundle.bytes.length / 2));
    expect(await receiveInboxFile(coordinator.db, arrival(coordinator, half))).toEqual({ settle: 'retry', why: 'truncated' });
    expect(await coordinator.db.inboxFiles.count()).toBe(0);
    expect(await coordinator.db.villages.count()).toBe(0);
    expect(await receiveInboxFile(coordinator.db, arrival(coordinator, bundle.bytes))).toMatchObject({ row: { outcome: 'imported' } });
    expect(await coordinator.db.villages.count()).toBe(1);
  });

  it('holds a bundle from a key not enrolled here, with its bytes, until a person decides', async () => {
    const mediator = openTestRelais('stranger');
    const coordinator = openTestRelais('coordinator');
    await enrolCard(mediator.db, await cardOfTestDevice(coordinator, 'Bérénice Martin', 'coordinateur'));
    await mediator.villages.create(LORMES);
    const [bundle] = (await outboxOf(mediator)).bundles;
    const step = await receiveInboxFile(coordinator.db, arrival(coordinator, bundle.bytes));
    expect(step).toMatchObject({ settle: 'done', row: { outcome: 'held', reason: 'notEnrolled', sourceName: 'Aïcha Benali' } });
    expect(await coordinator.db.villages.count()).toBe(0);
    const [held] = await heldInboxFiles(coordinator.db);
    expect(held.bytes).toEqual(bundle.bytes);

    // The person opens it in the import panel, enrols the sender by fingerprint, imports: it leaves the list.
    const opened = await openBundleOffThread(held.bytes!, { identity: (await ensureDeviceKeys(coordinator.db)).ageIdentity }, { db: coordinator.db });
    await enrolCard(coordinator.db, opened.manifest.source);
    await importBundle(coordinator.db, opened, { fileName: held.fileName });
    expect(await heldInboxFiles(coordinator.db)).toEqual([]);
  });

  it('imports a held file with no click once its sender is enrolled (from the cards panel)', async () => {
    const mediator = openTestRelais('stranger');
    const coordinator = openTestRelais('coordinator');
    await enrolCard(mediator.db, await cardOfTestDevice(coordinator, 'Bérénice Martin', 'coordinateur'));
    await mediator.villages.create(LORMES);
    const [bundle] = (await outboxOf(mediator)).bundles;
    await receiveInboxFile(coordinator.db, arrival(coordinator, bundle.bytes));
    const identity = async () => (await ensureDeviceKeys(coordinator.db)).ageIdentity;
    expect(await releaseHeldInboxFiles(coordinator.db, identity)).toEqual([]); // still not enrolled: stays held
    expect(await heldInboxFiles(coordinator.db)).toHaveLength(1);

    await enrolCard(coordinator.db, await cardOfTestDevice(mediator, 'Aïcha Benali', 'mediateur'));
    const [released] = await releaseHeldInboxFiles(coordinator.db, identity);
    expect(released).toMatchObject({ outcome: 'imported', sourceName: 'Aïcha Benali', counts: { new: 1 } });
    expect(released.bytes).toBeUndefined();
    expect(await heldInboxFiles(coordinator.db)).toEqual([]);
    expect(await coordinator.db.villages.count()).toBe(1);
  });

  it('a held file a person dismisses leaves the list and drops its bytes', async () => {
    const coordinator = openTestRelais('coordinator');
    const bytes = await (async () => {
      const stranger = openTestRelais('stranger');
      await stranger.villages.create(LORMES);
      return (await exportBundle(stranger.db, { kind: 'changes', protection: { type: 'passphrase', passphrase: 'quatre mots bien choisis' }, author: AUTHOR, app: 'test' })).bytes;
    })();
    const step = await receiveInboxFile(coordinator.db, arrival(coordinator, bytes));
    expect(step).toMatchObject({ row: { outcome: 'held', reason: 'needsPassphrase' } });
    await dismissInboxFile(coordinator.db, sha(bytes));
    expect(await heldInboxFiles(coordinator.db)).toEqual([]);
    expect((await coordinator.db.inboxFiles.get(sha(bytes)))?.bytes).toBeUndefined();
  });

  it('keeps quietly a bundle encrypted to another device (a folder several devices share, or its own outbox)', async () => {
    const { mediator } = await pair();
    await mediator.villages.create(LORMES);
    const [bundle] = (await outboxOf(mediator)).bundles; // for the coordinator
    expect(await receiveInboxFile(mediator.db, arrival(mediator, bundle.bytes))).toMatchObject({ row: { outcome: 'notForMe', reason: 'notForThisUser' } });
    expect((await inboxSummary(mediator.db)).refusedRecently).toBe(0);
  });

  it('refuses a file that is not a bundle, saying why, and keeps that result', async () => {
    const coordinator = openTestRelais('coordinator');
    const bytes = new TextEncoder().encode('not a bundle at all');
    expect(await receiveInboxFile(coordinator.db, arrival(coordinator, bytes))).toMatchObject({ row: { outcome: 'refused', reason: 'notABundle' } });
    expect((await inboxSummary(coordinator.db)).refusedRecently).toBe(1);
  });
});
