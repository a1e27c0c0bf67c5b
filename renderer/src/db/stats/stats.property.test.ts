/**
 * The dashboard's maintained rows always equal a full recount (issue 10): over random sequences of
 * creates, edits (date, type, place, thematiques, duration, people), deletes, restores, erasures on
 * two laptops, bundles exported and imported (all, some, repeated; erasures sent for review applied),
 * demo data removed, after every step on every laptop. Activities list followed people, whose own
 * records are created, edited (gender, age band, year of birth, status), deleted, restored, erased and
 * anonymised, and travel in bundles that may arrive before or after the activities that list them.
 * Activities are held at places, whose commune is changed, set, removed, and which are deleted and travel
 * in bundles too: an activity counts in its place's commune as it is now. Every row is kept per activity
 * type, and edits change an activity's type; at the end of each sequence, the type and one other filter
 * read from the rows give what a scan of the activities gives.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle } from '../../testkit/sync';
import { exportBundle } from '../sync';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { removeDemoData } from '../demo';
import { dataOf, type Activity, type Beneficiary } from '../../domain/records';
import { anonymised } from '../../domain/beneficiary';
import type { Relais } from '../index';
import { ARVIEU, LORMES, placeData } from '../../testkit/records';
import { readDashboard, scanDashboard, statsDifferFromRecount } from './dashboard';
import { THEMATIQUES } from '../../domain/codes';

const PASSPHRASE = 'tous les villages ensemble';

const activityArb: fc.Arbitrary<Activity> = fc.record({
  collectif: fc.boolean(),
  month: fc.constantFrom('2025-11', '2025-12', '2026-01'),
  day: fc.integer({ min: 10, max: 28 }),
  duree: fc.constantFrom(15, 30, 45, 60, 90, 120, 200),
  where: fc.constantFrom('lormes', 'arvieu', 'remote', 'place', 'place'),
  thematiques: fc.subarray([...THEMATIQUES.slice(0, 4)], { minLength: 1 }),
  tags: fc.subarray(['senior', 'jeunes']),
  total: fc.integer({ min: 1, max: 12 }),
  women: fc.integer({ min: 0, max: 1 }),
  demo: fc.boolean(),
}).map((g) => ({
  type: g.collectif ? 'collectif' : 'individuel',
  date: `${g.month}-${g.day}`,
  duree: g.duree,
  typeLieu: g.where === 'remote' ? 'a_distance' : g.where === 'place' ? 'lieu_activite' : 'domicile',
  ...(g.where === 'lormes' || g.where === 'arvieu' ? { commune: g.where === 'lormes' ? LORMES : ARVIEU } : {}),
  thematiques: g.thematiques,
  thematiquesDemarche: [],
  materiel: [],
  tags: g.tags,
  beneficiaryIds: [],
  structureEmployeuse: { nom: g.collectif ? 'Tiers-lieu' : 'Mairie' },
  ...(g.collectif ? { participantsAnonymes: { total: g.total, dejaAccompagne: 0, genres: { feminin: g.women }, tranchesAge: {}, statutsSociaux: {} } } : {}),
  ...(g.demo ? { demo: true } : {}),
}) as Activity);

/** A followed person's record: every combination of what the sections count, "non communiqué" included. */
const personArb: fc.Arbitrary<Beneficiary> = fc.record({
  genre: fc.constantFrom('feminin', 'masculin', 'non_communique', undefined),
  trancheAge: fc.constantFrom('soixante_dix_plus', 'douze_dix_huit', undefined),
  anneeNaissance: fc.constantFrom(1950, 2001, undefined),
  statutSocial: fc.constantFrom('retraite', 'en_emploi', undefined),
  code: fc.integer({ min: 1, max: 9999 }).map((n) => `B-${n}`),
}).map((g) => Object.fromEntries(Object.entries({ ...g, dejaAccompagne: false }).filter(([, v]) => v !== undefined)) as unknown as Beneficiary);

/** Where a place is (a place always has its commune). */
const placeCommuneArb = fc.constantFrom('lormes', 'arvieu');
const communeOf = (where: string) => ({ commune: where === 'lormes' ? LORMES : ARVIEU });

/** Which of the laptop's people (any it holds: its own, received, deleted or erased) an activity lists. */
const followArb = fc.array(fc.nat(50), { maxLength: 3 });

