// "Export what the dashboard shows": for the same filters, the CRA export holds exactly the activities
// the dashboard counts — whether the dashboard read its count rows, its rows and the partial edge
// months, or a scan — and the drill-down lists the same ones.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relais } from '../../db';
import { craSource } from '../../db/exports';
import { drillDown, readDashboard, type DashboardFigures } from '../../db/stats/dashboard';
import { CRA_COLUMNS } from '../../domain/formats/cra';
import type { Activity, Stored } from '../../domain/records';
import type { DrillDown } from '../../domain/stats/filters';
import { openRelaisWithKeys } from '../../testkit/db';
import { ARVIEU, LORMES, placeData } from '../../testkit/records';
import { makeVocabulary } from './vocabulary';

const ELSEWHERE = 'c4'.repeat(16);
const THEMES = ['email', 'bureautique', 'aide_aux_demarches_administratives', 'securite_numerique'] as const;
const STRUCTURES = ['Mairie de Lormes', 'Tiers-lieu d’Arvieu'];

let relais: Relais;
let place: string;

/** 90 activities over five months, every criterion varied by a fixed rule (no randomness to chase). */
beforeAll(async () => {
  relais = openRelaisWithKeys(`same-as-dashboard-${Math.random()}`);
  place = (await relais.places.create(placeData('Médiathèque'))).id;
  const created: Array<Stored<Activity>> = [];
  for (let i = 0; i < 90; i += 1) {
    const month = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'][i % 5];
    const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
    const atPlace = i % 4 === 0;
    const collectif = i % 6 === 0;
    const theme = THEMES[i % THEMES.length];
    created.push(await relais.activities.create({
      type: collectif ? 'collectif' : 'individuel', date: `${month}-${day}`, duree: 15 + (i % 9) * 20,
      typeLieu: atPlace ? 'lieu_activite' : i % 7 === 0 ? 'a_distance' : 'domicile',
      ...(atPlace ? { placeId: place } : i % 7 === 0 ? {} : { commune: i % 3 === 0 ? ARVIEU : LORMES }),
      thematiques: theme === 'email' ? ['email'] : [theme, 'email'],
      thematiquesDemarche: theme === 'aide_aux_demarches_administratives' ? ['logement'] : [],
      materiel: [], tags: i % 5 === 1 ? ['senior'] : [], beneficiaryIds: [],
      structureEmployeuse: { nom: STRUCTURES[i % 2] }, ...(i % 8 === 0 ? { villageId: 'village-1' } : {}),
      ...(collectif ? { participantsAnonymes: { total: 4, dejaAccompagne: 0, genres: {}, tranchesAge: {}, statutsSociaux: {} } } : {}),
    }));
  }
  // A third of them written by another mediator (as an import would bring them).
  await relais.db.activities.bulkPut(created.filter((_, i) => i % 3 === 2).map((a) => ({ ...a, authorDevice: ELSEWHERE })));
  // One deleted: neither counted nor exported.
  await relais.activities.remove(created[10].id);
});
afterAll(() => relais.db.delete());

/** The activities in the CRA file, and its progress bar's total and final count. */
async function exported(filter: DrillDown): Promise<{ ids: string[]; total: number; done: number }> {
  const source = await craSource(relais.db, { filter, vocabulary: makeVocabulary('fr', 'codes'), now: new Date('2026-04-01') });
  const id = CRA_COLUMNS.indexOf('id');
  const ids = new Set<string>();
  let done = 0;
  for await (const chunk of source.chunks()) {
    for (const row of chunk.rows) ids.add(row[id] as string);
    done += chunk.records;
  }
  return { ids: [...ids].sort(), total: source.records, done };
}

describe('the CRA export holds what the dashboard counts, for the same filters', () => {
  // The source the dashboard reads each from, where it matters: the type and one other filter from the rows.
  const cases: Array<[string, () => DrillDown, DashboardFigures['source']?]> = [
    ['nothing', () => ({})],
    ['a mid-month period', () => ({ from: '2025-12-10', to: '2026-02-20' })],
    ['one day', () => ({ from: '2026-01-08', to: '2026-01-08' })],
    ['a mediator', () => ({ author: ELSEWHERE })],
    ['a structure and a mid-month period', () => ({ structure: STRUCTURES[1], from: '2025-11-15' })],
    ['a commune (activities at its place included)', () => ({ commune: LORMES.codeInsee })],
    ['a département', () => ({ departement: '12' })],
    ['a place', () => ({ place })],
    ['a thématique up to mid-month', () => ({ thematique: 'bureautique', to: '2026-02-14' })],
    ['a démarche', () => ({ demarche: 'logement' })],
    ['a tag', () => ({ tag: 'senior' })],
    ['a type', () => ({ type: 'collectif' })],
    ['a village', () => ({ village: 'village-1' })],
    ['a mediator, a thématique and a period (a scan)', () => ({ author: ELSEWHERE, thematique: 'securite_numerique', from: '2025-12-03', to: '2026-03-20' })],
    ['a type and a commune (from the rows of that type)', () => ({ type: 'individuel', commune: LORMES.codeInsee }), 'rows'],
    ['a type and a thématique (from the rows of that type)', () => ({ type: 'individuel', thematique: 'bureautique' }), 'rows'],
    ['a type and a structure over a mid-month period (rows, the edges by date)', () => ({ type: 'collectif', structure: STRUCTURES[0], from: '2025-11-20', to: '2026-02-10' }), 'rows+edges'],
    ['a place and a type (through the place\'s index)', () => ({ place, type: 'individuel' }), 'rows'],
    ['a place, a thématique and a mid-month period', () => ({ place, thematique: 'email', from: '2025-12-05', to: '2026-03-25' }), 'scan'],
    ['a type, a commune and a thématique (a scan)', () => ({ type: 'individuel', commune: LORMES.codeInsee, thematique: 'email' }), 'scan'],
  ];
  for (const [name, filterOf, source] of cases) {
    it(name, async () => {
      const filter = filterOf();
      const [figures, file, listed] = await Promise.all([readDashboard(relais.db, filter), exported(filter), drillDown(relais.db, filter, 1000)]);
      if (source) expect(figures.source).toBe(source);
      expect(file.ids.length).toBeGreaterThan(0);
      expect(figures.totals.activities).toBe(file.ids.length);
      expect(listed.activities.map((a) => a.id).sort()).toEqual(file.ids);
      // The progress bar ends full: its total and its count are the activities written.
      expect([file.total, file.done]).toEqual([file.ids.length, file.ids.length]);
    });
  }

  it('takes its progress total from the screen when the screen has read it', async () => {
    const filter: DrillDown = { type: 'collectif', commune: LORMES.codeInsee };
    // A figure of the screen's own (whatever it is) is not read again: with more filters that read is a scan.
    const given = await craSource(relais.db, { filter, vocabulary: makeVocabulary('fr', 'codes'), now: new Date('2026-04-01'), selectedActivities: 12_345 });
    expect(given.records).toBe(12_345);
    // Without it, the dashboard's figure.
    expect((await exported(filter)).total).toBe((await readDashboard(relais.db, filter)).totals.activities);
  });
});
