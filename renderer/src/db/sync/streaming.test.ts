/**
 * The large-bundle paths of db/sync/: exports read in chunks (by primary key for "everything", by
 * change counter for "changes"), imports reading stored records by id ranges or by id, and a bundle
 * recognised as already imported before its records are read. Sizes cross the 2000-record chunk.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle, snapshot } from '../../testkit/sync';
import { enrolCard, ensureDeviceKeys, exportBundle, importBundle, leaveOutHeldRecords, previewImport } from './index';
import { ensureIdentity } from '../identity';
import { bundleKey } from '../../domain/sync/bundle';
import { openBundle } from '../../domain/sync/bundle';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { sealTestBundle, testCard, villageRecord } from '../../testkit/hostileCorpus';
import { isImported } from './status';
import { formatStamp } from '../../domain/hlc';
import { syncedContent, type SyncRecord } from '../../domain/sync/merge';
import type { Relais } from '../index';

const AUTHOR = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' };
const validators = RECORD_VALIDATORS;
const BASE = Date.parse('2025-03-03T09:00:00.000Z');

afterEach(closeTestDatabases);

/** `count` villages written straight into the table, with change counters 1…count. */
async function seedVillages(relais: Relais, count: number): Promise<SyncRecord[]> {
  const records = Array.from({ length: count }, (_, i) => ({ ...villageRecord({}, BASE + i), seq: i + 1 }));
  await relais.db.villages.bulkPut(records as never);
  await relais.db.meta.put({ key: 'seq', value: count });
  return records;
}

/** A bundle from `from` encrypted to `to`, which enrolled `from`. */
async function exportTo(from: Relais, to: Relais, kind: 'changes' | 'full') {
  const keys = await ensureDeviceKeys(to.db);
  const { deviceId } = await ensureIdentity(to.db);
  await enrolEachOther(from, to);
  const prepared = await exportBundle(from.db, {
    kind, protection: { type: 'recipient', recipient: keys.ageRecipient }, recipientCard: { deviceId, name: 'B' }, author: AUTHOR, app: 'test',
  });
  return { prepared, secrets: { identity: keys.ageIdentity } };
}

async function villagesOf(relais: Relais): Promise<string[]> {
  return ((await relais.db.villages.toArray()) as unknown as SyncRecord[]).map(syncedContent).sort();
}

async function maxSeq(relais: Relais): Promise<number> {
  return ((await relais.db.villages.orderBy('seq').last()) as SyncRecord | undefined)?.seq ?? 0;
}

describe('export in chunks', () => {
  it('a full export carries every record exactly once across chunks', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await seedVillages(a, 4100);
    const { prepared, secrets } = await exportTo(a, b, 'full');
    expect(prepared.manifest.recordCount).toBe(4100);
    expect(prepared.manifest.range).toEqual({ from: 1, to: 4100 });
    const report = await receiveBundle(b.db, prepared.bytes, { secrets, validators });
    expect(report.counts.new).toBe(4100);
    expect(await villagesOf(b)).toEqual(await villagesOf(a));
  });

  it('a changes export pages through the change counter from the mark, beyond one chunk', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    const records = await seedVillages(a, 2600);
    await (await exportTo(a, b, 'changes')).prepared.commit(); // mark at 2600
    // 2300 records edited later (counters 2601…4900), the first 300 untouched.
    const edited = records.slice(300).map((r, i) => ({
      ...r, population: i, seq: 2601 + i,
      versions: { ...r.versions, population: formatStamp(BASE + 10_000_000 + i, 0, 'aaaaaaaaaaaaaaaa') },
    }));
    await a.db.villages.bulkPut(edited as never);
    await a.db.meta.put({ key: 'seq', value: 4900 });
    const { prepared, secrets } = await exportTo(a, b, 'changes');
    expect(prepared.manifest.range).toEqual({ from: 2601, to: 4900 });
    expect(prepared.manifest.recordCount).toBe(2300);
    const opened = await openBundle(prepared.bytes, secrets, { validators });
    expect(new Set(opened.entries.map((e) => e.record.id))).toEqual(new Set(edited.map((r) => r.id)));
  });
});

describe('import reading stored records', () => {
  it('the same records in a new file: all unchanged, nothing rewritten (range reads)', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await seedVillages(a, 2500);
    const first = await exportTo(a, b, 'full');
    await receiveBundle(b.db, first.prepared.bytes, { secrets: first.secrets, validators });
    const seqBefore = await maxSeq(b);
    const before = await villagesOf(b);
    const again = await exportTo(a, b, 'full');
    const report = await receiveBundle(b.db, again.prepared.bytes, { secrets: again.secrets, validators });
    expect(report).toMatchObject({ alreadyImported: false, counts: { unchanged: 2500, new: 0, updated: 0 } });
    expect(await maxSeq(b)).toBe(seqBefore);
    expect(await villagesOf(b)).toEqual(before);
  });

  // 3 records spread over 400 stored: read by id (bulkGet); against 8 stored: read by id range.
  it.each([[400, 401], [8, 9]])('records in any order (%i stored)', async (storedCount, after) => {
    const sender = await ensureDeviceKeys(openTestRelais('sender').db);
    const b = openTestRelais('b');
    const stored = await seedVillages(b, storedCount);
    const later = (r: SyncRecord, population: number, ms: number): SyncRecord => ({
      ...r, seq: undefined, population, versions: { ...r.versions, population: formatStamp(BASE + ms, 0, 'aaaaaaaaaaaaaaaa') },
    });
    const newcomer = villageRecord({}, BASE - 5);
    // Out of id order (a bundle never repeats an id: that is refused, see the hostile bundles).
    const entries = [later(stored[storedCount - 2], 1, 9_000_000), newcomer, later(stored[7], 2, 9_000_001)]
      .map((record) => ({ kind: 'village' as const, record }));
    const keysB = await ensureDeviceKeys(b.db);
    await enrolCard(b.db, await testCard(sender));
    const bytes = await sealTestBundle(sender, entries, { type: 'recipient', recipient: keysB.ageRecipient });
    const report = await receiveBundle(b.db, bytes, { secrets: { identity: keysB.ageIdentity }, validators });
    expect(report.counts).toMatchObject({ new: 1, updated: 2 });
    expect(await b.db.villages.count()).toBe(after);
    expect((await b.db.villages.get(stored[7].id))?.population).toBe(2);
    expect((await b.db.villages.get(stored[storedCount - 2].id))?.population).toBe(1);
    expect(await b.db.villages.get(newcomer.id)).toBeDefined();
  });
});