type Op =
  | { type: 'create'; device: number; activity: Activity; follow: number[] }
  | { type: 'edit'; device: number; pick: number; activity: Activity; follow: number[] }
  | { type: 'createPlace' | 'movePlace' | 'removePlace'; device: number; pick: number; where: string }
  | { type: 'createPerson'; device: number; person: Beneficiary }
  | { type: 'editPerson'; device: number; pick: number; person: Beneficiary }
  | { type: 'removePerson' | 'restorePerson' | 'erasePerson' | 'anonymisePerson'; device: number; pick: number }
  | { type: 'remove' | 'restore' | 'erase' | 'export' | 'removeDemo'; device: number; pick: number }
  | { type: 'import'; device: number; pick: number };

const device = fc.integer({ min: 0, max: 1 });
const pick = fc.nat(100);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('create' as const), device, activity: activityArb, follow: followArb }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('edit' as const), device, pick, activity: activityArb, follow: followArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('createPlace' as const), device, pick, where: placeCommuneArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('movePlace' as const, 'removePlace' as const), device, pick, where: placeCommuneArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('createPerson' as const), device, person: personArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('editPerson' as const), device, pick, person: personArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constantFrom('removePerson' as const, 'restorePerson' as const, 'erasePerson' as const, 'anonymisePerson' as const), device, pick }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('remove' as const, 'restore' as const, 'erase' as const), device, pick }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('export' as const), device, pick }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('import' as const), device, pick }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('removeDemo' as const), device, pick }) },
);

/**
 * One sequence always run besides the random ones (rare in them): a place holding an activity moves to
 * another commune, travels to the other laptop after the activity did, moves back, and is deleted.
 */
const PLACE_STORY: Op[] = [
  { type: 'createPlace', device: 0, pick: 0, where: 'lormes' },
  { type: 'create', device: 0, activity: { ...fc.sample(activityArb, { seed: 1, numRuns: 1 })[0], typeLieu: 'lieu_activite', commune: undefined }, follow: [0] },
  { type: 'export', device: 0, pick: 1 },
  { type: 'movePlace', device: 0, pick: 1, where: 'arvieu' },
  { type: 'export', device: 0, pick: 1 },
  { type: 'import', device: 1, pick: 1 },
  { type: 'import', device: 1, pick: 0 },
  { type: 'movePlace', device: 1, pick: 1, where: 'lormes' },
  { type: 'removePlace', device: 1, pick: 1, where: 'lormes' },
  { type: 'export', device: 1, pick: 2 },
  { type: 'import', device: 0, pick: 5 },
];

/** Records imports wrote, over every run: the property must have exercised the import path. */
let received = 0;
/** Followed people listed by activities, and people's own records changed while listed: exercised too. */
let listed = 0;
let personChanges = 0;
/** Activities held at a place, and places moved or removed while they held some: exercised too. */
let heldAtPlaces = 0;
let placeChanges = 0;
/** Edits that moved an activity from one type's rows to the other's: exercised too. */
let typeChanges = 0;

/** Filters the rows answer, the type with one other among them, compared with a scan at the end of each sequence. */
const FROM_ROWS = [
  {}, { type: 'collectif' }, { type: 'individuel', commune: LORMES.codeInsee }, { type: 'collectif', commune: ARVIEU.codeInsee },
  { type: 'collectif', thematique: THEMATIQUES[0] }, { type: 'individuel', departement: '58', from: '2025-12-01' }, { tag: 'senior' },
];

