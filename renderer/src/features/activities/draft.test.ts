import { describe, expect, it } from 'vitest';
import { validateActivity } from '../../domain/activity';
import {
  activityFromDraft, breakdownProgress, CUSTOM_DUREE, draftFromActivity, duplicateDraft, emptyDraft, firstFieldToFill, parseTags, withRemembered,
  type ActivityDraft,
} from './draft';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

function workshopDraft(overrides: Partial<ActivityDraft> = {}): ActivityDraft {
  return {
    ...emptyDraft('collectif', '2026-03-12'),
    typeLieu: 'domicile', commune: LORMES, thematiques: ['securite_numerique'], titreAtelier: ' Sécuriser son téléphone ',
    niveau: 'debutant', counts: { total: '8', dejaAccompagne: '2', genres: { feminin: '5', masculin: '3' }, tranchesAge: { soixante_dix_plus: '' }, statutsSociaux: {} },
    ...overrides,
  };
}

describe('activityFromDraft', () => {
  it('turns a workshop draft into a valid activity, trimming text and dropping empty counts', () => {
    const activity = activityFromDraft(workshopDraft());
    expect(validateActivity(activity)).toEqual([]);
    expect(activity.titreAtelier).toBe('Sécuriser son téléphone');
    expect(activity.participantsAnonymes).toEqual({ total: 8, dejaAccompagne: 2, genres: { feminin: 5, masculin: 3 }, tranchesAge: {}, statutsSociaux: {} });
    expect(activity.duree).toBe(120);
  });
  it('drops workshop fields when the type switches to individual', () => {
    const activity = activityFromDraft({ ...workshopDraft(), type: 'individuel' });
    expect(activity.titreAtelier).toBeUndefined();
    expect(activity.participantsAnonymes).toBeUndefined();
    expect(validateActivity(activity)).toEqual([]);
  });
  it('keeps the place or the commune only when the place type needs it', () => {
    const remote = activityFromDraft(workshopDraft({ typeLieu: 'a_distance', placeId: 'p1' }));
    expect(remote.commune).toBeUndefined();
    expect(remote.placeId).toBeUndefined();
    expect(activityFromDraft(workshopDraft({ typeLieu: 'lieu_activite', placeId: 'p1' })).placeId).toBe('p1');
  });
  it('keeps administrative sub-themes only with administrative help', () => {
    const without = activityFromDraft(workshopDraft({ thematiquesDemarche: ['logement'], precisionsDemarche: 'APL' }));
    expect(without.thematiquesDemarche).toEqual([]);
    expect(without.precisionsDemarche).toBeUndefined();
    const withHelp = activityFromDraft(workshopDraft({ thematiques: ['aide_aux_demarches_administratives'], thematiquesDemarche: ['logement'], precisionsDemarche: 'APL' }));
    expect(withHelp.thematiquesDemarche).toEqual(['logement']);
    expect(withHelp.precisionsDemarche).toBe('APL');
  });
  it('reads a custom duration, and an empty one as invalid', () => {
    expect(activityFromDraft(workshopDraft({ dureeChoice: CUSTOM_DUREE, dureeCustom: '75' })).duree).toBe(75);
    const empty = activityFromDraft(workshopDraft({ dureeChoice: CUSTOM_DUREE, dureeCustom: '' }));
    expect(validateActivity(empty).map((i) => i.code)).toContain('wholeMinutes');
  });
  it('refuses a typed decimal count instead of rounding it', () => {
    const activity = activityFromDraft(workshopDraft({ counts: { ...workshopDraft().counts, total: '7,5' } }));
    expect(validateActivity(activity).map((i) => i.field)).toContain('participantsAnonymes.total');
  });
  it('keeps the structure only when oriented', () => {
    const individual = { ...emptyDraft('individuel', '2026-03-12'), typeLieu: 'a_distance' as const, thematiques: ['email' as const] };
    expect(activityFromDraft({ ...individual, oriente: 'non', structureDeRedirection: 'autre' }).structureDeRedirection).toBeUndefined();
    expect(activityFromDraft({ ...individual, oriente: 'oui', structureDeRedirection: 'autre', beneficiaryId: 'b1' })).toMatchObject({
      orienteVersStructure: true, structureDeRedirection: 'autre', beneficiaryIds: ['b1'],
    });
  });
});

describe('draftFromActivity', () => {
  it('round-trips a stored workshop', () => {
    const activity = activityFromDraft(workshopDraft({ dureeChoice: CUSTOM_DUREE, dureeCustom: '100', tags: 'seniors, téléphone, seniors' }));
    expect(activity.tags).toEqual(['seniors', 'téléphone']);
    expect(activityFromDraft(draftFromActivity(activity))).toEqual(activity);
  });
});

