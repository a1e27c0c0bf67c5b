import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../domain/records';
import { beneficiaryHistory } from './beneficiaries';
import { openRelaisWithKeys } from '../testkit/db';
import { copyStarter, createSeries } from './workshops';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
const session = (date: string, beneficiaryIds: string[]): Activity => ({
  type: 'individuel', date, duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds,
});

describe('a followed person’s history', () => {
  it('lists their activities newest first and the series they took part in, nobody else’s', async () => {
    const relais = openRelaisWithKeys(`history-${Math.random()}`);
    const person = await relais.beneficiaries.create({ code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
    const other = await relais.beneficiaries.create({ code: 'B-0002', genre: 'masculin', trancheAge: 'non_communique', statutSocial: 'non_communique', dejaAccompagne: false });
    const older = await relais.activities.create(session('2026-02-01', [person.id]));
    const newer = await relais.activities.create(session('2026-03-01', [person.id]));
    await relais.activities.create(session('2026-03-02', [other.id]));
    const removed = await relais.activities.create(session('2026-03-03', [person.id]));
    await relais.activities.remove(removed.id);

    const template = await copyStarter(relais, 'arnaques', 'fr');
    const enrolled = await createSeries(relais, { templateId: template.id, titre: 'Arnaques', itinerant: false, commune: LORMES, participantIds: [person.id], evaluations: [] },
      [{ date: '2026-03-10' }, { date: '2026-03-17' }]);
    const [first] = await relais.db.workshopSessions.where('seriesId').equals(enrolled.id).sortBy('date');
    await relais.workshopSessions.update(first.id, { ...first, presents: [person.id] });
    await createSeries(relais, { templateId: template.id, titre: 'Autre série', itinerant: false, commune: LORMES, participantIds: [other.id], evaluations: [] }, []);

    const history = await beneficiaryHistory(relais.db, person.id);
    expect(history.activities.map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(history.series.map((s) => ({ titre: s.series.titre, attended: s.attended, planned: s.planned }))).toEqual([{ titre: 'Arnaques', attended: 1, planned: 2 }]);
    relais.db.close();
  });
});