describe('a bundle already imported', () => {
  it('is recognised before its records are read, and changes nothing', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await seedVillages(a, 50);
    const { prepared, secrets } = await exportTo(a, b, 'full');
    expect((await receiveBundle(b.db, prepared.bytes, { secrets, validators })).alreadyImported).toBe(false);
    const before = await snapshot(b.db);
    const opened = await openBundle(prepared.bytes, secrets, { validators, isKnownBundle: (key) => isImported(b.db, key) });
    expect(bundleKey(opened.manifest)).toContain(prepared.manifest.bundleId);
    expect(opened).toMatchObject({ alreadyImported: true, entries: [] });
    expect((await previewImport(b.db, opened)).alreadyImported?.bundleId).toBe(prepared.manifest.bundleId);
    expect((await importBundle(b.db, opened, { fileName: 'encore.relais' })).alreadyImported).toBe(true);
    expect(await receiveBundle(b.db, prepared.bytes, { secrets, validators })).toMatchObject({ alreadyImported: true });
    expect(await snapshot(b.db)).toBe(before);
  });

  it('opened without its records, it cannot be applied once the history lost it (all or nothing)', async () => {
    const a = openTestRelais('a');
    const b = openTestRelais('b');
    await seedVillages(a, 5);
    const { prepared, secrets } = await exportTo(a, b, 'full');
    const opened = await openBundle(prepared.bytes, secrets, { validators, isKnownBundle: () => true });
    const before = await snapshot(b.db);
    await expect(importBundle(b.db, opened, { fileName: 'x.relais' })).rejects.toThrow(/without its records/);
    expect(await snapshot(b.db)).toBe(before);
  });
});

describe('records already held, left out where the bundle is opened', () => {
  /** Two receivers holding the same 300 villages; the sender changed 20 of them since. */
  async function setUp() {
    const a = openTestRelais('a');
    const viaPruning = openTestRelais('pruned');
    const plain = openTestRelais('plain');
    const records = await seedVillages(a, 300);
    for (const receiver of [viaPruning, plain]) {
      const { prepared, secrets } = await exportTo(a, receiver, 'full');
      await receiveBundle(receiver.db, prepared.bytes, { secrets, validators });
    }
    const edited = records.slice(0, 20).map((r, i) => ({
      ...r, population: 7, seq: 301 + i, versions: { ...r.versions, population: formatStamp(BASE + 20_000_000 + i, 0, 'bbbbbbbbbbbbbbbb') },
    }));
    await a.db.villages.bulkPut(edited as never);
    await a.db.meta.put({ key: 'seq', value: 320 });
    return { a, viaPruning, plain };
  }

  it('leaves out exactly the unchanged records, and the import ends as without it', async () => {
    const { a, viaPruning, plain } = await setUp();
    const { prepared, secrets } = await exportTo(a, viaPruning, 'full');
    const opened = await openBundle(prepared.bytes, secrets, { validators });
    const pruned = await leaveOutHeldRecords(viaPruning.db, opened);
    expect(pruned.entries).toHaveLength(20);
    expect(pruned.alreadyHeld?.count).toBe(280);
    const plan = await previewImport(viaPruning.db, pruned);
    expect(plan.counts).toMatchObject({ updated: 20, unchanged: 280 });
    const report = await importBundle(viaPruning.db, pruned, { fileName: 'x.relais' });
    expect(report.counts).toMatchObject({ updated: 20, unchanged: 280 });
    const forPlain = await exportTo(a, plain, 'full');
    expect((await receiveBundle(plain.db, forPlain.prepared.bytes, { secrets: forPlain.secrets, validators })).counts)
      .toMatchObject({ updated: 20, unchanged: 280 });
    expect(await villagesOf(viaPruning)).toEqual(await villagesOf(plain));
  });

  it('a bundle opened against a database that went back since is refused, and changes nothing', async () => {
    const { a, viaPruning } = await setUp();
    const { prepared, secrets } = await exportTo(a, viaPruning, 'full');
    const pruned = await leaveOutHeldRecords(viaPruning.db, await openBundle(prepared.bytes, secrets, { validators }));
    await viaPruning.db.villages.clear(); // e.g. the data reset while the preview was open
    await viaPruning.db.meta.put({ key: 'seq', value: 0 });
    const before = await snapshot(viaPruning.db);
    await expect(importBundle(viaPruning.db, pruned, { fileName: 'x.relais' })).rejects.toThrow(/went back/);
    expect(await snapshot(viaPruning.db)).toBe(before);
  });
});
