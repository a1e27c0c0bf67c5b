import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeTestDatabases, openTestRelais } from '../../testkit/sync';
import { PERSON_DATA, stampedRecord } from '../../testkit/hostileCorpus';
import { uuidv7 } from '../../domain/ids';
import { digestOf } from '../../domain/sync/seal';
import type { SyncRecord } from '../../domain/sync/merge';
import { currentSeq, readIdentity } from '../device';
import { writeMeta } from '../meta';
import type { Relais } from '../index';
import type { Beneficiary } from '../../domain/records';
import { sealOwnRecords } from './seal';

const OTHER_DEVICE = 'b2'.repeat(16);
const LEGACY_ID = 'aaaaaaaaaaaaaaaa';
const PERSON: Beneficiary = { code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };

afterEach(closeTestDatabases);

/** A record written here as if received: a fresh change counter, another author (or `author`). */
async function receive(relais: Relais, author = OTHER_DEVICE, id?: string): Promise<SyncRecord> {
  const seq = (await currentSeq(relais.db)) + 1;
  await writeMeta(relais.db, 'seq', seq);
  const record = { ...stampedRecord({ ...PERSON_DATA, code: 'B-0009' }, Date.UTC(2026, 0, 5), 0, author), ...(id ? { id } : {}), seq };
  await relais.db.beneficiaries.put(record as never);
  return record;
}

describe('sealing this laptop\'s own records before an export', () => {
  it('seals the records written here, in a statement listing their digest, and leaves the others\' alone unread', async () => {
    const relais = openTestRelais('seal');
    const mine = await relais.beneficiaries.create(PERSON);
    const theirs = await receive(relais);
    // Every table shares Dexie's prototype: watch its bulkGet, keep the calls on the people's table.
    const read = vi.spyOn(Object.getPrototypeOf(relais.db.beneficiaries) as { bulkGet(keys: string[]): Promise<unknown[]> }, 'bulkGet');
    // …and every query's toArray: walking the change counter must read no record at all.
    const scans = vi.spyOn(Object.getPrototypeOf(relais.db.beneficiaries.toCollection()) as { toArray(): Promise<unknown[]> }, 'toArray');

    expect(await sealOwnRecords(relais.db)).toBe(1);

    // The range was walked on its index: only the record whose id names this laptop was fetched.
    const onPeople = read.mock.calls.filter((_, i) => (read.mock.contexts[i] as { name: string }).name === 'beneficiaries');
    expect(onPeople.length).toBeGreaterThan(0);
    expect(onPeople.every(([ids]) => ids.length === 1 && ids[0] === mine.id)).toBe(true);
    expect(scans).not.toHaveBeenCalled();
    read.mockRestore();
    scans.mockRestore();
    const sealedMine = (await relais.db.beneficiaries.get(mine.id))!;
    expect(sealedMine.seal).toEqual(expect.any(String));
    expect((await relais.db.beneficiaries.get(theirs.id))!.seal).toBeUndefined();
    const statement = (await relais.db.statements.get(sealedMine.seal!))!;
    expect(statement.author).toBe((await readIdentity(relais.db)).deviceId);
    expect(statement.digests).toEqual([await digestOf('beneficiary', sealedMine as unknown as SyncRecord)]);
    // Nothing new since: the next export seals nothing.
    expect(await sealOwnRecords(relais.db)).toBe(0);
  });

  it('a laptop that still claims a legacy id seals the records written under it (random ids: every record is read)', async () => {
    const relais = openTestRelais('seal-legacy');
    await relais.beneficiaries.create(PERSON);
    const identity = await readIdentity(relais.db);
    await writeMeta(relais.db, 'device', { ...identity, legacyDeviceIds: [LEGACY_ID] });
    const old = await receive(relais, LEGACY_ID, uuidv7());
    const theirs = await receive(relais);

    expect(await sealOwnRecords(relais.db)).toBe(2);
    expect((await relais.db.beneficiaries.get(old.id))!.seal).toEqual(expect.any(String));
    expect((await relais.db.beneficiaries.get(theirs.id))!.seal).toBeUndefined();
  });
});
