import { describe, expect, it } from 'vitest';
import type { Survey } from './records';
import { SURVEY_NOTES_MAX, validateSurvey } from './survey';

// A fixed "now" (local time) so date rules do not depend on the day the tests run.
const NOW = new Date(2026, 2, 15, 10, 0, 0); // 15 March 2026

function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    villageId: '0190a0b2-0000-7000-8000-000000000001',
    date: '2026-03-14',
    author: 'Aïcha Benali',
    technologiesFixes: ['fibre', 'dsl'],
    statutFibre: 'en_cours',
    debit: 'bon_haut_debit',
    couvertureVoix: 'bonne_couverture',
    couverture4g: 'couverture_limitee',
    equipements: ['mediatheque', 'point_acces_public'],
    nombrePointsAcces: 2,
    distanceFranceServicesKm: 12,
    placeIds: [],
    publicsPrioritaires: ['seniors'],
    thematiquesBesoins: ['aide_aux_demarches_administratives'],
    stadeMaturite: 'connexion',
    notes: 'Forte demande pour les démarches en ligne.',
    ...overrides,
  };
}

function codesOf(s: Survey): string[] {
  return validateSurvey(s, NOW).map((i) => `${i.field}:${i.code}`);
}

describe('validateSurvey', () => {
  it('accepts a complete, consistent survey', () => {
    expect(validateSurvey(survey(), NOW)).toEqual([]);
  });

  it('accepts a minimal survey (optional fields absent, empty lists)', () => {
    const minimal: Survey = {
      villageId: 'v1', date: '2026-03-15', author: 'A', technologiesFixes: [], equipements: [], placeIds: [],
      publicsPrioritaires: [], thematiquesBesoins: [],
    };
    expect(validateSurvey(minimal, NOW)).toEqual([]);
  });

  it('requires a village', () => {
    expect(codesOf(survey({ villageId: '' }))).toEqual(['villageId:required']);
    expect(codesOf(survey({ villageId: '   ' }))).toEqual(['villageId:required']);
  });

  it('requires a valid calendar date', () => {
    expect(codesOf(survey({ date: '' }))).toEqual(['date:dateInvalid']);
    expect(codesOf(survey({ date: '2026-02-30' }))).toEqual(['date:dateInvalid']);
    expect(codesOf(survey({ date: '15/03/2026' }))).toEqual(['date:dateInvalid']);
  });

  it('allows a date up to one day ahead, not more', () => {
    expect(codesOf(survey({ date: '2026-03-16' }))).toEqual([]);
    expect(codesOf(survey({ date: '2026-03-17' }))).toEqual(['date:dateInFuture']);
    expect(codesOf(survey({ date: '2027-01-01' }))).toEqual(['date:dateInFuture']);
  });

  it('refuses a date before 2015 (a year typed short, like 0026)', () => {
    expect(codesOf(survey({ date: '2015-01-01' }))).toEqual([]);
    expect(codesOf(survey({ date: '2014-12-31' }))).toEqual(['date:dateTooEarly']);
    expect(codesOf(survey({ date: '0026-03-16' }))).toEqual(['date:dateTooEarly']);
  });

  it('handles the month boundary when checking the future', () => {
    const endOfMonth = new Date(2026, 0, 31, 23, 0, 0);
    expect(validateSurvey(survey({ date: '2026-02-01' }), endOfMonth)).toEqual([]);
    expect(validateSurvey(survey({ date: '2026-02-02' }), endOfMonth).map((i) => i.code)).toEqual(['dateInFuture']);
  });

  it('requires an author, and not a blank one', () => {
    expect(codesOf(survey({ author: '' }))).toEqual(['author:required']);
    expect(codesOf(survey({ author: '   ' }))).toEqual(['author:required']);
    expect(codesOf(survey({ author: 'x'.repeat(81) }))).toEqual(['author:tooLong']);
  });

  it('refuses codes outside their lists, field by field', () => {
    const cases: Array<[Partial<Survey>, string]> = [
      [{ technologiesFixes: ['fibre', 'adsl'] as never }, 'technologiesFixes:unknownCode'],
      [{ statutFibre: 'bientot' as never }, 'statutFibre:unknownCode'],
      [{ debit: '30_mbits' as never }, 'debit:unknownCode'],
      [{ couvertureVoix: 'bonne' as never }, 'couvertureVoix:unknownCode'],
      [{ couverture4g: 'TRES_BONNE_COUVERTURE' as never }, 'couverture4g:unknownCode'],
      [{ equipements: ['cybercafe'] as never }, 'equipements:unknownCode'],
      [{ publicsPrioritaires: ['retraites'] as never }, 'publicsPrioritaires:unknownCode'],
      [{ thematiquesBesoins: ['mail'] as never }, 'thematiquesBesoins:unknownCode'],
      [{ stadeMaturite: 'expert' as never }, 'stadeMaturite:unknownCode'],
    ];
    for (const [overrides, expected] of cases) expect(codesOf(survey(overrides))).toEqual([expected]);
  });

  it('refuses lists that are not arrays or repeat a code', () => {
    expect(codesOf(survey({ equipements: 'mediatheque' as never }))).toEqual(['equipements:invalid']);
    expect(codesOf(survey({ technologiesFixes: ['fibre', 'fibre'] }))).toEqual(['technologiesFixes:invalid']);
    expect(codesOf(survey({ placeIds: [''] }))).toEqual(['placeIds:invalid']);
  });

  it('wants counts and distances as whole non-negative numbers', () => {
    expect(codesOf(survey({ nombrePointsAcces: -1 }))).toEqual(['nombrePointsAcces:wholeNonNegative']);
    expect(codesOf(survey({ nombrePointsAcces: 1.5 }))).toEqual(['nombrePointsAcces:wholeNonNegative']);
    expect(codesOf(survey({ distanceFranceServicesKm: -3 }))).toEqual(['distanceFranceServicesKm:wholeNonNegative']);
    expect(codesOf(survey({ distanceFranceServicesKm: Number.NaN }))).toEqual(['distanceFranceServicesKm:wholeNonNegative']);
    expect(codesOf(survey({ distanceFranceServicesKm: 0, nombrePointsAcces: 0 }))).toEqual([]);
  });

  it('refuses a distance to France Services when the village has its own desk', () => {
    const withDesk = survey({ equipements: ['france_services'], distanceFranceServicesKm: 5 });
    expect(codesOf(withDesk)).toEqual(['distanceFranceServicesKm:distanceWithFranceServices']);
    expect(codesOf(survey({ equipements: ['france_services'], distanceFranceServicesKm: undefined }))).toEqual([]);
  });

  it('limits notes to 5000 characters', () => {
    expect(codesOf(survey({ notes: 'a'.repeat(SURVEY_NOTES_MAX) }))).toEqual([]);
    const issues = validateSurvey(survey({ notes: 'a'.repeat(SURVEY_NOTES_MAX + 1) }), NOW);
    expect(issues).toEqual([{ field: 'notes', code: 'tooLong', params: { max: 5000 } }]);
  });

  it('reports every problem at once', () => {
    const bad = survey({ villageId: '', author: '', date: 'x', debit: 'vite' as never });
    expect(codesOf(bad)).toEqual(['villageId:required', 'date:dateInvalid', 'author:required', 'debit:unknownCode']);
  });
});
