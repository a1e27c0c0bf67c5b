import { describe, expect, it } from 'vitest';
import type { Survey, Village } from '../../domain/records';
import { NO_FILTERS, filterSurveys, hasFilters } from './surveyFilters';

const villages = new Map<string, Village>([
  ['arvieu', { commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' }],
  ['lormes', { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' }],
]);

const HERE = 'a1'.repeat(16);
const ELSEWHERE = 'c3'.repeat(16);

function survey(id: string, villageId: string, date: string, extra: Partial<Survey> = {}, authorDevice = HERE): Survey & { id: string; authorDevice: string } {
  return {
    id, authorDevice, villageId, date, author: 'Aïcha Benali', technologiesFixes: [], equipements: [], placeIds: [],
    publicsPrioritaires: [], thematiquesBesoins: [], ...extra,
  };
}

const surveys = [
  survey('a1', 'arvieu', '2026-01-10'),
  survey('a2', 'arvieu', '2026-03-02', { notes: 'Médiathèque très fréquentée' }),
  survey('l1', 'lormes', '2026-02-20', { author: 'Jean Moreau' }, ELSEWHERE),
  survey('x1', 'deleted-village', '2026-02-21'),
];

const ids = (list: Array<{ id: string }>) => list.map((s) => s.id);

describe('filterSurveys', () => {
  it('leaves out surveys of villages that are not live', () => {
    expect(ids(filterSurveys(surveys, villages, NO_FILTERS))).toEqual(['a1', 'a2', 'l1']);
  });

  it('filters by author device and by the author\'s structure', () => {
    const structureOf = (s: { authorDevice: string }) => (s.authorDevice === ELSEWHERE ? 'Tiers-lieu de Lormes' : 'Mairie d\'Arvieu');
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, author: ELSEWHERE }, structureOf))).toEqual(['l1']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, structure: 'Mairie d\'Arvieu' }, structureOf))).toEqual(['a1', 'a2']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, author: ELSEWHERE, structure: 'Mairie d\'Arvieu' }, structureOf))).toEqual([]);
  });

  it('filters by village', () => {
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, villageId: 'lormes' }))).toEqual(['l1']);
  });

  it('filters by an inclusive date range', () => {
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, from: '2026-02-20' }))).toEqual(['a2', 'l1']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, to: '2026-02-20' }))).toEqual(['a1', 'l1']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, from: '2026-01-11', to: '2026-03-01' }))).toEqual(['l1']);
  });

  it('searches village name, postcode, author and notes, ignoring accents and case', () => {
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, query: 'LORMES' }))).toEqual(['l1']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, query: '12120' }))).toEqual(['a1', 'a2']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, query: 'moreau' }))).toEqual(['l1']);
    expect(ids(filterSurveys(surveys, villages, { ...NO_FILTERS, query: 'mediatheque' }))).toEqual(['a2']);
  });

  it('knows when filters are set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, from: '2026-01-01' })).toBe(true);
  });
});
