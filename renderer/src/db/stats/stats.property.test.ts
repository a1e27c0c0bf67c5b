/**
 * The dashboard's maintained rows always equal a full recount (issue 10): over random sequences of
 * creates, edits (date, type, place, thematiques, duration, people), deletes, restores, erasures on
 * two laptops, bundles exported and imported (all, some, repeated; erasures sent for review applied),
 * demo data removed, after every step on every laptop.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle } from '../../testkit/sync';
import { exportBundle } from '../sync';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { removeDemoData } from '../demo';
import type { Activity } from '../../domain/records';
import type { Relais } from '../index';
import { ARVIEU, LORMES } from '../../testkit/records';
import { statsDifferFromRecount } from './dashboard';
import { THEMATIQUES } from '../../domain/codes';

const PASSPHRASE = 'tous les villages ensemble';

const activityArb: fc.Arbitrary<Activity> = fc.record({
  collectif: fc.boolean(),
  month: fc.constantFrom('2025-11', '2025-12', '2026-01'),
  day: fc.integer({ min: 10, max: 28 }),
  duree: fc.constantFrom(15, 30, 45, 60, 90, 120, 200),
  where: fc.constantFrom('lormes', 'arvieu', 'remote'),
  thematiques: fc.subarray([...THEMATIQUES.slice(0, 4)], { minLength: 1 }),
  tags: fc.subarray(['senior', 'jeunes']),
  total: fc.integer({ min: 1, max: 12 }),
  women: fc.integer({ min: 0, max: 1 }),
  demo: fc.boolean(),
}).map((g) => ({
  type: g.collectif ? 'collectif' : 'individuel',
  date: `${g.month}-${g.day}`,
  duree: g.duree,
  typeLieu: g.where === 'remote' ? 'a_distance' : 'domicile',
  ...(g.where === 'remote' ? {} : { commune: g.where === 'lormes' ? LORMES : ARVIEU }),
  thematiques: g.thematiques,
  thematiquesDemarche: [],
  materiel: [],
  tags: g.tags,
  beneficiaryIds: [],
  structureEmployeuse: { nom: g.collectif ? 'Tiers-lieu' : 'Mairie' },
  ...(g.collectif ? { participantsAnonymes: { total: g.total, dejaAccompagne: 0, genres: { feminin: g.women }, tranchesAge: {}, statutsSociaux: {} } } : {}),
  ...(g.demo ? { demo: true } : {}),
}) as Activity);

type Op =
  | { type: 'create'; device: number; activity: Activity }
  | { type: 'edit'; device: number; pick: number; activity: Activity }
  | { type: 'remove' | 'restore' | 'erase' | 'export' | 'removeDemo'; device: number; pick: number }
  | { type: 'import'; device: number; pick: number };

const device = fc.integer({ min: 0, max: 1 });
const pick = fc.nat(100);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('create' as const), device, activity: activityArb }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('edit' as const), device, pick, activity: activityArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('remove' as const, 'restore' as const, 'erase' as const), device, pick }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('export' as const), device, pick }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('import' as const), device, pick }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('removeDemo' as const), device, pick }) },
);

/** Records imports wrote, over every run: the property must have exercised the import path. */
let received = 0;

async function run(laptops: Relais[], pool: Array<{ from: number; bytes: Uint8Array }>, op: Op): Promise<void> {
  const laptop = laptops[op.device];
  const own = async () => {
    const mine = await laptop.db.activities.toArray();
    const owned = [];
    for (const a of mine) if (a.erased === 0 && await laptop.activities.mayChange(a)) owned.push(a);
    return owned;
  };
  switch (op.type) {
    case 'create':
      await laptop.activities.create(op.activity);
      return;
    case 'export': {
      const prepared = await exportBundle(laptop.db, {
        kind: op.pick % 3 === 0 ? 'full' : 'changes', protection: { type: 'passphrase', passphrase: PASSPHRASE, workFactor: 1 },
        author: { name: `dev-${op.device}`, structure: 'test' }, app: 'test',
      });
      await prepared.commit();
      pool.push({ from: op.device, bytes: prepared.bytes });
      return;
    }
    case 'import':
      if (pool.length === 0) return;
      {
        // A bundle goes to the other laptop (and, one time in four, back to its own: nothing changes).
        const bundle = pool[op.pick % pool.length];
        const to = op.pick % 4 === 0 ? bundle.from : 1 - bundle.from;
        const report = await receiveBundle(laptops[to].db, bundle.bytes, { secrets: { passphrase: PASSPHRASE }, validators: RECORD_VALIDATORS, review: 'all' });
        received += report.counts.new + report.counts.updated + report.counts.deleted;
      }
      return;
    case 'removeDemo':
      await removeDemoData(laptop.db);
      return;
    default: {
      const candidates = await own();
      if (candidates.length === 0) return;
      const target = candidates[op.pick % candidates.length];
      if (op.type === 'edit') {
        if (target.deleted === 0) await laptop.activities.update(target.id, op.activity);
      } else if (op.type === 'remove') await laptop.activities.remove(target.id);
      else if (op.type === 'restore') await laptop.activities.restore(target.id);
      else await laptop.activities.erase(target.id);
    }
  }
}

afterEach(closeTestDatabases);

describe('maintained dashboard rows', () => {
  it('always equal a full recount, on every laptop, after any sequence of writes, imports, deletes and erasures', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 8, maxLength: 30, size: 'max' }), async (ops) => {
      const laptops = [openTestRelais('stats'), openTestRelais('stats')];
      await enrolEachOther(...laptops);
      const pool: Array<{ from: number; bytes: Uint8Array }> = [];
      for (const op of ops) {
        await run(laptops, pool, op);
        for (const laptop of laptops) expect(await statsDifferFromRecount(laptop.db)).toEqual([]);
      }
      // Then a full exchange both ways: each laptop receives everything the other holds.
      for (const from of [0, 1]) await run(laptops, pool, { type: 'export', device: from, pick: 0 });
      for (const bundle of pool.slice(-2)) {
        await run(laptops, [bundle], { type: 'import', device: 0, pick: 1 });
      }
      for (const laptop of laptops) expect(await statsDifferFromRecount(laptop.db)).toEqual([]);
      await closeTestDatabases();
    }), { numRuns: 30 });
    expect(received).toBeGreaterThan(0);
  }, 240_000);
});
