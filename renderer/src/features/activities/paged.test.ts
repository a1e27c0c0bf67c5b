/**
 * The paged activity list above the in-memory ceiling (issue 10): the keyset steps of
 * `readPagedStep` with the list's own filter give exactly the records and order the in-memory list
 * gives (`filterActivities` over `readAllNewestFirst`), whatever the page size, chunk size and budget;
 * a step stops on its budget and the next goes on from there; an abandoned step reads no further; the
 * number of live activities comes from the dashboard's rows.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relais } from '../../db';
import { countLiveActivitiesFromRows, readAllNewestFirst, readDrillStep, readPagedStep, type ListCursor } from '../../db/activities';
import { drillDown } from '../../db/stats/dashboard';
import type { DrillDown } from '../../domain/stats/filters';
import type { Activity, Stored } from '../../domain/records';
import type { Thematique } from '../../domain/codes';
import { openRelaisWithKeys } from '../../testkit/db';
import { ARVIEU, LORMES } from '../../testkit/records';
import { filterActivities, NO_FILTERS, searchableText, type ActivityFilters } from './filter';
import { pagedRangeOf } from './usePagedActivities';

const label = (code: Thematique) => `Libellé ${code}`;
const THEMES: Thematique[] = ['email', 'bureautique', 'sante', 'aide_aux_demarches_administratives'];
const OTHER_DEVICE = 'device-of-another-mediator';

/** Activity `i`: few distinct dates (many ties on a day), two types, themes, tags, communes, structures. */
function activityNumber(i: number): Activity {
  const date = `2026-0${1 + (i % 4)}-${String(1 + (i % 3) * 7).padStart(2, '0')}`;
  const base = {
    date, duree: 30, typeLieu: 'domicile' as const, commune: i % 5 === 0 ? ARVIEU : LORMES,
    thematiques: [THEMES[i % THEMES.length], ...(i % 7 === 0 ? ['sante' as const] : [])], thematiquesDemarche: [], materiel: [],
    tags: i % 11 === 0 ? ['Téléphone'] : [], beneficiaryIds: [], notes: i % 13 === 0 ? `Démarche n°${i}` : undefined,
    structureEmployeuse: { nom: i % 2 === 0 ? 'Médiathèque' : 'Tiers-lieu' },
  };
  return i % 3 === 2
    ? { ...base, type: 'collectif', titreAtelier: `Atelier ${i}`, participantsAnonymes: { total: 4, dejaAccompagne: 0, genres: { feminin: 2 }, tranchesAge: {}, statutsSociaux: {} } }
    : { ...base, type: 'individuel' };
}

let relais: Relais;
let live: Stored<Activity>[];

beforeAll(async () => {
  relais = openRelaisWithKeys(`paged-${Math.random()}`);
  const created: Stored<Activity>[] = [];
  for (let i = 0; i < 160; i++) created.push(await relais.activities.create(activityNumber(i)));
  // Deleted ones are never listed.
  for (const a of created.filter((_, i) => i % 17 === 4)) await relais.activities.remove(a.id);
  // Another mediator's work, imported: the author filter reads it through its own index.
  const others = created.slice(0, 30).map((a, i) => ({ ...a, id: `${a.id.slice(0, -4)}f${String(i).padStart(3, '0')}`, authorDevice: OTHER_DEVICE }));
  await relais.db.activities.bulkPut(others);
  live = await readAllNewestFirst(relais.db);
});
afterAll(() => relais.db.delete());

const matcher = (f: ActivityFilters) => (chunk: Stored<Activity>[]) => filterActivities(chunk, f, label, (a) => searchableText(a, label));

/** Every step until the range is done; the pages found, in order, and the steps' sizes. */
async function readAllSteps(f: ActivityFilters, want: number, budget: number, chunk: number) {
  const found: Stored<Activity>[] = [];
  const steps: Array<{ found: number; looked: number }> = [];
  let after: ListCursor | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const step = await readPagedStep(relais.db, pagedRangeOf(f), matcher(f), { after, want, budget, chunk });
    found.push(...step.found);
    steps.push({ found: step.found.length, looked: step.looked });
    after = step.cursor;
    if (step.done) return { found, steps };
  }
  throw new Error('the steps never ended');
}

const FILTERS: Array<Partial<ActivityFilters>> = [
  {}, { type: 'collectif' }, { thematique: 'sante' }, { search: 'telephone' }, { search: 'demarche' }, { structure: 'Tiers-lieu' },
  { from: '2026-02-01', to: '2026-03-08' }, { author: OTHER_DEVICE }, { author: OTHER_DEVICE, type: 'individuel' },
  { from: '2026-01-08', type: 'individuel', thematique: 'email', search: 'lormes' }, { search: 'aucun résultat nulle part' },
];

