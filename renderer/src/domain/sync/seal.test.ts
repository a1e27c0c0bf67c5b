/**
 * Seals of relayed records: an author's statement (signed digests) proves a record version is hers,
 * and nothing else does — not another key's statement, not a changed record, not a statement naming
 * another author, not one the bundle does not carry.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import { makeStatements, STATEMENT_SIZE, verifyRelayedSeals, type Statement } from './seal';
import { deviceOf, PERSON_DATA, stampedRecord, testCard } from '../../testkit/hostileCorpus';
import type { BundleEntry } from './records';
import { testDeviceKeys } from '../../testkit/keys';

const aicha = await testDeviceKeys();
const berenice = await testDeviceKeys();
const mallory = await testDeviceKeys();
const aichaCard = await testCard(aicha, 'Aïcha Benali');
const bereniceCard = await testCard(berenice, 'Bérénice Martin');
const malloryCard = await testCard(mallory, 'Mallory');

function people(count: number, device: string): BundleEntry[] {
  return Array.from({ length: count }, (_, i) => ({ kind: 'beneficiary' as const, record: stampedRecord({ ...PERSON_DATA, code: `B-${i + 1}` }, Date.now() + i, 0, device) }));
}

async function sealed(entries: BundleEntry[], keys = aicha, author = deviceOf(aicha)): Promise<Statement[]> {
  const { statements, seals } = await makeStatements(author, entries, keys.signer, () => uuidv7());
  entries.forEach((entry, i) => { entry.record.seal = seals[i]; });
  return statements;
}

describe('statements', () => {
  it('list up to a thousand versions each, and prove each relayed record of their author', async () => {
    const entries = people(STATEMENT_SIZE + 5, deviceOf(aicha));
    const statements = await sealed(entries);
    expect(statements.map((s) => s.digests.length)).toEqual([STATEMENT_SIZE, 5]);
    const proved = await verifyRelayedSeals(entries, bereniceCard, [aichaCard], statements);
    expect(proved.size).toBe(entries.length);
    expect(new Set(proved.values())).toEqual(new Set([deviceOf(aicha)]));
  });

  it('prove nothing of a record changed after sealing', async () => {
    const entries = people(3, deviceOf(aicha));
    const statements = await sealed(entries);
    entries[1].record.code = 'B-999';
    const proved = await verifyRelayedSeals(entries, bereniceCard, [aichaCard], statements);
    expect([...proved.keys()]).toEqual([entries[0].record.id, entries[2].record.id]);
  });

  it('prove nothing when signed by another key, or naming another author than the card', async () => {
    const entries = people(2, deviceOf(aicha));
    // Mallory signs a statement in Aïcha's name: the signature does not check against Aïcha's card.
    const forged = await sealed(entries, mallory, deviceOf(aicha));
    expect((await verifyRelayedSeals(entries, bereniceCard, [aichaCard], forged)).size).toBe(0);
    // Mallory's own statement listing Aïcha's records: the statement's author is not the records' author.
    const hers = await sealed(entries, mallory, deviceOf(mallory));
    expect((await verifyRelayedSeals(entries, bereniceCard, [aichaCard, malloryCard], hers)).size).toBe(0);
  });

  it('prove nothing without the author\'s card or the statement, and never the sender\'s own records', async () => {
    const entries = people(2, deviceOf(aicha));
    const statements = await sealed(entries);
    expect((await verifyRelayedSeals(entries, bereniceCard, [], statements)).size).toBe(0);
    expect((await verifyRelayedSeals(entries, bereniceCard, [aichaCard], [])).size).toBe(0);
    // Aïcha sending her own records: the bundle's signature vouches for them, nothing to check.
    expect((await verifyRelayedSeals(entries, aichaCard, [], statements)).size).toBe(0);
  });
});
