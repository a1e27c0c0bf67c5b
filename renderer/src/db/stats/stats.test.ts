import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Relais } from '../index';
import { openRelaisWithKeys } from '../../testkit/db';
import type { Activity, Stored } from '../../domain/records';
import { LORMES, ARVIEU, placeData } from '../../testkit/records';
import { activitiesPerAuthor, dashboardChoices, readDashboard, drillDown, placeCommunes, placeDirectory, scanDashboard, statsDifferFromRecount } from './dashboard';
import { removeDemoData } from '../demo';
import { withStatsDeferred } from './middleware';

const STRUCTURE = { nom: 'Mairie de Lormes' };
const ELSEWHERE = 'c3'.repeat(16);

function individual(date: string, duree: number, overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'individuel', date, duree, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [],
    materiel: [], tags: [], beneficiaryIds: [], structureEmployeuse: STRUCTURE, ...overrides,
  };
}

function workshop(date: string, duree: number, total: number, overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'collectif', date, duree, typeLieu: 'domicile', commune: ARVIEU, thematiques: ['bureautique', 'email'], thematiquesDemarche: [],
    materiel: [], tags: ['senior'], beneficiaryIds: [], structureEmployeuse: STRUCTURE,
    participantsAnonymes: { total, dejaAccompagne: 0, genres: { feminin: 2 }, tranchesAge: {}, statutsSociaux: {} }, ...overrides,
  };
}

let relais: Relais;
afterEach(async () => { await relais?.db.delete(); });

/**
 * The seeded dataset, figures checked by hand:
 *  - 2026-01-10 individual, 20 min, Lormes, email, anonymous woman 60–69   → 1 person, bucket <30
 *  - 2026-01-20 individual, 45 min, Lormes, email + démarches/logement, one followed person → 1 person, 30–60
 *  - 2026-02-05 workshop, 90 min, Arvieu, bureautique + email, 5 anonymous (2 women, 3 not given) → 5, 60–120
 *  - 2026-02-07 individual, 120 min, at a place in Lormes, email → 1 person, ≥120
 *  - 2026-02-08 individual, 30 min, Lormes, deleted → not counted
 */