describe('helpers', () => {
  it('splits tags on commas', () => {
    expect(parseTags(' a, ,b ,a')).toEqual(['a', 'b']);
  });
  it('reports how much of the total a breakdown covers', () => {
    expect(breakdownProgress(workshopDraft().counts, 'genres')).toEqual({ sum: 8, total: 8 });
    expect(breakdownProgress(workshopDraft().counts, 'statutsSociaux')).toEqual({ sum: 0, total: 8 });
  });
});

describe('La Coop fields of the activity form', () => {
  const structures = [
    { nom: 'Mairie de Lormes', commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, retentionMonths: 12 },
    { nom: 'Centre social', retentionMonths: 6 },
  ];
  it('copies the chosen employing structure onto the activity, never its retention setting', () => {
    const draft = { ...emptyDraft('individuel', '2026-03-02'), structureNom: 'Mairie de Lormes' };
    expect(activityFromDraft(draft, structures).structureEmployeuse).toEqual({ nom: 'Mairie de Lormes', commune: structures[0].commune });
    expect(activityFromDraft(emptyDraft('individuel', '2026-03-02'), [structures[1]]).structureEmployeuse).toEqual({ nom: 'Centre social' });
    expect(activityFromDraft(emptyDraft('individuel', '2026-03-02'), structures).structureEmployeuse).toBeUndefined();
  });
  it('keeps the anonymous person\'s details only when no followed person is chosen', () => {
    const anonyme = { genre: 'feminin' as const, trancheAge: '' as const, statutSocial: 'retraite' as const, dejaAccompagne: true };
    const draft = { ...emptyDraft('individuel', '2026-03-02'), anonyme };
    expect(activityFromDraft(draft).beneficiaireAnonyme).toEqual({ genre: 'feminin', statutSocial: 'retraite', dejaAccompagne: true });
    expect(activityFromDraft({ ...draft, beneficiaryId: 'b1' }).beneficiaireAnonyme).toBeUndefined();
    expect(draftFromActivity(activityFromDraft(draft)).anonyme).toMatchObject({ genre: 'feminin', dejaAccompagne: true });
  });
});

describe('a new form from the details remembered on this laptop', () => {
  const live = { placeIds: new Set(['p1']), villageIds: new Set(['v1']) };
  const remembered = { typeLieu: 'lieu_activite' as const, placeId: 'p1', villageId: 'v1', duree: 30, materiel: ['ordinateur' as const] };

  it('starts where, how long and with what the last one happened, then asks for the themes', () => {
    const draft = withRemembered(emptyDraft('individuel', '2026-03-16'), remembered, live);
    expect(draft).toMatchObject({ typeLieu: 'lieu_activite', placeId: 'p1', villageId: 'v1', dureeChoice: '30', materiel: ['ordinateur'], thematiques: [] });
    expect(firstFieldToFill(draft)).toBe('thematiques');
  });

  it('keeps a custom duration as typed', () => {
    const draft = withRemembered(emptyDraft('individuel', '2026-03-16'), { ...remembered, duree: 37 }, live);
    expect(draft).toMatchObject({ dureeChoice: CUSTOM_DUREE, dureeCustom: '37' });
    expect(activityFromDraft(draft).duree).toBe(37);
  });

  it('forgets a place or a village deleted since, and then asks for the place first', () => {
    const draft = withRemembered(emptyDraft('individuel', '2026-03-16'), remembered, { placeIds: new Set(), villageIds: new Set() });
    expect(draft).toMatchObject({ typeLieu: '', placeId: '', villageId: '' });
    expect(firstFieldToFill(draft)).toBe('typeLieu');
  });

  it('lets the village the form was opened for win over the remembered one', () => {
    expect(withRemembered(emptyDraft('individuel', '2026-03-16', 'v2'), remembered, live).villageId).toBe('v2');
  });

  it('remembers a commune for a session at home, and starts from nothing when nothing is remembered', () => {
    const home = withRemembered(emptyDraft('individuel', '2026-03-16'), { typeLieu: 'domicile', commune: LORMES, duree: 45, materiel: [] }, live);
    expect(home).toMatchObject({ typeLieu: 'domicile', commune: LORMES });
    expect(withRemembered(emptyDraft('individuel', '2026-03-16'), undefined, live)).toEqual(emptyDraft('individuel', '2026-03-16'));
  });

  it('asks first for what is missing: the place kind, the commune, a workshop title', () => {
    expect(firstFieldToFill(emptyDraft('individuel', '2026-03-16'))).toBe('typeLieu');
    expect(firstFieldToFill({ ...emptyDraft('individuel', '2026-03-16'), typeLieu: 'domicile' })).toBe('commune');
    expect(firstFieldToFill({ ...emptyDraft('collectif', '2026-03-16'), typeLieu: 'a_distance' })).toBe('titreAtelier');
    expect(firstFieldToFill({ ...emptyDraft('individuel', ''), typeLieu: 'a_distance' })).toBe('date');
  });

  it('a duplicate is the same activity, ready to save as a new one', () => {
    const source = activityFromDraft(workshopDraft());
    expect(activityFromDraft(duplicateDraft(source))).toEqual(source);
  });
});
