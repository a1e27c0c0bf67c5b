import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../testkit/db';
import type { Activity } from '../domain/records';
import { monthRange, readHomeStats } from './home';

function activity(date: string): Activity {
  return {
    type: 'individuel', date, duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [],
    materiel: [], tags: [], beneficiaryIds: [],
  };
}

describe('home stats', () => {
  it('gives the month range of a date', () => {
    expect(monthRange('2026-02-14')).toEqual(['2026-02-01', '2026-02-31']);
  });

  it('counts this laptop\'s live activities of the day and of the month', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    const dates = ['2026-03-12', '2026-03-12', '2026-03-01', '2026-03-31', '2026-02-28', '2026-04-01', '2025-03-12'];
    const created = [];
    for (const date of dates) created.push(await relais.activities.create(activity(date)));
    await relais.activities.remove(created[1].id); // a deleted activity is not counted

    const stats = await readHomeStats(relais.db, '2026-03-12');
    expect([stats.today, stats.month]).toEqual([1, 3]);

    await relais.activities.restore(created[1].id);
    expect((await readHomeStats(relais.db, '2026-03-12')).today).toBe(2);
  });

  it('lists villages that have no live survey, and says how many villages there are', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    expect(await readHomeStats(relais.db, '2026-03-12')).toMatchObject({ villageCount: 0, villagesToSurvey: [] });
    const lormes = await relais.villages.create({ commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' });
    const arvieu = await relais.villages.create({ commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    const survey = await relais.surveys.create({
      villageId: lormes.id, date: '2026-03-01', author: 'A', technologiesFixes: [], equipements: [], placeIds: [],
      publicsPrioritaires: [], thematiquesBesoins: [],
    });
    expect((await readHomeStats(relais.db, '2026-03-12')).villagesToSurvey.map((v) => v.id)).toEqual([arvieu.id]);
    expect((await readHomeStats(relais.db, '2026-03-12')).villageCount).toBe(2);
    await relais.surveys.remove(survey.id);
    expect((await readHomeStats(relais.db, '2026-03-12')).villagesToSurvey.map((v) => v.commune.nom)).toEqual(['Arvieu', 'Lormes']);
  });
});
