import { describe, expect, it } from 'vitest';
import type { Activity, Survey } from '../records';
import { ARVIEU, LORMES } from '../../testkit/records';
import { byAuthor } from '../authorFilter';
import { authorFilterOf, matches, monthPeriod, rowsQueryOf, splitPeriod, surveyMatches, withinMonth, type DrillDown } from './filters';

const PLACE_IN_ARVIEU = 'place-arvieu';
const placeCommune = (id: string) => (id === PLACE_IN_ARVIEU ? ARVIEU.codeInsee : undefined);

function activity(overrides: Partial<Activity> = {}): Activity & { authorDevice: string } {
  return {
    type: 'individuel', date: '2026-03-15', duree: 45, typeLieu: 'domicile', commune: LORMES, thematiques: ['email', 'aide_aux_demarches_administratives'],
    thematiquesDemarche: ['logement'], materiel: [], tags: ['senior'], beneficiaryIds: [], structureEmployeuse: { nom: 'Mairie de Lormes' },
    villageId: 'village-1', authorDevice: 'dev-a', ...overrides,
  };
}

describe('the one predicate of activities', () => {
  const a = activity();
  const passes = (f: DrillDown, x = a) => matches(x, f, placeCommune);

  it('takes everything when no criterion is set', () => {
    expect(passes({})).toBe(true);
  });

  it('the period is by day, both ends included', () => {
    expect(passes({ from: '2026-03-15', to: '2026-03-15' })).toBe(true);
    expect(passes({ from: '2026-03-16' })).toBe(false);
    expect(passes({ to: '2026-03-14' })).toBe(false);
    expect(passes({ from: '2026-03-01', to: '2026-03-31' })).toBe(true);
  });

  it('each criterion, passing and failing', () => {
    const cases: Array<[DrillDown, DrillDown]> = [
      [{ type: 'individuel' }, { type: 'collectif' }],
      [{ author: 'dev-a' }, { author: 'dev-b' }],
      [{ structure: 'Mairie de Lormes' }, { structure: 'Tiers-lieu' }],
      [{ thematique: 'email' }, { thematique: 'bureautique' }],
      [{ demarche: 'logement' }, { demarche: 'argent_impots' }],
      [{ tag: 'senior' }, { tag: 'jeunes' }],
      [{ village: 'village-1' }, { village: 'village-2' }],
      [{ commune: LORMES.codeInsee }, { commune: ARVIEU.codeInsee }],
      [{ departement: '58' }, { departement: '12' }],
      [{ duration: 'de_30_a_60' }, { duration: 'plus_120' }],
    ];
    for (const [yes, no] of cases) {
      expect(passes(yes), JSON.stringify(yes)).toBe(true);
      expect(passes(no), JSON.stringify(no)).toBe(false);
    }
  });

  it('an activity at a place is where its place is; one with no commune is in none', () => {
    const atPlace = activity({ typeLieu: 'lieu_activite', commune: undefined, placeId: PLACE_IN_ARVIEU });
    expect(passes({ place: PLACE_IN_ARVIEU }, atPlace)).toBe(true);
    expect(passes({ place: 'another' }, atPlace)).toBe(false);
    expect(passes({ commune: ARVIEU.codeInsee, departement: '12' }, atPlace)).toBe(true);
    expect(passes({ commune: LORMES.codeInsee }, atPlace)).toBe(false);
    const remote = activity({ typeLieu: 'a_distance', commune: undefined });
    expect(passes({ departement: '58' }, remote)).toBe(false);
  });

  it('every criterion must pass at once', () => {
    expect(passes({ author: 'dev-a', thematique: 'email', from: '2026-03-01', commune: LORMES.codeInsee })).toBe(true);
    expect(passes({ author: 'dev-a', thematique: 'bureautique' })).toBe(false);
  });
});