describe('the paged activity list (above the in-memory ceiling)', () => {
  it('the number of live activities comes from the dashboard rows, deleted ones not counted', async () => {
    expect(live.length).toBeGreaterThan(150);
    expect(live.every((a) => a.deleted === 0)).toBe(true);
    expect(await countLiveActivitiesFromRows(relais.db)).toBe(live.length);
  });

  it('finds exactly what the in-memory filter finds, in the same order, across ties on a date, whatever the page, chunk and budget', async () => {
    for (const partial of FILTERS) {
      const f = { ...NO_FILTERS, ...partial };
      const expected = filterActivities(live, f, label).map((a) => a.id);
      for (const [want, budget, chunk] of [[200, 20_000, 2000], [7, 1000, 5], [3, 10, 4], [1, 1, 1]]) {
        const { found, steps } = await readAllSteps(f, want, budget, chunk);
        expect(found.map((a) => a.id), `${JSON.stringify(partial)} want ${want} budget ${budget} chunk ${chunk}`).toEqual(expected);
        for (const step of steps) {
          expect(step.found).toBeLessThanOrEqual(want);
          expect(step.looked).toBeLessThanOrEqual(budget);
        }
      }
    }
    // The filters tried do select something (and not everything), so the comparison means something.
    expect(filterActivities(live, { ...NO_FILTERS, search: 'telephone' }, label).length).toBeGreaterThan(5);
    expect(filterActivities(live, { ...NO_FILTERS, author: OTHER_DEVICE, type: 'individuel' }, label).length).toBeGreaterThan(5);
  });

  it('pages without a filter read only the page: 200 looked at for 200 shown, the next from the last row shown', async () => {
    const first = await readPagedStep(relais.db, {}, matcher(NO_FILTERS), { want: 50, budget: 20_000 });
    expect(first.found.map((a) => a.id)).toEqual(live.slice(0, 50).map((a) => a.id));
    expect(first.looked).toBe(50);
    expect(first.cursor).toEqual({ date: live[49].date, id: live[49].id });
    const second = await readPagedStep(relais.db, {}, matcher(NO_FILTERS), { after: first.cursor, want: 50, budget: 20_000 });
    expect(second.found.map((a) => a.id)).toEqual(live.slice(50, 100).map((a) => a.id));
    expect(second.done).toBe(false);
  });

  it('a rare filter stops on its budget, says how far it went, and the next step goes on from there', async () => {
    const f = { ...NO_FILTERS, search: 'telephone' };
    const expected = filterActivities(live, f, label);
    const first = await readPagedStep(relais.db, {}, matcher(f), { want: 200, budget: 40, chunk: 15 });
    expect(first.looked).toBe(40);
    expect(first.done).toBe(false);
    expect(first.found.map((a) => a.id)).toEqual(filterActivities(live.slice(0, 40), f, label).map((a) => a.id));
    expect(first.cursor).toEqual({ date: live[39].date, id: live[39].id });
    const second = await readPagedStep(relais.db, {}, matcher(f), { after: first.cursor, want: 200, budget: 20_000 });
    expect(second.done).toBe(true);
    expect([...first.found, ...second.found].map((a) => a.id)).toEqual(expected.map((a) => a.id));
  });

  it('an abandoned step reads no further chunk and hands back nothing', async () => {
    let asked = 0;
    let chunksMatched = 0;
    const step = await readPagedStep(relais.db, {}, (chunk) => { chunksMatched += 1; return chunk; }, {
      want: 200, budget: 20_000, chunk: 10, stopped: () => (asked += 1) > 1,
    });
    expect(step.abandoned).toBe(true);
    expect(step.found).toEqual([]);
    expect(chunksMatched).toBe(0);
  });

  it('a drill-down goes on past its first screen with exactly the records the dashboard selects, in order', async () => {
    for (const partial of [{ type: 'collectif' as const }, { thematique: 'sante' as const, author: OTHER_DEVICE }, { from: '2026-02-01', to: '2026-03-31', commune: LORMES.codeInsee }]) {
      const drill: DrillDown = partial;
      const all = (await drillDown(relais.db, drill, 10_000)).activities.map((a) => a.id);
      expect(all.length, JSON.stringify(partial)).toBeGreaterThan(6);
      const first = await drillDown(relais.db, drill, 4);
      const seen = first.activities.map((a) => a.id);
      let after: ListCursor | undefined = { date: first.activities[3].date, id: first.activities[3].id };
      for (let guard = 0; guard < 100 && after; guard++) {
        const step = await readDrillStep(relais.db, drill, { after, want: 4, budget: 9, chunk: 3 });
        seen.push(...step.found.map((a) => a.id));
        after = step.done ? undefined : step.cursor;
      }
      expect(seen, JSON.stringify(partial)).toEqual(all);
    }
  });
});
