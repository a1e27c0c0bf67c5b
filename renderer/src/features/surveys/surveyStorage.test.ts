import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../../testkit/db';
import { communeFromRow } from '../../domain/communes';
import { ValidationError } from '../../domain/validation';
import { addVillageFromCommune } from '../../db/villages';
import { emptySurveyForm, formToSurvey } from './surveyForm';

const ARVIEU = communeFromRow(['12011', 'Arvieu', '12', '12120', 774]);

async function setup() {
  const relais = openRelaisWithKeys(`test-surveys-${Math.random().toString(36).slice(2)}`);
  const { village } = await addVillageFromCommune(relais, ARVIEU);
  return { relais, villageId: village.id };
}

describe('storing surveys through the repository', () => {
  it('stores a valid survey from the form, several per village', async () => {
    const { relais, villageId } = await setup();
    const form = { ...emptySurveyForm('2026-01-10', 'Aïcha'), stadeMaturite: 'connexion' as const };
    await relais.surveys.create(formToSurvey(form, villageId));
    await relais.surveys.create(formToSurvey({ ...form, date: '2026-02-10' }, villageId));
    const stored = await relais.db.surveys.where('villageId').equals(villageId).toArray();
    expect(stored.map((s) => s.date).sort()).toEqual(['2026-01-10', '2026-02-10']);
    expect(stored[0].stadeMaturite).toBe('connexion');
  });

  it('refuses an invalid survey and stores nothing', async () => {
    const { relais, villageId } = await setup();
    const form = { ...emptySurveyForm('2026-01-10', ''), franceServices: 'non' as const, distanceFranceServicesKm: '-3' };
    await expect(relais.surveys.create(formToSurvey(form, villageId))).rejects.toBeInstanceOf(ValidationError);
    expect(await relais.db.surveys.count()).toBe(0);
  });

  it('soft-deletes and restores a survey (the undo path)', async () => {
    const { relais, villageId } = await setup();
    const created = await relais.surveys.create(formToSurvey(emptySurveyForm('2026-01-10', 'A'), villageId));
    await relais.surveys.remove(created.id);
    expect((await relais.surveys.get(created.id))?.deleted).toBe(1);
    await relais.surveys.restore(created.id);
    expect((await relais.surveys.get(created.id))?.deleted).toBe(0);
  });
});