describe('followed people and surveys take the criteria that apply to them', () => {
  it('people: the mediator and her structure, through the lists\' own predicate', () => {
    const ofAuthor = (f: DrillDown) => byAuthor<{ authorDevice: string }>(authorFilterOf(f), (p) => (p.authorDevice === 'dev-a' ? 'Mairie de Lormes' : ''));
    expect(authorFilterOf({ thematique: 'email', from: '2026-01-01' })).toEqual({ author: '', structure: '' });
    expect(ofAuthor({ author: 'dev-a', structure: 'Mairie de Lormes', thematique: 'email' })({ authorDevice: 'dev-a' })).toBe(true);
    expect(ofAuthor({ author: 'dev-a' })({ authorDevice: 'dev-b' })).toBe(false);
    expect(ofAuthor({ structure: 'Mairie de Lormes' })({ authorDevice: 'dev-b' })).toBe(false);
  });

  it('surveys: the period, the village, its commune and département', () => {
    const survey = { villageId: 'village-1', date: '2026-03-01' } as Survey;
    const communeOf = (id: string) => (id === 'village-1' ? LORMES.codeInsee : undefined);
    expect(surveyMatches(survey, { from: '2026-03-01', to: '2026-03-01', village: 'village-1', commune: LORMES.codeInsee, departement: '58', type: 'collectif' }, communeOf)).toBe(true);
    expect(surveyMatches(survey, { from: '2026-03-02' }, communeOf)).toBe(false);
    expect(surveyMatches(survey, { village: 'village-2' }, communeOf)).toBe(false);
    expect(surveyMatches(survey, { departement: '12' }, communeOf)).toBe(false);
  });
});

describe('a period by day against rows per month', () => {
  it('knows the last day of each month, leap years included', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('splits into whole months and partial edges, nothing twice', () => {
    expect(splitPeriod({})).toEqual({ months: { from: undefined, to: undefined }, edges: [] });
    expect(splitPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ months: { from: '2026-01', to: '2026-03' }, edges: [] });
    expect(splitPeriod({ from: '2026-01-15', to: '2026-03-10' })).toEqual({
      months: { from: '2026-02', to: '2026-02' }, edges: [{ from: '2026-01-15', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-10' }],
    });
    expect(splitPeriod({ from: '2025-12-15' })).toEqual({ months: { from: '2026-01', to: undefined }, edges: [{ from: '2025-12-15', to: '2025-12-31' }] });
    expect(splitPeriod({ to: '2026-02-27' })).toEqual({ months: { from: undefined, to: '2026-01' }, edges: [{ from: '2026-02-01', to: '2026-02-27' }] });
    // No whole month inside: one edge (two partial months side by side), or nothing when it ends before it starts.
    expect(splitPeriod({ from: '2026-01-10', to: '2026-01-20' })).toEqual({ edges: [{ from: '2026-01-10', to: '2026-01-20' }] });
    expect(splitPeriod({ from: '2026-01-10', to: '2026-02-20' })).toEqual({ edges: [{ from: '2026-01-10', to: '2026-02-20' }] });
    expect(splitPeriod({ from: '2026-02-10', to: '2026-01-20' })).toEqual({ edges: [] });
  });

  it('narrows the filters to one month of the period', () => {
    expect(withinMonth({ from: '2026-01-15', to: '2026-03-10', tag: 'x' }, '2026-01')).toEqual({ from: '2026-01-15', to: '2026-01-31', tag: 'x' });
    expect(withinMonth({ from: '2026-01-15', to: '2026-03-10' }, '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(withinMonth({}, '2026-03')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });
});

describe('which filters the count rows answer', () => {
  it('the type with at most one other criterion (the period aside); the scan otherwise', () => {
    expect(rowsQueryOf({})).toEqual({});
    expect(rowsQueryOf({ from: '2026-01-01', type: 'collectif' })).toEqual({ type: 'collectif' });
    expect(rowsQueryOf({ commune: '58145' })).toEqual({ field: 'commune' });
    expect(rowsQueryOf({ type: 'individuel', commune: '58145' })).toEqual({ type: 'individuel', field: 'commune' });
    expect(rowsQueryOf({ type: 'collectif', thematique: 'email' })).toEqual({ type: 'collectif', field: 'thematique' });
    expect(rowsQueryOf({ type: 'collectif', place: 'p1' })).toEqual({ type: 'collectif', field: 'place' });
    // An empty choice is no choice.
    expect(rowsQueryOf({ type: '', tag: 'senior', author: '' })).toEqual({ field: 'tag' });
    expect(rowsQueryOf({ commune: '58145', thematique: 'email' })).toBeUndefined();
    expect(rowsQueryOf({ type: 'collectif', commune: '58145', thematique: 'email' })).toBeUndefined();
    expect(rowsQueryOf({ village: 'v1' })).toBeUndefined();
    expect(rowsQueryOf({ type: 'collectif', village: 'v1' })).toBeUndefined();
  });
});
