/**
 * Promise 7 ("only the author changes its records"), proven over simulated laptops: two honest
 * mediators write, erase and exchange bundles; two coordinators receive the very same honest bundles in
 * the same order, and one of them also receives, at any moment, bundles from an adversary who knows
 * every public card and every record she holds — its own key enrolled (an insider gone rogue) or not.
 * Whatever the interleaving, the attacked coordinator ends with exactly the records, conflicts and
 * missing-bundle gaps of the one that was left alone. A person there says "no" to every erasure or
 * deletion the adversary proposes (the review step is the defence; the unit tests check it is asked).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardOfTestDevice, closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle } from '../../testkit/sync';
import { deviceOf, sealTestBundle, stampedRecord, testCard } from '../../testkit/hostileCorpus';
import { enrolCard, exportBundle, importBundle, missingBundles } from './index';
import { ensureIdentity } from '../identity';
import { ownDeviceIds } from '../device';
import { openBundle, type ProtectionInput } from '../../domain/sync/bundle';
import { formatStamp } from '../../domain/hlc';
import { testDeviceKeys, type TestKeys } from '../../testkit/keys';
import { syncedContent, type SyncRecord } from '../../domain/sync/merge';
import type { BundleEntry } from '../../domain/sync/records';
import { withVerifiedSeals } from '../../domain/sync/seal';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import type { Beneficiary, Village } from '../../domain/records';
import type { Relais } from '../index';

const PASSPHRASE = { type: 'passphrase', passphrase: 'tous les villages ensemble', workFactor: 1 } as const satisfies ProtectionInput;
const SECRETS = { passphrase: PASSPHRASE.passphrase };
const validators = RECORD_VALIDATORS;
const VILLAGE: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' };
const PERSON: Beneficiary = { code: 'B-1', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };
const GENRES = ['feminin', 'masculin', 'non_communique'] as const;

/**
 * What the adversary tries. The last two are what an enrolled device may do to shared reference data
 * (edit a village, add one): tried only by an adversary that is not enrolled, whose bundles are held.
 */
const ATTACKS = [
  'erase', 'eraseInThePast', 'delete', 'rewrite', 'rewriteAsAuthor', 'stampAsReceiver', 'takeOver', 'forgeSeal', 'stealBundleId',
  'forgeRange', 'impersonate', 'editShared', 'addShared',
] as const;
type Attack = (typeof ATTACKS)[number];

type Op =
  | { type: 'createVillage' | 'createPerson'; author: number; value: number }
  | { type: 'editVillage' | 'editPerson' | 'erase' | 'deletePerson'; author: number; pick: number; value: number }
  | { type: 'export'; author: number }
  | { type: 'authorImport'; author: number; pick: number }
  | { type: 'deliver'; pick: number }
  | { type: 'attack'; attack: Attack; pick: number; value: number };

const author = fc.integer({ min: 0, max: 1 });
const pick = fc.nat(1000);
const value = fc.nat(9);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('createVillage' as const, 'createPerson' as const), author, value }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('editVillage' as const, 'editPerson' as const, 'erase' as const, 'deletePerson' as const), author, pick, value }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('export' as const), author }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('authorImport' as const), author, pick }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('deliver' as const), pick }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constant('attack' as const), attack: fc.constantFrom(...ATTACKS), pick, value }) },
);

function stamp(device: string, at: number, counter = 0): string {
  return formatStamp(at, counter, device);
}

function withoutLocal(record: SyncRecord): SyncRecord {
  const { seq: _seq, ...rest } = record;
  return rest as SyncRecord;
}

class World {
  readonly authors: Relais[] = [];
  /** Left alone, and attacked: they receive the same honest bundles in the same order. */
  readonly calm = openTestRelais('calm');
  readonly attacked = openTestRelais('attacked');
  readonly pool: Uint8Array[] = [];
  readonly bundleIds: string[] = [];
  adversary!: TestKeys;
  attacks = 0;

  constructor(readonly adversaryEnrolled: boolean) {}

  async setup(): Promise<void> {
    this.authors.push(openTestRelais('aicha'), openTestRelais('bruno'));
    await enrolEachOther(...this.authors, this.calm, this.attacked);
    this.adversary = await testDeviceKeys();
    if (this.adversaryEnrolled) await enrolCard(this.attacked.db, await testCard(this.adversary, 'Mallory'));
  }

  private async rows(relais: Relais): Promise<Array<{ kind: 'village' | 'beneficiary'; record: SyncRecord }>> {
    return [
      ...(await relais.db.villages.toArray()).map((record) => ({ kind: 'village' as const, record: record as unknown as SyncRecord })),
      ...(await relais.db.beneficiaries.toArray()).map((record) => ({ kind: 'beneficiary' as const, record: record as unknown as SyncRecord })),
    ].sort((a, b) => a.record.id.localeCompare(b.record.id));
  }