async function seed(): Promise<{ place: string; ids: string[] }> {
  relais = openRelaisWithKeys(`stats-${Math.random()}`);
  const place = await relais.places.create(placeData('Médiathèque'));
  const person = await relais.beneficiaries.create({ code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
  const a1 = await relais.activities.create(individual('2026-01-10', 20, { beneficiaireAnonyme: { genre: 'feminin', trancheAge: 'soixante_soixante_neuf' } }));
  const a2 = await relais.activities.create(individual('2026-01-20', 45, {
    beneficiaryIds: [person.id], thematiques: ['email', 'aide_aux_demarches_administratives'], thematiquesDemarche: ['logement'],
  }));
  const a3 = await relais.activities.create(workshop('2026-02-05', 90, 5));
  const a4 = await relais.activities.create(individual('2026-02-07', 120, { typeLieu: 'lieu_activite', commune: undefined, placeId: place.id }));
  const a5 = await relais.activities.create(individual('2026-02-08', 30));
  await relais.activities.remove(a5.id);
  return { place: place.id, ids: [a1.id, a2.id, a3.id, a4.id] };
}

describe('dashboard figures on the maintained rows', () => {
  it('match the hand-checked figures of a seeded dataset', async () => {
    await seed();
    const figures = await readDashboard(relais.db, {});
    expect(figures.source).toBe('rows');
    expect(figures.totals).toMatchObject({
      activities: 4, individuel: 3, collectif: 1, followed: 1, anonymous: 7, minutes: 275,
      duration: { moins_30: 1, de_30_a_60: 1, de_60_a_120: 1, plus_120: 1 },
      thematique: { email: 4, aide_aux_demarches_administratives: 1, bureautique: 1 },
      demarche: { logement: 1 },
      // The followed person (a woman of 70 or more, retired) counts from her record: each section sums to 8 people.
      genre: { feminin: 4, non_communique: 4 },
      age: { soixante_soixante_neuf: 1, soixante_dix_plus: 1, non_communique: 6 },
      statut: { retraite: 1, non_communique: 7 },
    });
    expect(figures.perMonth).toEqual([{ month: '2026-01', activities: 2, people: 2 }, { month: '2026-02', activities: 2, people: 6 }]);
    // The activity at the place counts in the place's commune (Lormes).
    expect(figures.perCommune).toEqual({ 58145: 3, 12011: 1 });
  });

  it('narrow with one filter from the rows, and with two from a scan that agrees', async () => {
    const { place } = await seed();
    const lormes = await readDashboard(relais.db, { commune: '58145' });
    expect([lormes.source, lormes.totals.activities, lormes.totals.minutes]).toEqual(['rows', 3, 185]);
    expect((await readDashboard(relais.db, { departement: '12' })).totals.activities).toBe(1);
    expect((await readDashboard(relais.db, { place })).totals.activities).toBe(1);
    expect((await readDashboard(relais.db, { from: '2026-02-01' })).totals.activities).toBe(2);
    expect((await readDashboard(relais.db, { type: 'collectif' })).totals.anonymous).toBe(5);
    expect((await readDashboard(relais.db, { tag: 'senior' })).totals.activities).toBe(1);
    expect((await readDashboard(relais.db, { demarche: 'logement' })).totals.followed).toBe(1);
    const both = await readDashboard(relais.db, { commune: '58145', thematique: 'email', from: '2026-02-01' });
    expect([both.source, both.totals.activities, both.totals.minutes]).toEqual(['scan', 1, 120]);
  });

  it('stay exact for a period that is not whole months: whole months from the rows, the edges scanned', async () => {
    const { ids } = await seed();
    // 15 January to 28 February: February from the rows (the workshop and the place), 15–31 January
    // scanned (the followed person on the 20th, not the 10th): 45 + 90 + 120 minutes, 1 followed + 5 anonymous + 1.
    const midJanuary = await readDashboard(relais.db, { from: '2026-01-15', to: '2026-02-28' });
    expect(midJanuary.source).toBe('rows+edges');
    expect(midJanuary.totals).toMatchObject({ activities: 3, individuel: 2, collectif: 1, followed: 1, anonymous: 6, minutes: 255 });
    expect(midJanuary.perMonth).toEqual([{ month: '2026-01', activities: 1, people: 1 }, { month: '2026-02', activities: 2, people: 6 }]);
    // With one row criterion: Lormes, the place's activity counted there too — the 20 January and the 7 February.
    const lormes = await readDashboard(relais.db, { from: '2026-01-15', to: '2026-02-28', commune: '58145' });
    expect([lormes.source, lormes.totals.activities, lormes.totals.minutes]).toEqual(['rows+edges', 2, 165]);
    // An open start and a partial end month: December to 15 January → only the 10 January, 20 minutes.
    const toMid = await readDashboard(relais.db, { to: '2026-01-15' });
    expect([toMid.source, toMid.totals.activities, toMid.totals.minutes]).toEqual(['rows+edges', 1, 20]);
    // No whole month inside (11 January to 6 February): a scan, the 20 January and the workshop of the 5th.
    const across = await readDashboard(relais.db, { from: '2026-01-11', to: '2026-02-06' });
    expect([across.source, across.totals.activities, across.totals.minutes, across.totals.anonymous]).toEqual(['scan', 2, 135, 5]);
    // Both ends included, to the day.
    expect((await readDashboard(relais.db, { from: '2026-02-07', to: '2026-02-07' })).totals.minutes).toBe(120);
    expect((await drillDown(relais.db, { from: '2026-01-11', to: '2026-02-06' })).activities.map((a) => a.id)).toEqual([ids[2], ids[1]]);
    // A period that ends before it starts selects nothing (and throws nothing).
    expect((await readDashboard(relais.db, { from: '2026-02-10', to: '2026-01-20' })).totals.activities).toBe(0);
    expect((await readDashboard(relais.db, { from: '2026-02-10', to: '2026-01-20', thematique: 'email' })).totals.activities).toBe(0);
    expect((await drillDown(relais.db, { from: '2026-02-10', to: '2026-01-20' })).activities).toEqual([]);
  });

  it('read the village with a scan (no row answers it), through the same predicate', async () => {
    await seed();
    const village = 'village-of-arvieu';
    const all = await relais.db.activities.toArray();
    const workshopRecord = all.find((a) => a.type === 'collectif')!;
    await relais.activities.update(workshopRecord.id, { ...workshopRecord, villageId: village });
    const figures = await readDashboard(relais.db, { village });
    expect([figures.source, figures.totals.activities, figures.totals.anonymous]).toEqual(['scan', 1, 5]);
  });

  it('read a place through its index (places keep no rows): its live activities of whole months; every live place is a choice', async () => {
    const { place, ids } = await seed();
    expect((await relais.db.activityStats.toCollection().primaryKeys()).filter((key) => String(key).startsWith('place'))).toEqual([]);
    const january = await relais.activities.create(individual('2026-01-12', 60, { typeLieu: 'lieu_activite', commune: undefined, placeId: place }));
    const removed = await relais.activities.create(individual('2026-02-09', 15, { typeLieu: 'lieu_activite', commune: undefined, placeId: place }));
    await relais.activities.remove(removed.id);
    const atPlace = await readDashboard(relais.db, { place, from: '2026-01-01', to: '2026-02-28' });
    expect([atPlace.source, atPlace.totals.activities, atPlace.totals.minutes]).toEqual(['rows', 2, 180]);
    expect(atPlace.perMonth).toEqual([{ month: '2026-01', activities: 1, people: 1 }, { month: '2026-02', activities: 1, people: 1 }]);
    expect((await readDashboard(relais.db, { place, from: '2026-02-01', to: '2026-02-28' })).totals.minutes).toBe(120);
    // Lormes: its own rows (the 10 and 20 January) and its place's activities (the 12 January, the 7 February).
    expect((await readDashboard(relais.db, { commune: '58145', from: '2026-01-01', to: '2026-01-31' })).totals.minutes).toBe(125);
    expect((await readDashboard(relais.db, { departement: '58' })).totals.activities).toBe(4);
    // Every live place is offered, with or without activities (as La Coop offers a mediator's places); a deleted one is not.
    const empty = await relais.places.create(placeData('Atelier'));
    expect((await placeDirectory(relais.db)).choices).toEqual([empty.id, place]);
    await relais.activities.remove(january.id);
    await relais.activities.remove(ids[3]);
    await relais.places.remove(empty.id);
    expect((await placeDirectory(relais.db)).choices).toEqual([place]);
    expect((await readDashboard(relais.db, { place })).totals.activities).toBe(0);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('give the same figures with the places read beforehand (the page reads them once per change of places)', async () => {
    await seed();
    const places = await placeCommunes(relais.db);
    expect(places.get((await relais.db.places.toArray())[0].id)).toBe('58145');
    for (const filters of [{}, { commune: '58145' }, { departement: '58' }, { type: 'collectif' }, { commune: '58145', thematique: 'email' }]) {
      expect(await readDashboard(relais.db, filters, places)).toEqual(await readDashboard(relais.db, filters));
    }
  });

  it('count a place\'s activities in its commune\'s rows, keyed by commune, and move them when its commune changes', async () => {
    const { place } = await seed();
    // The rows' `where` counts carry communes, not places; the commune and département filters read rows only.
    const rows = await relais.db.activityStats.toArray();
    expect(new Set(rows.flatMap((row) => Object.keys(row.where)))).toEqual(new Set(['58145', '12011']));
    expect((await dashboardChoices(relais.db))).toMatchObject({ commune: ['12011', '58145'], dept: ['12', '58'] });
    const lormes = await readDashboard(relais.db, { commune: '58145' });
    expect([lormes.source, lormes.totals.activities, lormes.totals.minutes]).toEqual(['rows', 3, 185]);
    // The place moves to Arvieu: its activity of the 7 February (120 min) goes with it.
    const stored = (await relais.db.places.get(place))!;
    await relais.places.update(place, { ...stored, commune: ARVIEU });
    expect((await readDashboard(relais.db, {})).perCommune).toEqual({ 58145: 2, 12011: 2 });
    expect((await readDashboard(relais.db, { commune: '58145' })).totals.minutes).toBe(65);
    expect((await readDashboard(relais.db, { departement: '12' })).totals.minutes).toBe(210);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    // Deleted, the place keeps its commune: its activities took place there all the same.
    await relais.places.remove(place);
    expect((await readDashboard(relais.db, { departement: '12' })).totals.activities).toBe(2);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('count an activity whose place arrives after it in no commune, then in the place\'s commune', async () => {
    await seed();
    const late = '0195c72d-c111-7c36-a109-e5e5e5e5e5e5';
    const [activity] = await relais.db.activities.where('[placeId+date]').between([''], ['\uffff'], true, true).toArray();
    await relais.db.activities.put({ ...activity, id: '0195c72d-c111-7c36-a109-e5e5e5e5e5e6', date: '2026-03-03', duree: 50, placeId: late });
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect((await readDashboard(relais.db, march)).perCommune).toEqual({ '': 1 });
    expect((await readDashboard(relais.db, { ...march, departement: '12' })).totals.activities).toBe(0);
    const [place] = await relais.db.places.toArray();
    await relais.db.places.put({ ...place, id: late, commune: ARVIEU });
    expect((await readDashboard(relais.db, march)).perCommune).toEqual({ 12011: 1 });
    expect((await readDashboard(relais.db, { ...march, departement: '12' })).totals.minutes).toBe(50);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    // Removed for good (a restore clears the table), its activities count in no commune again.
    await relais.db.places.delete(late);
    expect((await readDashboard(relais.db, march)).perCommune).toEqual({ '': 1 });
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('read the places again only when one changed (the next visit of the dashboard reuses them)', async () => {
    await seed();
    const first = await placeDirectory(relais.db);
    expect(await placeDirectory(relais.db)).toBe(first);
    const [place] = await relais.db.places.toArray();
    await relais.places.update(place.id, { ...place, nom: 'Médiathèque d’Arvieu', commune: ARVIEU });
    const moved = await placeDirectory(relais.db);
    expect([moved.communeOf.get(place.id), moved.nameOf.get(place.id)]).toEqual(['12011', 'Médiathèque d’Arvieu']);
    const added = await relais.places.create(placeData('Tiers-lieu'));
    expect((await placeDirectory(relais.db)).nameOf.get(added.id)).toBe('Tiers-lieu');
    await relais.places.remove(added.id);
    expect(await placeDirectory(relais.db)).not.toBe(moved);
  });

  it('drill down to the records behind a figure, newest first', async () => {
    const { ids } = await seed();
    const list = await drillDown(relais.db, { commune: '58145' });
    expect(list.activities.map((a) => a.id)).toEqual([ids[3], ids[1], ids[0]]);
    expect((await drillDown(relais.db, { duration: 'de_60_a_120' })).activities.map((a) => a.id)).toEqual([ids[2]]);
    expect((await drillDown(relais.db, { from: '2026-01-01', to: '2026-01-31' }, 1))).toMatchObject({ more: true });
  });

  it('stay equal to a recount through edits, restores, erasures, imports and demo removal', async () => {
    const { ids } = await seed();
    const a2 = (await relais.activities.get(ids[1])) as Stored<Activity>;
    await relais.activities.update(ids[1], { ...a2, duree: 200, date: '2026-03-01' });
    await relais.activities.erase(ids[0]);
    const received = { ...(await relais.activities.get(ids[2]))!, id: '0195c72d-c111-7c36-a109-c3c3c3c3c3c3', authorDevice: ELSEWHERE, demo: true };
    await relais.db.activities.put(received);
    expect((await readDashboard(relais.db, { author: ELSEWHERE })).totals.activities).toBe(1);
    // Per author, as the mediators view shows them: live ones only (the deleted 8 February and the erased 10 January are not).
    const own = (await relais.activities.get(ids[1]))!.authorDevice;
    expect(await activitiesPerAuthor(relais.db)).toEqual(new Map([[own, 3], [ELSEWHERE, 1]]));
    await removeDemoData(relais.db);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    const after = await readDashboard(relais.db, {});
    expect([after.totals.activities, after.totals.minutes]).toEqual([3, 410]);
  });

  it('recount in chunks (a million activities at the bench) and still see a row that differs', async () => {
    await seed();
    expect(await statsDifferFromRecount(relais.db, 1)).toEqual([]);
    const row = (await relais.db.activityStats.toArray()).find((r) => r.dim === 'all')!;
    await relais.db.activityStats.put({ ...row, minutes: row.minutes + 1 });
    expect(await statsDifferFromRecount(relais.db, 1)).toEqual([row.key]);
    expect(await statsDifferFromRecount(relais.db, 3)).toEqual([row.key]);
    // A row missing from the stored ones, and a stored row no activity accounts for, are seen too.
    const other = (await relais.db.activityStats.toArray()).find((r) => r.dim === 'all' && r.type === 'collectif')!;
    await relais.db.activityStats.delete(other.key);
    await relais.db.activityStats.put({ ...row, key: `${row.key}-stray`, month: '1999-01' });
    for (const chunk of [1, 2, 5000]) {
      expect((await statsDifferFromRecount(relais.db, chunk)).sort()).toEqual([row.key, `${row.key}-stray`, other.key].sort());
    }
  });
});

describe('the type and one other filter, from the rows (each row is kept per activity type)', () => {
  /**
   * The seeded dataset plus a workshop in Lormes, figures checked by hand:
   *  - 2026-01-10 individual, 20 min, Lormes, email, an anonymous woman
   *  - 2026-01-20 individual, 45 min, Lormes, email + démarches, one followed person
   *  - 2026-01-25 workshop,   60 min, Lormes, bureautique + email, 3 anonymous (2 women)
   *  - 2026-02-05 workshop,   90 min, Arvieu, bureautique + email, 5 anonymous (2 women)
   *  - 2026-02-07 individual, 120 min, at a place in Lormes, email
   *  - 2026-02-08 individual, 30 min, Lormes, deleted
   */
  async function seedWithWorkshopInLormes() {
    const seeded = await seed();
    await relais.activities.create(workshop('2026-01-25', 60, 3, { commune: LORMES }));
    return seeded;
  }

  /** `readDashboard` with every read of the activities table watched: the rows answer without one. */
  async function fromRowsOnly(filters: Parameters<typeof readDashboard>[1]) {
    const table = relais.db.activities;
    const reads = (['where', 'orderBy', 'toCollection', 'toArray', 'filter', 'get', 'bulkGet', 'each', 'count'] as const).map((method) => vi.spyOn(table, method));
    try {
      const figures = await readDashboard(relais.db, filters);
      expect(reads.map((spy) => spy.mock.calls.length)).toEqual(reads.map(() => 0));
      return figures;
    } finally {
      for (const spy of reads) spy.mockRestore();
    }
  }

  it('type + commune: hand-checked, no activity read, equal to the scan', async () => {
    await seedWithWorkshopInLormes();
    const workshops = await fromRowsOnly({ type: 'collectif', commune: '58145' });
    expect(workshops.source).toBe('rows');
    expect(workshops.totals).toMatchObject({
      activities: 1, individuel: 0, collectif: 1, followed: 0, anonymous: 3, minutes: 60,
      thematique: { bureautique: 1, email: 1 }, genre: { feminin: 2, non_communique: 1 }, duration: { de_60_a_120: 1 },
    });
    expect(workshops.perMonth).toEqual([{ month: '2026-01', activities: 1, people: 3 }]);
    expect(workshops.perCommune).toEqual({ 58145: 1 });
    // Individual activities in Lormes: the 10 and 20 January, and the 7 February at its place.
    const individual = await fromRowsOnly({ type: 'individuel', commune: '58145' });
    expect([individual.source, individual.totals.activities, individual.totals.minutes, individual.totals.followed, individual.totals.anonymous]).toEqual(['rows', 3, 185, 1, 2]);
    expect(individual.perMonth).toEqual([{ month: '2026-01', activities: 2, people: 2 }, { month: '2026-02', activities: 1, people: 1 }]);
    for (const filters of [{ type: 'collectif', commune: '58145' }, { type: 'individuel', commune: '58145' }, { type: 'collectif', departement: '12' }]) {
      const scanned = await scanDashboard(relais.db, filters);
      expect(scanned.source).toBe('scan');
      expect({ ...(await readDashboard(relais.db, filters)), source: 'scan' }).toEqual(scanned);
    }
  });

  it('type + thématique: hand-checked, no activity read, equal to the scan', async () => {
    await seedWithWorkshopInLormes();
    // Bureautique workshops: Lormes on 25 January, Arvieu on 5 February.
    const workshops = await fromRowsOnly({ type: 'collectif', thematique: 'bureautique' });
    expect(workshops.source).toBe('rows');
    expect(workshops.totals).toMatchObject({ activities: 2, collectif: 2, anonymous: 8, minutes: 150, genre: { feminin: 4, non_communique: 4 } });
    expect(workshops.perCommune).toEqual({ 58145: 1, 12011: 1 });
    expect(workshops.perMonth).toEqual([{ month: '2026-01', activities: 1, people: 3 }, { month: '2026-02', activities: 1, people: 5 }]);
    expect((await fromRowsOnly({ type: 'individuel', thematique: 'bureautique' })).totals.activities).toBe(0);
    const demarches = await fromRowsOnly({ type: 'individuel', thematique: 'aide_aux_demarches_administratives' });
    expect([demarches.totals.activities, demarches.totals.minutes, demarches.totals.demarche]).toEqual([1, 45, { logement: 1 }]);
    for (const filters of [{ type: 'collectif', thematique: 'bureautique' }, { type: 'individuel', thematique: 'email' }, { type: 'collectif', thematique: 'email', from: '2026-02-01' }]) {
      expect({ ...(await readDashboard(relais.db, filters)), source: 'scan' }).toEqual(await scanDashboard(relais.db, filters));
    }
  });

  it('a single filter adds both types\' rows of each month; the type alone reads the `all` rows of that type', async () => {
    await seedWithWorkshopInLormes();
    const lormes = await fromRowsOnly({ commune: '58145' });
    expect([lormes.source, lormes.totals.activities, lormes.totals.individuel, lormes.totals.collectif, lormes.totals.minutes]).toEqual(['rows', 4, 3, 1, 245]);
    expect(lormes.perMonth).toEqual([{ month: '2026-01', activities: 3, people: 5 }, { month: '2026-02', activities: 1, people: 1 }]);
    const workshops = await fromRowsOnly({ type: 'collectif', from: '2026-01-01', to: '2026-01-31' });
    expect([workshops.totals.activities, workshops.totals.minutes]).toEqual([1, 60]);
    for (const filters of [{ commune: '58145' }, { type: 'collectif' }, { thematique: 'email', to: '2026-01-31' }, {}]) {
      expect({ ...(await readDashboard(relais.db, filters)), source: 'scan' }).toEqual(await scanDashboard(relais.db, filters));
    }
    // The mediators view and the list's count read the rows of every type: each activity once.
    expect([...(await activitiesPerAuthor(relais.db)).values()]).toEqual([5]);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('type + commune over a period that is not whole months: the whole months from the rows, the edges scanned', async () => {
    await seedWithWorkshopInLormes();
    // 20 January to 28 February: February's Lormes workshops from the rows (none), 20–31 January scanned (the 25th).
    const workshops = await readDashboard(relais.db, { type: 'collectif', commune: '58145', from: '2026-01-20', to: '2026-02-28' });
    expect([workshops.source, workshops.totals.activities, workshops.totals.minutes]).toEqual(['rows+edges', 1, 60]);
    const individual = await readDashboard(relais.db, { type: 'individuel', commune: '58145', from: '2026-01-20', to: '2026-02-28' });
    expect([individual.source, individual.totals.activities, individual.totals.minutes]).toEqual(['rows+edges', 2, 165]);
  });

  it('keep the scan for two filters besides the type, and for the village', async () => {
    await seedWithWorkshopInLormes();
    await expect(fromRowsOnly({ type: 'collectif', commune: '58145', thematique: 'bureautique' })).rejects.toThrow();
    await expect(fromRowsOnly({ type: 'collectif', commune: '58145', from: '2026-01-20' })).rejects.toThrow();
    const both = await readDashboard(relais.db, { type: 'collectif', commune: '58145', thematique: 'bureautique' });
    expect([both.source, both.totals.activities]).toEqual(['scan', 1]);
    expect((await readDashboard(relais.db, { type: 'collectif', village: 'nowhere' })).source).toBe('scan');
  });
});

describe('rows applied once at the end of a writer\'s transaction (withStatsDeferred)', () => {
  /** The seeded dataset, its rows as stored, and its activities as stored. */
  async function seedThenRows() {
    const { ids } = await seed();
    const before = await relais.db.activityStats.toArray();
    const stored = await relais.db.activities.bulkGet(ids) as Array<Stored<Activity>>;
    return { ids, before, stored };
  }

  /** `writes` in one read-write transaction whose rows are deferred (bounded by `rowsLimit`). */
  function deferred(writes: () => Promise<void>, rowsLimit?: number): Promise<void> {
    return relais.db.transaction('rw', relais.db.activities, () => withStatsDeferred(relais.db, writes, rowsLimit));
  }

  it('stay untouched between batches, then equal a recount, across rewrites and deletes of the same ids', async () => {
    const { before, stored, ids } = await seedThenRows();
    let rowsMidway: unknown[] = [];
    await deferred(async () => {
      // Batch 1 moves one activity to March and adds a new one; batch 2 rewrites both again and
      // deletes another: each batch reads what the previous one wrote, the rows add up the deltas.
      const added = { ...stored[2], id: '0195c72d-c111-7c36-a109-c3c3c3c3c3c4', date: '2026-03-09' };
      await relais.db.activities.bulkPut([{ ...stored[0], date: '2026-03-02', duree: 61 }, added]);
      await relais.db.activities.bulkPut([{ ...stored[0], date: '2026-03-03', duree: 150 }, { ...added, type: 'individuel', participantsAnonymes: undefined }]);
      await relais.db.activities.delete(ids[3]);
      rowsMidway = await relais.db.activityStats.toArray();
    });
    expect(rowsMidway).toEqual(before);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    const march = await readDashboard(relais.db, { from: '2026-03-01' });
    expect([march.totals.activities, march.totals.individuel, march.totals.minutes]).toEqual([2, 2, 240]);
    expect((await readDashboard(relais.db, {})).totals.activities).toBe(4);
  });

  it('are written when more than the bound wait, and still equal a recount at the end', async () => {
    const { before, stored } = await seedThenRows();
    let rowsMidway: unknown[] = [];
    await deferred(async () => {
      await relais.db.activities.bulkPut(stored.map((a) => ({ ...a, date: '2026-04-04' })));
      rowsMidway = await relais.db.activityStats.toArray();
      await relais.db.activities.bulkPut(stored.map((a) => ({ ...a, date: '2026-05-05', duree: 10 })));
    }, 3);
    expect(rowsMidway).not.toEqual(before);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    const may = await readDashboard(relais.db, { from: '2026-05-01', to: '2026-05-31' });
    expect([may.totals.activities, may.totals.minutes]).toEqual([4, 40]);
    expect((await readDashboard(relais.db, { from: '2026-04-01', to: '2026-04-30' })).totals.activities).toBe(0);
  });

  it('are dropped with the transaction when the writer fails', async () => {
    const { before, stored } = await seedThenRows();
    await expect(deferred(async () => {
      await relais.db.activities.put({ ...stored[0], duree: 300 });
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(await relais.db.activityStats.toArray()).toEqual(before);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });
});

describe('followed people in the gender, age band and status sections', () => {
  /**
   * Hand-checked: two followed people, one per accompaniment (like `followed`), from their own record.
   *  - P1: woman, 70 or more (band on the record), retired; P2: man born in 2001, employed
   *  - x1 2025-12-15 workshop, P1 and P2          → woman 70+ retired, man 18–24 (24 in 2025) employed
   *  - x2 2026-01-15 individual, P2               → man 25–39 (25 in 2026) employed
   *  - x3 2026-01-20 workshop, P1 + 3 anonymous (1 woman) → woman 70+ retired; woman, 2 × n.c.; 3 × n.c. age and status
   *  - x4 2026-01-25 individual, an anonymous man → man, n.c., n.c.
   * 4 followed + 4 anonymous = 8 people, and each section sums to 8.
   */
  async function seedPeople() {
    relais = openRelaisWithKeys(`people-${Math.random()}`);
    const p1 = await relais.beneficiaries.create({ code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
    const p2 = await relais.beneficiaries.create({ code: 'B-0002', genre: 'masculin', anneeNaissance: 2001, statutSocial: 'en_emploi', dejaAccompagne: false });
    const { participantsAnonymes: _none, ...twoFollowed } = workshop('2025-12-15', 30, 0, { beneficiaryIds: [p1.id, p2.id] });
    await relais.activities.create(twoFollowed);
    await relais.activities.create(individual('2026-01-15', 30, { beneficiaryIds: [p2.id] }));
    await relais.activities.create(workshop('2026-01-20', 60, 3, {
      beneficiaryIds: [p1.id], participantsAnonymes: { total: 3, dejaAccompagne: 0, genres: { feminin: 1 }, tranchesAge: {}, statutsSociaux: {} },
    }));
    await relais.activities.create(individual('2026-01-25', 30, { beneficiaireAnonyme: { genre: 'masculin' } }));
    return { p1, p2 };
  }

  const sections = async (filters = {}) => {
    const { totals } = await readDashboard(relais.db, filters);
    return { people: totals.followed + totals.anonymous, genre: totals.genre, age: totals.age, statut: totals.statut };
  };

  it('count each followed person from their record, so every section adds up to the people helped', async () => {
    await seedPeople();
    expect(await sections()).toEqual({
      people: 8,
      genre: { feminin: 3, masculin: 3, non_communique: 2 },
      age: { soixante_dix_plus: 2, dix_huit_vingt_quatre: 1, vingt_cinq_trente_neuf: 1, non_communique: 4 },
      statut: { retraite: 2, en_emploi: 2, non_communique: 4 },
    });
    // The same from a scan (two filters besides the type): x2 and x4 are the individual email activities of January at Lormes.
    expect(await sections({ commune: '58145', thematique: 'email', type: 'individuel', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      people: 2, genre: { masculin: 2 }, age: { vingt_cinq_trente_neuf: 1, non_communique: 1 }, statut: { en_emploi: 1, non_communique: 1 },
    });
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('follow a person\'s own record as it is edited, deleted, restored and erased', async () => {
    const { p1, p2 } = await seedPeople();
    // A scan (two filters besides the type) reads P2's record, then sees the edit (the people it read are read again).
    const januaryAtLormes = { commune: '58145', thematique: 'email', type: 'individuel', from: '2026-01-01', to: '2026-01-31' };
    expect((await sections(januaryAtLormes)).genre).toEqual({ masculin: 2 });
    await relais.beneficiaries.update(p2.id, { code: 'B-0002', genre: 'feminin', anneeNaissance: 2001, statutSocial: 'sans_emploi', dejaAccompagne: false });
    expect((await sections(januaryAtLormes)).genre).toEqual({ feminin: 1, masculin: 1 });
    expect(await sections()).toMatchObject({
      people: 8, genre: { feminin: 5, masculin: 1, non_communique: 2 }, statut: { retraite: 2, sans_emploi: 2, non_communique: 4 },
    });
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    // Deleted, P2 counts "non communiqué" (the activities still list them); restored, as before.
    await relais.beneficiaries.remove(p2.id);
    expect(await sections()).toMatchObject({ people: 8, genre: { feminin: 3, masculin: 1, non_communique: 4 } });
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    await relais.beneficiaries.restore(p2.id);
    expect(await sections()).toMatchObject({ genre: { feminin: 5, masculin: 1, non_communique: 2 } });
    // Erased, P1's data is gone: still two people helped, now "non communiqué" in every section.
    await relais.beneficiaries.erase(p1.id);
    expect(await sections()).toEqual({
      people: 8,
      genre: { feminin: 3, masculin: 1, non_communique: 4 },
      age: { dix_huit_vingt_quatre: 1, vingt_cinq_trente_neuf: 1, non_communique: 6 },
      statut: { sans_emploi: 2, non_communique: 6 },
    });
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('count a person who arrives after the activities that list them (an import in another order)', async () => {
    const { p2 } = await seedPeople();
    const stored = (await relais.db.beneficiaries.get(p2.id))!;
    const late = { ...stored, id: '0195c72d-c111-7c36-a109-d4d4d4d4d4d4', code: 'B-0003', genre: 'feminin' as const, anneeNaissance: 1950 };
    const activity = (await relais.db.activities.where('beneficiaryIds').equals(p2.id).first())!;
    await relais.db.activities.put({ ...activity, id: '0195c72d-c111-7c36-a109-d4d4d4d4d4d5', date: '2026-02-02', beneficiaryIds: [late.id] });
    expect(await sections({ from: '2026-02-01', to: '2026-02-28' })).toMatchObject({ people: 1, genre: { non_communique: 1 } });
    await relais.db.beneficiaries.put(late);
    expect(await sections({ from: '2026-02-01', to: '2026-02-28' })).toEqual({
      people: 1, genre: { feminin: 1 }, age: { soixante_dix_plus: 1 }, statut: { en_emploi: 1 },
    });
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });
});
