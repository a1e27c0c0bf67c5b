import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../../testkit/db';
import { CHUNK_SIZE, readAllNewestFirst, readNewest } from '../../db/activities';
import type { Activity, Stored } from '../../domain/records';
import { filterActivities, fold, hasFilters, NO_FILTERS, searchableText, searchIndex } from './filter';

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

describe('searching a followed person’s code', () => {
  const codes = new Map([['p1', 'B-0001'], ['p2', 'B-0002']]);
  const codeOf = (id: string) => codes.get(id);
  const people = [
    activity('x', { beneficiaryIds: ['p1'] }),
    activity('y', { type: 'collectif', titreAtelier: 'Atelier', beneficiaryIds: ['p1', 'p2'] }),
    activity('z', { beneficiaryIds: [] }),
  ];

  it('finds every activity of that person, individual or workshop', () => {
    const search = (text: string, textOf = searchIndex(people, label, codeOf)) =>
      ids(filterActivities(people, { ...NO_FILTERS, search: text }, label, textOf));
    expect(search('B-0001')).toEqual(['x', 'y']);
    expect(search('b-0002')).toEqual(['y']);
    expect(search('B-0003')).toEqual([]);
  });
  it('gives the same texts with or without the index', () => {
    const textOf = searchIndex(people, label, codeOf);
    for (const a of people) expect(textOf(a)).toBe(searchableText(a, label, codeOf));
  });
});

describe('the list query', () => {
  it('reads live activities newest first through [deleted+date], skipping deleted ones', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
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

describe('the search index (folded once per list, not per keystroke)', () => {
  const accented = activity('d', { titreAtelier: 'ÉCRIRE un e-mail', tags: ['Seniors', 'Équipe'], notes: 'Dossier CAF' });
  const all = [...rows, accented];

  it('folds plain ASCII and accented text alike', () => {
    expect(fold('Hello World')).toBe('hello world');
    expect(fold('Démarches À Lormes')).toBe('demarches a lormes');
  });
  it('gives exactly the text searchableText gives', () => {
    const textOf = searchIndex(all, label);
    for (const a of all) expect(textOf(a)).toBe(searchableText(a, label));
  });
  it('filters the same as without the index', () => {
    const textOf = searchIndex(all, label);
    for (const search of ['telephone', 'seniors', 'caf', 'ecrire', 'equipe seniors', 'demarches', 'zzz']) {
      const f = { ...NO_FILTERS, search };
      expect(ids(filterActivities(all, f, label, textOf))).toEqual(ids(filterActivities(all, f, label)));
    }
  });
  it('builds the texts once, at the first search, and reuses them', () => {
    let calls = 0;
    const counting = (code: string) => { calls += 1; return label(code); };
    const textOf = searchIndex(all, counting);
    expect(calls).toBe(0);
    filterActivities(all, { ...NO_FILTERS, search: 'e' }, counting, textOf);
    const afterFirst = calls;
    expect(afterFirst).toBeGreaterThan(0);
    filterActivities(all, { ...NO_FILTERS, search: 'em' }, counting, textOf);
    expect(calls).toBe(afterFirst);
  });
});

describe('the first screen and the whole list', () => {
  it('the preview is the head of the whole list, in the same order, ties on a date included', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    const base: Activity = { type: 'individuel', date: '', duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [] };
    for (const date of ['2026-01-05', '2026-03-05', '2026-02-05', '2026-03-05', '2026-03-05', '2026-01-20']) {
      await relais.activities.create({ ...base, date });
    }
    const removed = await relais.activities.create({ ...base, date: '2026-04-01' });
    await relais.activities.remove(removed.id);
    const all = await readAllNewestFirst(relais.db);
    const reference = await relais.db.activities.where('[deleted+date]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).reverse().toArray();
    expect(all.map((a) => a.id)).toEqual(reference.map((a) => a.id));
    expect(all.map((a) => a.date)).toEqual(['2026-03-05', '2026-03-05', '2026-03-05', '2026-02-05', '2026-01-20', '2026-01-05']);
    // Chunks: more records than one read holds, in primary-key order, all found, in the same order.
    let reads = 0;
    const stopped = () => { reads += 1; return false; };
    // Stored directly (not through the repository): only the reading is under test here.
    await relais.db.activities.bulkAdd(Array.from({ length: CHUNK_SIZE + 5 }, (_, i) =>
      activity(`x-${String(i).padStart(5, '0')}`, { date: `2025-${String((i % 12) + 1).padStart(2, '0')}-10` })));
    const big = await readAllNewestFirst(relais.db, stopped);
    const bigReference = await relais.db.activities.where('[deleted+date]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).reverse().primaryKeys();
    expect(big.map((a) => a.id)).toEqual(bigReference);
    expect(big).toHaveLength(CHUNK_SIZE + 5 + 6);
    expect(reads).toBe(2);
    const preview = await readNewest(relais.db, 4);
    expect(preview.map((a) => a.id)).toEqual(all.slice(0, 4).map((a) => a.id));
    relais.db.close();
  });
});

it('stops reading the whole list when asked to', async () => {
  const relais = openRelaisWithKeys(`test-${Math.random()}`);
  await relais.db.activities.bulkAdd(Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => activity(`x-${String(i).padStart(5, '0')}`, {})));
  let reads = 0;
  const partial = await readAllNewestFirst(relais.db, () => reads++ > 0);
  expect(partial).toHaveLength(CHUNK_SIZE);
  relais.db.close();
});
