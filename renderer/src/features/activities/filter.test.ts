import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRelais } from '../../db';
import type { Activity, Stored } from '../../domain/records';
import { filterActivities, hasFilters, NO_FILTERS } from './filter';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
const label = (code: string) => ({ email: 'E-mail', aide_aux_demarches_administratives: 'Aide aux démarches administratives' }[code] ?? code);

function activity(id: string, overrides: Partial<Activity>): Stored<Activity> {
  return {
    id, type: 'individuel', date: '2026-03-01', duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [],
    materiel: [], tags: [], beneficiaryIds: [], createdAt: '', updatedAt: '', authorDevice: 'd', versions: {}, deleted: 0, erased: 0, seq: 1,
    ...overrides,
  } as Stored<Activity>;
}

const rows = [
  activity('a', { date: '2026-03-01', villageId: 'v1', tags: ['Seniors'] }),
  activity('b', { date: '2026-03-15', type: 'collectif', titreAtelier: 'Sécuriser son téléphone', thematiques: ['securite_numerique'] }),
  activity('c', { date: '2026-04-02', typeLieu: 'domicile', commune: LORMES, thematiques: ['aide_aux_demarches_administratives'], notes: 'Dossier CAF' }),
];
const ids = (list: Stored<Activity>[]) => list.map((a) => a.id);

describe('filterActivities', () => {
  it('keeps everything without filters', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(ids(filterActivities(rows, NO_FILTERS, label))).toEqual(['a', 'b', 'c']);
  });
  it('filters by date range, inclusive', () => {
    expect(ids(filterActivities(rows, { ...NO_FILTERS, from: '2026-03-15', to: '2026-04-02' }, label))).toEqual(['b', 'c']);
  });
  it('filters by type, thematique and village', () => {
    expect(ids(filterActivities(rows, { ...NO_FILTERS, type: 'collectif' }, label))).toEqual(['b']);
    expect(ids(filterActivities(rows, { ...NO_FILTERS, thematique: 'email' }, label))).toEqual(['a']);
    expect(ids(filterActivities(rows, { ...NO_FILTERS, villageId: 'v1' }, label))).toEqual(['a']);
  });
  it('searches title, tags, notes, commune and thematique label, ignoring case and accents', () => {
    const search = (text: string) => ids(filterActivities(rows, { ...NO_FILTERS, search: text }, label));
    expect(search('telephone')).toEqual(['b']);
    expect(search('seniors')).toEqual(['a']);
    expect(search('caf')).toEqual(['c']);
    expect(search('lormes')).toEqual(['c']);
    expect(search('demarches')).toEqual(['c']);
    expect(search('lormes caf')).toEqual(['c']);
    expect(search('lormes seniors')).toEqual([]);
  });
});

describe('the list query', () => {
  it('reads live activities newest first through [deleted+date], skipping deleted ones', async () => {
    const relais = openRelais(`test-${Math.random()}`);
    const base: Activity = { type: 'individuel', date: '', duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [] };
    await relais.activities.create({ ...base, date: '2026-01-05' });
    const removed = await relais.activities.create({ ...base, date: '2026-02-05' });
    await relais.activities.create({ ...base, date: '2026-03-05' });
    await relais.activities.remove(removed.id);
    const found = await relais.db.activities.where('[deleted+date]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).reverse().toArray();
    expect(found.map((a) => a.date)).toEqual(['2026-03-05', '2026-01-05']);
    await expect(relais.activities.create({ ...base, date: '2026-03-05', thematiques: [] })).rejects.toThrow(/thematiques:atLeastOne/);
    relais.db.close();
  });
});
