import { describe, expect, it } from 'vitest';
import type { Survey } from '../../domain/records';
import { validateSurvey } from '../../domain/survey';
import { emptySurveyForm, formToSurvey, parseCount, surveyToForm } from './surveyForm';

const NOW = new Date(2026, 2, 15, 10, 0, 0);

describe('survey form state', () => {
  it('turns an untouched form into a valid minimal survey', () => {
    const survey = formToSurvey(emptySurveyForm('2026-03-15', 'Aïcha'), 'village-1');
    expect(survey).toMatchObject({ villageId: 'village-1', date: '2026-03-15', author: 'Aïcha', equipements: [] });
    expect(survey.statutFibre).toBeUndefined();
    expect(survey.distanceFranceServicesKm).toBeUndefined();
    expect(survey.notes).toBeUndefined();
    expect(validateSurvey(survey, NOW)).toEqual([]);
  });

  it('parses counts, keeping what is not a whole number for the validator to refuse', () => {
    expect(parseCount('')).toBeUndefined();
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('-3')).toBe(-3);
    expect(parseCount('2,5')).toBe(2.5);
    expect(parseCount('abc')).toBeNaN();
  });

  it('refuses a negative distance through the validator', () => {
    const form = { ...emptySurveyForm('2026-03-15', 'A'), franceServices: 'non' as const, distanceFranceServicesKm: '-3' };
    const issues = validateSurvey(formToSurvey(form, 'v'), NOW);
    expect(issues).toEqual([{ field: 'distanceFranceServicesKm', code: 'wholeNonNegative' }]);
  });

  it('stores France Services as an equipment and drops the hidden distance', () => {
    const form = { ...emptySurveyForm('2026-03-15', 'A'), equipements: ['mediatheque' as const], franceServices: 'oui' as const, distanceFranceServicesKm: '8' };
    const survey = formToSurvey(form, 'v');
    expect(survey.equipements).toEqual(['mediatheque', 'france_services']);
    expect(survey.distanceFranceServicesKm).toBeUndefined();
  });

  it('keeps the distance when there is no desk in the village', () => {
    const form = { ...emptySurveyForm('2026-03-15', 'A'), franceServices: 'non' as const, distanceFranceServicesKm: '14' };
    expect(formToSurvey(form, 'v').distanceFranceServicesKm).toBe(14);
    expect(formToSurvey(form, 'v').equipements).toEqual([]);
  });

  it('round-trips a stored survey through the form', () => {
    const stored: Survey = {
      villageId: 'v', date: '2026-03-01', author: 'Aïcha', technologiesFixes: ['dsl', 'satellite'],
      statutFibre: 'prevue', debit: 'moins_8', couvertureVoix: 'couverture_limitee', couverture4g: 'pas_de_couverture',
      equipements: ['wifi_public', 'france_services'], nombrePointsAcces: 0, placeIds: ['p1'],
      publicsPrioritaires: ['seniors', 'agriculteurs'], thematiquesBesoins: ['email'], stadeMaturite: 'isolement',
      notes: 'Zone blanche au hameau.',
    };
    const form = surveyToForm(stored);
    expect(form.franceServices).toBe('oui');
    expect(form.equipements).toEqual(['wifi_public']);
    expect(form.nombrePointsAcces).toBe('0');
    expect(formToSurvey(form, 'v')).toEqual(stored);
  });

  it('answers "no" for France Services when a distance was recorded', () => {
    const stored: Survey = {
      villageId: 'v', date: '2026-03-01', author: 'A', technologiesFixes: [], equipements: [],
      distanceFranceServicesKm: 20, placeIds: [], publicsPrioritaires: [], thematiquesBesoins: [],
    };
    expect(surveyToForm(stored).franceServices).toBe('non');
    expect(surveyToForm({ ...stored, distanceFranceServicesKm: undefined }).franceServices).toBe('');
  });

  it('trims the author and treats blank notes as none', () => {
    const form = { ...emptySurveyForm('2026-03-15', '  Aïcha  '), notes: '   ' };
    const survey = formToSurvey(form, 'v');
    expect(survey.author).toBe('Aïcha');
    expect(survey.notes).toBeUndefined();
  });
});