  private async honest(op: Exclude<Op, { type: 'attack' | 'deliver' }>): Promise<void> {
    const laptop = this.authors[op.author];
    switch (op.type) {
      case 'createVillage':
        await laptop.villages.create({ ...VILLAGE, population: op.value });
        return;
      case 'createPerson':
        await laptop.beneficiaries.create({ ...PERSON, code: `B-${op.value}` });
        return;
      case 'export': {
        const prepared = await exportBundle(laptop.db, { kind: 'changes', protection: PASSPHRASE, author: { name: `author-${op.author}`, structure: 't' }, app: 'test' });
        await prepared.commit();
        this.pool.push(prepared.bytes);
        this.bundleIds.push(prepared.manifest.bundleId);
        return;
      }
      case 'authorImport':
        if (this.pool.length > 0) await receiveBundle(laptop.db, this.pool[op.pick % this.pool.length], { secrets: SECRETS, validators, review: 'all' });
        return;
      default: {
        const mine = await ownDeviceIds(laptop.db);
        const rows = (await this.rows(laptop)).filter(({ kind, record }) => !record.erased
          && (op.type === 'erase' || kind === 'village' || mine.has(record.authorDevice))
          && (op.type === 'editVillage' ? kind === 'village' : op.type === 'erase' ? true : kind === 'beneficiary'));
        if (rows.length === 0) return;
        const { kind, record } = rows[op.pick % rows.length];
        if (op.type === 'erase') await (kind === 'village' ? laptop.villages : laptop.beneficiaries).erase(record.id);
        else if (op.type === 'deletePerson') await laptop.beneficiaries.remove(record.id);
        else if (op.type === 'editVillage' && !record.deleted) await laptop.villages.update(record.id, { ...VILLAGE, population: op.value, notes: `n${op.value}` });
        else if (op.type === 'editPerson' && !record.deleted) await laptop.beneficiaries.update(record.id, { ...PERSON, code: (record as unknown as Beneficiary).code, genre: GENRES[op.value % 3] });
      }
    }
  }

  async run(op: Op): Promise<void> {
    if (op.type === 'attack') return this.attack(op);
    if (op.type !== 'deliver') return this.honest(op);
    if (this.pool.length === 0) return;
    const bytes = this.pool[op.pick % this.pool.length];
    for (const coordinator of [this.calm, this.attacked]) await receiveBundle(coordinator.db, bytes, { secrets: SECRETS, validators, review: 'all' });
  }

  /**
   * One hostile bundle against a record the adversary knows of — held by the attacked coordinator or
   * not yet (it sees every laptop) — imported there; she declines every review.
   */
  private async attack(op: Extract<Op, { type: 'attack' }>): Promise<void> {
    const known = new Map<string, { kind: 'village' | 'beneficiary'; record: SyncRecord }>();
    for (const laptop of [this.attacked, ...this.authors]) for (const row of await this.rows(laptop)) if (!known.has(row.record.id)) known.set(row.record.id, row);
    const rows = [...known.values()].sort((a, b) => a.record.id.localeCompare(b.record.id));
    const target = rows.length > 0 ? rows[op.pick % rows.length] : undefined;
    const entries = op.attack === 'addShared' || target ? await this.forge(op.attack, target, op.value) : [];
    if (entries === null) return;
    const me = deviceOf(this.adversary);
    const impersonated = op.attack === 'impersonate' ? await cardOfTestDevice(this.authors[op.value % 2], `author-${op.value % 2}`) : undefined;
    const source = await testCard(this.adversary, impersonated?.name ?? 'Mallory');
    const authors = target?.kind === 'beneficiary' ? await this.cardsOfAuthors() : [];
    const range = op.attack === 'forgeRange' ? { from: op.value, to: op.value * 1000 + 5 } : undefined;
    const bundleId = op.attack === 'stealBundleId' && this.bundleIds.length > 0 ? this.bundleIds[op.pick % this.bundleIds.length] : undefined;
    const bytes = await sealTestBundle(this.adversary, entries, PASSPHRASE, { source, authors, range, bundleId });
    const opened = await withVerifiedSeals(await openBundle(bytes, SECRETS, { validators }));
    this.attacks += 1;
    expect(opened.manifest.source.deviceId).toBe(me);
    await importBundle(this.attacked.db, opened, { fileName: `attack-${this.attacks}.relais`, review: 'none' })
      .catch((error: unknown) => {
        // Not enrolled: held, nothing written. Anything else is a failure of the test.
        if (!(error instanceof Error && error.name === 'HeldBundleError')) throw error;
      });
  }

  private async cardsOfAuthors() {
    return Promise.all(this.authors.map((relais, i) => cardOfTestDevice(relais, `author-${i}`)));
  }

