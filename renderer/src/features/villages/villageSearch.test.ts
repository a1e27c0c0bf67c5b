import { describe, expect, it } from 'vitest';
import { newestFirst, type Survey, type Village } from '../../domain/records';
import { surveysNewestFirst } from '../../domain/survey';
import { isLive } from '../../db/live';
import { searchVillages } from './villageSearch';

function village(nom: string, codePostal: string, createdAt: string): Village & { createdAt: string } {
  return { commune: { codeInsee: '12011', nom, codePostal }, departement: '12', createdAt };
}

function survey(date: string, createdAt: string): Survey & { createdAt: string } {
  return {
    villageId: 'v', date, author: 'A', technologiesFixes: [], equipements: [], placeIds: [],
    publicsPrioritaires: [], thematiquesBesoins: [], createdAt,
  };
}

const villages = [
  village('Arvieu', '12120', '2026-01-02T10:00:00Z'),
  village('Lormes', '58140', '2026-03-01T10:00:00Z'),
  village('Saint-Étienne-de-Baïgorry', '64430', '2026-02-01T10:00:00Z'),
];

describe('village list helpers', () => {
  it('sorts newest first', () => {
    expect(newestFirst(villages).map((v) => v.commune.nom)).toEqual(['Lormes', 'Saint-Étienne-de-Baïgorry', 'Arvieu']);
  });

  it('searches names without accents, case or hyphens', () => {
    expect(searchVillages(villages, 'ARV').map((v) => v.commune.nom)).toEqual(['Arvieu']);
    expect(searchVillages(villages, 'etienne de baig').map((v) => v.commune.nom)).toEqual(['Saint-Étienne-de-Baïgorry']);
    expect(searchVillages(villages, 'st etienne')).toHaveLength(1);
    expect(searchVillages(villages, 'paris')).toEqual([]);
  });

  it('searches by postcode prefix', () => {
    expect(searchVillages(villages, '58').map((v) => v.commune.nom)).toEqual(['Lormes']);
    expect(searchVillages(villages, '12120').map((v) => v.commune.nom)).toEqual(['Arvieu']);
  });

  it('keeps everything for an empty query', () => {
    expect(searchVillages(villages, '  ')).toHaveLength(3);
  });

  it('finds the latest survey by date, then by creation', () => {
    const a = survey('2026-01-10', '2026-01-10T08:00:00Z');
    const b = survey('2026-02-10', '2026-02-10T08:00:00Z');
    const c = survey('2026-02-10', '2026-02-10T09:00:00Z');
    expect(surveysNewestFirst([a, b, c])[0]).toBe(c);
    expect(surveysNewestFirst([a, c, b])).toEqual([c, b, a]);
    expect(surveysNewestFirst([])[0]).toBeUndefined();
  });

  it('drops deleted and erased records', () => {
    const rows = [{ id: 1, deleted: 0, erased: 0 }, { id: 2, deleted: 1, erased: 0 }, { id: 3, deleted: 1, erased: 1 }] as const;
    expect(rows.filter(isLive).map((r) => r.id)).toEqual([1]);
  });
});
