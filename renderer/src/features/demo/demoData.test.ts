import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../../testkit/db';
import { countDemoRecords, removeDemoData } from '../../db/demo';
import { daysBefore, loadDemoData } from './demoData';
import { DEMO_ACTIVITIES, DEMO_PLACES, DEMO_SURVEYS } from './demoContent';
import { readHomeStats } from '../../db/home';

const TODAY = '2026-03-12';

describe('demo data', () => {
  it('computes calendar days back across months and years', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-01-05', 10)).toBe('2025-12-26');
    expect(daysBefore(TODAY, 0)).toBe(TODAY);
  });

  it('loads all or nothing: a failure half-way leaves no demo record behind', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    let calls = 0;
    const create = relais.activities.create.bind(relais.activities);
    relais.activities.create = (data) => (++calls === 3 ? Promise.reject(new Error('window closed')) : create(data));
    await expect(loadDemoData(relais, 'Aïcha', TODAY)).rejects.toThrow('window closed');
    expect(await countDemoRecords(relais.db)).toBe(0);
    expect(await relais.db.villages.count()).toBe(0);
  });

  it('loads valid, marked records through the repositories, once', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    expect(await loadDemoData(relais, 'Aïcha', TODAY)).toBe(true);
    const villages = await relais.db.villages.toArray();
    expect(villages.map((v) => v.commune.codeInsee).sort()).toEqual(['12011', '58145']);
    expect(await relais.db.places.count()).toBe(Object.keys(DEMO_PLACES).length);
    expect(await relais.db.surveys.count()).toBe(DEMO_SURVEYS.length);
    const activities = await relais.db.activities.toArray();
    expect(activities).toHaveLength(DEMO_ACTIVITIES.length);
    expect(new Set(activities.map((a) => a.type))).toEqual(new Set(['individuel', 'collectif']));
    // every record carries the mark, a version stamp per field and a change number
    for (const record of [...villages, ...activities]) {
      expect(record.demo).toBe(true);
      expect(record.versions.demo).toBeTruthy();
      expect(record.seq).toBeGreaterThan(0);
    }
    const lormes = villages.find((v) => v.commune.nom === 'Lormes');
    const lormesPlaces = await relais.db.places.where('villageId').equals(lormes!.id).toArray();
    expect(lormesPlaces.map((p) => p.nom).sort()).toEqual(['France Services de Lormes', 'Médiathèque de Lormes']);
    expect((await relais.db.surveys.toArray()).every((s) => s.author === 'Aïcha')).toBe(true);

    const total = await countDemoRecords(relais.db);
    expect(total).toBe(2 + Object.keys(DEMO_PLACES).length + DEMO_SURVEYS.length + DEMO_ACTIVITIES.length);
    expect(await loadDemoData(relais, 'Aïcha', TODAY)).toBe(false);
    expect(await countDemoRecords(relais.db)).toBe(total);

    const stats = await readHomeStats(relais.db, TODAY);
    expect(stats.today).toBe(DEMO_ACTIVITIES.filter((a) => a.daysAgo === 0).length);
    expect(stats.month).toBe(DEMO_ACTIVITIES.filter((a) => a.daysAgo < 12).length);
    expect(stats.villagesToSurvey).toEqual([]);
  });

  it('removes every demo record and nothing else; keeps the user’s own village of a demo commune', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    const own = await relais.villages.create({ commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' });
    const ownPlace = await relais.places.create({
      nom: 'Mairie', adresse: '1 place', commune: own.commune, villageId: own.id, typologie: ['MUNI'], services: [], publics: [],
      priseEnChargeSpecifique: [], fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [], dateMaj: TODAY,
    });
    await loadDemoData(relais, 'Aïcha', TODAY);
    expect(await relais.db.villages.count()).toBe(2); // Lormes reused, Arvieu added
    expect(await relais.db.places.where('villageId').equals(own.id).count()).toBe(3);

    const removed = await removeDemoData(relais.db);
    expect(removed).toBe(1 + Object.keys(DEMO_PLACES).length + DEMO_SURVEYS.length + DEMO_ACTIVITIES.length);
    expect(await countDemoRecords(relais.db)).toBe(0);
    expect((await relais.db.villages.toArray()).map((v) => v.id)).toEqual([own.id]);
    expect((await relais.db.places.toArray()).map((p) => p.id)).toEqual([ownPlace.id]);
    expect(await relais.db.activities.count()).toBe(0);
    expect(await relais.db.surveys.count()).toBe(0);
    const stats = await readHomeStats(relais.db, TODAY);
    expect(stats.villagesToSurvey.map((v) => v.id)).toEqual([own.id]);
  });
});