async function run(laptops: Relais[], pool: Array<{ from: number; bytes: Uint8Array }>, op: Op): Promise<void> {
  const laptop = laptops[op.device];
  const own = async () => {
    const mine = await laptop.db.activities.toArray();
    const owned = [];
    for (const a of mine) if (a.erased === 0 && await laptop.activities.mayChange(a)) owned.push(a);
    return owned;
  };
  /** The activity listing some of the people this laptop holds (an individual one lists at most one). */
  const listing = async (activity: Activity, follow: number[]): Promise<Activity> => {
    const held = await atPlace(activity, follow);
    const people = await laptop.db.beneficiaries.orderBy(':id').primaryKeys();
    if (people.length === 0) return held;
    const ids = [...new Set(follow.map((n) => people[n % people.length]))].slice(0, activity.type === 'individuel' ? 1 : 3);
    listed += ids.length;
    return { ...held, beneficiaryIds: ids };
  };
  /** An activity held at a place: one of the places this laptop holds (live or deleted), or none yet. */
  async function atPlace(activity: Activity, follow: number[]): Promise<Activity> {
    if (activity.typeLieu !== 'lieu_activite') return activity;
    const places = await laptop.db.places.orderBy(':id').primaryKeys();
    if (places.length === 0) return { ...activity, typeLieu: 'a_distance' };
    heldAtPlaces += 1;
    return { ...activity, placeId: places[(follow[0] ?? 0) % places.length] };
  }
  const ownPeople = async () => {
    const owned = [];
    for (const b of await laptop.db.beneficiaries.toArray()) if (b.erased === 0 && await laptop.beneficiaries.mayChange(b)) owned.push(b);
    return owned;
  };
  switch (op.type) {
    case 'create':
      await laptop.activities.create(await listing(op.activity, op.follow));
      return;
    case 'createPerson':
      await laptop.beneficiaries.create(op.person);
      return;
    case 'createPlace':
      await laptop.places.create(placeData(`Lieu ${op.pick}`, communeOf(op.where)));
      return;
    case 'movePlace':
    case 'removePlace': {
      const heldIds = new Set((await laptop.db.activities.toArray()).map((x) => x.placeId).filter(Boolean));
      const places = (await laptop.db.places.toArray()).filter((p) => p.deleted === 0);
      // Mostly a place that holds activities (the change that moves counts), else any.
      const holding = places.filter((p) => heldIds.has(p.id));
      const candidates = holding.length > 0 && op.pick % 4 !== 0 ? holding : places;
      if (candidates.length === 0) return;
      const target = candidates[op.pick % candidates.length];
      if (await laptop.db.activities.where('[placeId+date]').between([target.id], [target.id, []]).count() > 0) placeChanges += 1;
      if (op.type === 'movePlace') await laptop.places.update(target.id, { ...dataOf(target), ...communeOf(op.where) });
      else await laptop.places.remove(target.id);
      return;
    }
    case 'editPerson':
    case 'removePerson':
    case 'restorePerson':
    case 'erasePerson':
    case 'anonymisePerson': {
      const candidates = await ownPeople();
      if (candidates.length === 0) return;
      const target = candidates[op.pick % candidates.length];
      if (await laptop.db.activities.where('beneficiaryIds').equals(target.id).count() > 0) personChanges += 1;
      if (op.type === 'editPerson') {
        if (target.deleted === 0) await laptop.beneficiaries.update(target.id, op.person);
      } else if (op.type === 'removePerson') await laptop.beneficiaries.remove(target.id);
      else if (op.type === 'restorePerson') await laptop.beneficiaries.restore(target.id);
      else if (op.type === 'erasePerson') await laptop.beneficiaries.erase(target.id);
      else if (target.deleted === 0) await laptop.beneficiaries.update(target.id, anonymised(dataOf(target), '2026-02-01', new Date('2026-02-01T00:00:00Z')));
      return;
    }
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
        if (target.deleted !== 0) return;
        if (target.type !== op.activity.type) typeChanges += 1;
        await laptop.activities.update(target.id, await listing(op.activity, op.follow));
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
      for (const laptop of laptops) {
        expect(await statsDifferFromRecount(laptop.db)).toEqual([]);
        for (const filters of FROM_ROWS) {
          const figures = await readDashboard(laptop.db, filters);
          expect(figures.source).toBe('rows');
          expect({ ...figures, source: 'scan' }).toEqual(await scanDashboard(laptop.db, filters));
        }
      }
      await closeTestDatabases();
    }), { numRuns: 30, examples: [[PLACE_STORY]] });
    expect(received).toBeGreaterThan(0);
    expect(listed).toBeGreaterThan(0);
    expect(personChanges).toBeGreaterThan(0);
    expect(heldAtPlaces).toBeGreaterThan(0);
    expect(placeChanges).toBeGreaterThan(0);
    expect(typeChanges).toBeGreaterThan(0);
  }, 240_000);
});
