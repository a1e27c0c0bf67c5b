import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../testkit/db';
import { ARVIEU, LORMES } from '../testkit/records';
import { readVillagesOverview } from './villagesOverview';
import { saveProfile } from './profile';
import type { Relais } from './index';

let relais: Relais;
afterEach(async () => { await relais?.db.delete(); });

const survey = (villageId: string, date: string) => ({
  villageId, date, author: 'A', technologiesFixes: ['fibre' as const], equipements: [], placeIds: [], publicsPrioritaires: [], thematiquesBesoins: ['email' as const],
  stadeMaturite: 'connexion' as const,
});

describe('villages overview', () => {
  it('gives each village its latest diagnostic, oldest first, and the territory\'s départements', async () => {
    relais = openRelaisWithKeys(`villages-${Math.random()}`);
    await saveProfile(relais.db, { displayName: 'Claire', role: 'coordinateur', structure: 'CD', structures: [{ nom: 'CD 71', commune: { codeInsee: '71270', nom: 'Mâcon', codePostal: '71000' }, retentionMonths: 12 }] });
    const lormes = await relais.villages.create({ commune: LORMES, departement: '58' });
    const arvieu = await relais.villages.create({ commune: ARVIEU, departement: '12' });
    await relais.villages.create({ commune: { codeInsee: '58001', nom: 'Alligny-Cosne', codePostal: '58200' }, departement: '58' });
    await relais.surveys.create(survey(lormes.id, '2025-01-10'));
    await relais.surveys.create(survey(lormes.id, '2026-02-10'));
    await relais.surveys.create(survey(arvieu.id, '2025-06-01'));
    const overview = await readVillagesOverview(relais.db);
    expect(overview.rows.map((r) => [r.village.commune.nom, r.latest?.date ?? null, r.surveys])).toEqual([
      ['Alligny-Cosne', null, 0], ['Arvieu', '2025-06-01', 1], ['Lormes', '2026-02-10', 2],
    ]);
    expect(overview.departements).toEqual(['12', '58', '71']);
    expect(overview.diagnosed.sort()).toEqual(['12011', '58145']);
  });
});