  /** The records of one attack (null: nothing to forge against this target). */
  private async forge(attack: Attack, target: { kind: 'village' | 'beneficiary'; record: SyncRecord } | undefined, n: number): Promise<BundleEntry[] | null> {
    const me = deviceOf(this.adversary);
    const now = Date.now();
    if (attack === 'addShared') return this.adversaryEnrolled ? null : [{ kind: 'village', record: stampedRecord({ ...VILLAGE, population: n }, now, 0, me) }];
    if (!target) return null;
    const { kind, record } = target;
    const base = withoutLocal(record);
    const field = kind === 'village' ? 'population' : 'genre';
    const fieldValue = kind === 'village' ? n * 7 : GENRES[n % 3];
    const rewrite = (by: string): SyncRecord => {
      const { seal: _seal, ...unsealed } = base;
      return { ...unsealed, [field]: fieldValue, versions: { ...base.versions, [field]: stamp(by, now + 60_000 + n) } } as SyncRecord;
    };
    switch (attack) {
      case 'erase':
      case 'eraseInThePast': {
        const at = attack === 'erase' ? now + n : Date.parse('2019-06-01T00:00:00.000Z') + n;
        return [{ kind, record: { id: base.id, createdAt: base.createdAt, updatedAt: base.updatedAt, authorDevice: base.authorDevice, versions: { deleted: stamp(me, at), erased: stamp(me, at) }, deleted: 1, erased: 1 } }];
      }
      case 'delete': {
        if (base.erased) return null;
        const { seal: _seal, ...unsealed } = base;
        return [{ kind, record: { ...unsealed, deleted: 1, versions: { ...base.versions, deleted: stamp(me, now + 60_000 + n) } } as SyncRecord }];
      }
      case 'rewrite':
        return base.erased || kind === 'village' ? null : [{ kind, record: rewrite(me) }];
      case 'rewriteAsAuthor':
        return base.erased || kind === 'village' ? null : [{ kind, record: rewrite(base.authorDevice) }];
      case 'stampAsReceiver':
        return base.erased ? null : [{ kind, record: rewrite((await ensureIdentity(this.attacked.db)).deviceId) }];
      case 'takeOver': { // shared data: creation metadata is merged (an enrolled device may edit it anyway)
        if (base.erased || (kind === 'village' && this.adversaryEnrolled)) return null;
        return [{ kind, record: { ...rewrite(me), authorDevice: me, createdAt: '2020-01-01T00:00:00.000Z' } }];
      }
      case 'forgeSeal':
        return base.erased || base.seal === undefined ? null : [{ kind, record: { ...rewrite(base.authorDevice), seal: base.seal } }];
      case 'stealBundleId':
      case 'forgeRange':
        return [];
      case 'impersonate': // under the name of an honest author, another key: rewriting her followed people
        return base.erased || kind === 'village' ? null : [{ kind, record: rewrite(base.authorDevice) }];
      case 'editShared':
        return this.adversaryEnrolled || base.erased || kind !== 'village' ? null : [{ kind, record: rewrite(me) }];
      default:
        return null;
    }
  }
}

/**
 * What a coordinator relies on: every record, every logged losing value, and the gaps of the honest
 * devices. An erased record is compared without its two stamps: it holds nothing any more, and every
 * device combines the stamps of the erasures it hears of (so may the adversary's, at no one's cost).
 */
function comparable(record: SyncRecord): string {
  if (!record.erased) return syncedContent(record);
  return JSON.stringify({ id: record.id, createdAt: record.createdAt, authorDevice: record.authorDevice, erased: 1, fields: Object.keys(record).sort() });
}

async function stateOf(world: World, relais: Relais): Promise<unknown> {
  const records = [...await relais.db.villages.toArray(), ...await relais.db.beneficiaries.toArray()] as unknown as SyncRecord[];
  const conflicts = (await relais.db.conflicts.toArray()).map(({ recordId, field, losingValue, losingStamp, winningStamp, resolved }) => ({ recordId, field, losingValue, losingStamp, winningStamp, resolved }));
  const honest = new Set(await Promise.all(world.authors.map(async (a) => (await ensureIdentity(a.db)).deviceId)));
  const gaps = (await missingBundles(relais.db)).filter((g) => honest.has(g.deviceId)).map(({ deviceId, gaps: list }) => ({ deviceId, list }));
  return {
    records: records.map(comparable).sort(),
    conflicts: conflicts.map((c) => JSON.stringify(c)).sort(),
    gaps: gaps.sort((a, b) => a.deviceId.localeCompare(b.deviceId)),
  };
}

afterEach(closeTestDatabases);

describe('an adversary who knows every public card, among honest devices', () => {
  it.each([[true], [false]])('changes nothing an honest device wrote (its key enrolled: %s)', async (enrolled) => {
    let attacks = 0;
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 40 }), async (ops) => {
      const world = new World(enrolled);
      await world.setup();
      try {
        for (const op of ops) {
          await world.run(op);
          if (op.type === 'attack' || op.type === 'deliver') expect(await stateOf(world, world.attacked)).toEqual(await stateOf(world, world.calm));
        }
        // Everything delivered at the end, in order: both coordinators hold the same.
        for (const bytes of world.pool) {
          for (const coordinator of [world.calm, world.attacked]) await receiveBundle(coordinator.db, bytes, { secrets: SECRETS, validators, review: 'all' });
        }
        expect(await stateOf(world, world.attacked)).toEqual(await stateOf(world, world.calm));
        attacks += world.attacks;
      } finally {
        await closeTestDatabases();
      }
    }), { numRuns: 20 });
    expect(attacks).toBeGreaterThan(30); // the property saw attacks, not only honest runs
  }, 300_000);
});
