import { describe, expect, it } from 'vitest';
import {
  completeBreakdown, MAX_DUREE_MINUTES, participantCount, summariseActivities, validateActivity, validateAnonymousCounts,
  validateNewActivity,
} from './activity';
import type { Activity, AnonymousCounts } from './records';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

function individual(overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'individuel', date: '2026-03-12', duree: 45, typeLieu: 'domicile', commune: LORMES,
    thematiques: ['email'], thematiquesDemarche: [], materiel: ['telephone'], tags: [], beneficiaryIds: [],
    ...overrides,
  };
}

function counts(overrides: Partial<AnonymousCounts> = {}): AnonymousCounts {
  return { total: 8, dejaAccompagne: 3, genres: { feminin: 5, masculin: 3 }, tranchesAge: {}, statutsSociaux: {}, ...overrides };
}

function workshop(overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'collectif', date: '2026-03-12', duree: 120, typeLieu: 'a_distance', thematiques: ['securite_numerique'],
    thematiquesDemarche: [], materiel: [], tags: ['seniors'], beneficiaryIds: [], titreAtelier: 'Sécuriser son téléphone',
    niveau: 'debutant', participantsAnonymes: counts(), ...overrides,
  };
}

/** The issues as `field:code` strings, easy to compare. */
function codes(a: Activity): string[] {
  return validateActivity(a).map((i) => `${i.field}:${i.code}`);
}

describe('validateActivity — valid examples', () => {
  it('accepts an anonymous individual session at home', () => {
    expect(validateActivity(individual())).toEqual([]);
  });
  it('accepts an individual session with one followed person, oriented to a structure', () => {
    expect(codes(individual({ beneficiaryIds: ['b1'], autonomie: 'autonome', orienteVersStructure: true, structureDeRedirection: 'aide_sociale' }))).toEqual([]);
  });
  it('accepts a workshop with anonymous participants and a full breakdown', () => {
    expect(codes(workshop({ participantsAnonymes: counts({ tranchesAge: { soixante_dix_plus: 8 }, statutsSociaux: { retraite: 6, non_communique: 2 } }) }))).toEqual([]);
  });
  it('accepts a workshop with followed participants only', () => {
    expect(codes(workshop({ participantsAnonymes: undefined, beneficiaryIds: ['b1', 'b2'] }))).toEqual([]);
  });
  it('accepts administrative help with sub-themes and precisions', () => {
    expect(codes(individual({ thematiques: ['aide_aux_demarches_administratives'], thematiquesDemarche: ['logement', 'argent_impots'], precisionsDemarche: 'Dossier APL' }))).toEqual([]);
  });
  it('accepts a place of activity with its place id, and every preset or a custom duration', () => {
    for (const duree of [15, 30, 45, 60, 90, 120, 37, 1439]) {
      expect(codes(individual({ typeLieu: 'lieu_activite', commune: undefined, placeId: 'p1', duree }))).toEqual([]);
    }
  });
});

describe('validateActivity — common rules', () => {
  it('refuses an unknown type', () => {
    expect(codes(individual({ type: 'atelier' as Activity['type'] }))).toContain('type:required');
  });
  it('refuses an invalid date', () => {
    expect(codes(individual({ date: '2026-02-30' }))).toContain('date:dateInvalid');
    expect(codes(individual({ date: '' }))).toContain('date:dateInvalid');
  });
  it('refuses a duration that is not whole minutes above zero', () => {
    expect(codes(individual({ duree: 0 }))).toContain('duree:wholeMinutes');
    expect(codes(individual({ duree: 12.5 }))).toContain('duree:wholeMinutes');
    expect(codes(individual({ duree: Number.NaN }))).toContain('duree:wholeMinutes');
  });
  it('refuses a duration over one day', () => {
    expect(codes(individual({ duree: 1441 }))).toContain('duree:durationTooLong');
  });
  it('refuses an unknown place type', () => {
    expect(codes(individual({ typeLieu: 'mairie' as Activity['typeLieu'] }))).toContain('typeLieu:required');
  });
  it('requires the place for a place of activity', () => {
    expect(codes(individual({ typeLieu: 'lieu_activite', commune: undefined }))).toContain('placeId:required');
  });
  it('requires the commune at home and elsewhere', () => {
    expect(codes(individual({ typeLieu: 'domicile', commune: undefined }))).toContain('commune:required');
    expect(codes(individual({ typeLieu: 'autre', commune: undefined }))).toContain('commune:required');
    expect(codes(individual({ typeLieu: 'autre', commune: { ...LORMES, codeInsee: 'Lormes' } }))).toContain('commune:communeInvalid');
  });
  it('does not keep a place or a commune that does not apply', () => {
    expect(codes(individual({ typeLieu: 'a_distance', commune: LORMES }))).toContain('commune:notAllowed');
    expect(codes(individual({ typeLieu: 'domicile', placeId: 'p1' }))).toContain('placeId:notAllowed');
  });
  it('requires at least one known thematique', () => {
    expect(codes(individual({ thematiques: [] }))).toContain('thematiques:atLeastOne');
    expect(codes(individual({ thematiques: ['cuisine' as never] }))).toContain('thematiques:invalid');
  });
  it('allows administrative sub-themes only with administrative help', () => {
    expect(codes(individual({ thematiquesDemarche: ['logement'] }))).toContain('thematiquesDemarche:onlyWithDemarches');
    expect(codes(individual({ thematiques: ['aide_aux_demarches_administratives'], thematiquesDemarche: ['cuisine' as never] }))).toContain('thematiquesDemarche:invalid');
  });
  it('allows precisions only with administrative help', () => {
    expect(codes(individual({ precisionsDemarche: 'CAF' }))).toContain('precisionsDemarche:onlyWithDemarches');
  });
  it('refuses unknown materiel; "none" may sit beside others, as La Coop allows', () => {
    expect(codes(individual({ materiel: ['fax' as never] }))).toContain('materiel:invalid');
    expect(codes(individual({ materiel: ['aucun', 'telephone'] }))).toEqual([]);
  });
  it('takes durations from 1 to 1439 minutes (23 h 59), as La Coop', () => {
    expect(MAX_DUREE_MINUTES).toBe(1439);
    expect(codes(individual({ duree: 1440 }))).toEqual(['duree:durationTooLong']);
    expect(codes(individual({ duree: 0 }))).toEqual(['duree:wholeMinutes']);
  });
  it('checks the employing structure when there is one: a name, a SIRET of 14 digits, a commune of the list', () => {
    const structure = { nom: 'Mairie de Lormes', siret: '21580145000017', commune: LORMES };
    expect(codes(individual({ structureEmployeuse: structure }))).toEqual([]);
    expect(codes(individual({ structureEmployeuse: { ...structure, siret: '2158' } }))).toEqual(['structureEmployeuse:siretInvalid']);
    expect(codes(individual({ structureEmployeuse: { ...structure, nom: ' ' } }))).toEqual(['structureEmployeuse:required']);
    expect(codes(individual({ structureEmployeuse: { ...structure, commune: { ...LORMES, codeInsee: '5' } } }))).toEqual(['structureEmployeuse:communeInvalid']);
  });
  it('refuses empty tags and over-long notes', () => {
    expect(codes(individual({ tags: ['ok', ' '] }))).toContain('tags:invalid');
    expect(codes(individual({ notes: 'x'.repeat(4001) }))).toContain('notes:tooLong');
  });
});

describe('validateActivity — individual sessions', () => {
  it('allows at most one followed person', () => {
    expect(codes(individual({ beneficiaryIds: ['b1', 'b2'] }))).toContain('beneficiaryIds:atMostOneBeneficiary');
  });
  it('refuses an unknown autonomy level', () => {
    expect(codes(individual({ autonomie: 'un_peu' as never }))).toContain('autonomie:invalid');
  });
  it('lets the referral structure be omitted even when referred (La Coop), and forbids it otherwise', () => {
    expect(codes(individual({ orienteVersStructure: true }))).toEqual([]);
    expect(codes(individual({ orienteVersStructure: true, structureDeRedirection: 'ailleurs' as never }))).toContain('structureDeRedirection:invalid');
    expect(codes(individual({ orienteVersStructure: false, structureDeRedirection: 'autre' }))).toContain('structureDeRedirection:notAllowed');
    expect(codes(individual({ structureDeRedirection: 'autre' }))).toContain('structureDeRedirection:notAllowed');
  });
  it('refuses workshop-only fields', () => {
    const found = codes(individual({ titreAtelier: 'Atelier', niveau: 'avance', participantsAnonymes: counts() }));
    expect(found).toEqual(expect.arrayContaining(['titreAtelier:notAllowed', 'niveau:notAllowed', 'participantsAnonymes:notAllowed']));
  });
});

describe('validateActivity — workshops', () => {
  it('refuses individual-only fields', () => {
    const found = codes(workshop({ autonomie: 'autonome', orienteVersStructure: true, structureDeRedirection: 'autre' }));
    expect(found).toEqual(expect.arrayContaining(['autonomie:notAllowed', 'orienteVersStructure:notAllowed', 'structureDeRedirection:notAllowed']));
  });
  it('takes an optional title, as La Coop, of at most 200 characters', () => {
    expect(codes(workshop({ titreAtelier: undefined }))).toEqual([]);
    expect(codes(workshop({ titreAtelier: 'x'.repeat(201) }))).toEqual(['titreAtelier:tooLong']);
  });
  it('refuses an unknown level', () => {
    expect(codes(workshop({ niveau: 'expert' as never }))).toContain('niveau:invalid');
  });
  it('requires at least one participant overall', () => {
    expect(codes(workshop({ participantsAnonymes: counts({ total: 0, dejaAccompagne: 0, genres: {} }) }))).toContain('participants:atLeastOneParticipant');
    expect(codes(workshop({ participantsAnonymes: undefined }))).toContain('participants:atLeastOneParticipant');
  });
  it('reports only the breakdown when it exceeds a valid total', () => {
    expect(codes(workshop({ participantsAnonymes: counts({ total: 3, dejaAccompagne: 0, genres: { feminin: 5 } }) }))).toEqual(['participantsAnonymes.genres:exceedsTotal']);
  });
  it('does not add "no participant" to an unreadable total', () => {
    expect(codes(workshop({ participantsAnonymes: counts({ total: Number.NaN }) }))).toEqual(['participantsAnonymes.total:wholeNumber']);
  });
  it('counts followed participants towards the minimum', () => {
    expect(codes(workshop({ participantsAnonymes: counts({ total: 0, dejaAccompagne: 0, genres: {} }), beneficiaryIds: ['b1'] }))).toEqual([]);
  });
});

describe('validateAnonymousCounts', () => {
  const fields = (c: AnonymousCounts) => validateAnonymousCounts(c).map((i) => `${i.field}:${i.code}`);
  it('requires a whole total', () => {
    expect(fields(counts({ total: -1 }))).toEqual(['participantsAnonymes.total:wholeNumber']);
    expect(fields(counts({ total: 2.5 }))).toEqual(['participantsAnonymes.total:wholeNumber']);
  });
  it('refuses more "already helped" than the total', () => {
    expect(fields(counts({ dejaAccompagne: 9 }))).toEqual(['participantsAnonymes.dejaAccompagne:exceedsTotal']);
  });
  it('refuses a breakdown larger than the total, with the sum in the message', () => {
    const found = validateAnonymousCounts(counts({ genres: { feminin: 6, masculin: 3 } }));
    expect(found).toEqual([{ field: 'participantsAnonymes.genres', code: 'exceedsTotal', params: { sum: 9, total: 8 } }]);
    expect(fields(counts({ tranchesAge: { douze_dix_huit: 9 } }))).toEqual(['participantsAnonymes.tranchesAge:exceedsTotal']);
    expect(fields(counts({ statutsSociaux: { retraite: 5, en_emploi: 4 } }))).toEqual(['participantsAnonymes.statutsSociaux:exceedsTotal']);
  });
  it('refuses negative or unknown breakdown entries', () => {
    expect(fields(counts({ genres: { feminin: -1 } }))).toEqual(['participantsAnonymes.genres:wholeNumber']);
    expect(fields(counts({ tranchesAge: { centenaire: 1 } as never }))).toEqual(['participantsAnonymes.tranchesAge:wholeNumber']);
  });
  it('accepts a partial breakdown', () => {
    expect(fields(counts({ genres: { feminin: 2 } }))).toEqual([]);
  });
});

describe('summaries', () => {
  it('counts participants: at least one person in an individual session', () => {
    expect(participantCount(individual())).toBe(1);
    expect(participantCount(individual({ beneficiaryIds: ['b1'] }))).toBe(1);
    expect(participantCount(workshop({ beneficiaryIds: ['b1', 'b2'] }))).toBe(10);
  });
  it('groups activities by day and month', () => {
    const s = summariseActivities([
      individual({ date: '2026-03-12' }), workshop({ date: '2026-03-12' }), individual({ date: '2026-04-01', duree: 30 }),
    ]);
    expect(s).toMatchObject({ total: 3, individuel: 2, collectif: 1, participants: 10, minutes: 195 });
    expect(s.byDay).toEqual({ '2026-03-12': 2, '2026-04-01': 1 });
    expect(s.byMonth).toEqual({ '2026-03': 2, '2026-04': 1 });
  });
});

describe('La Coop rules added with the national exports', () => {
  it('lets an anonymous individual activity say gender, age band, status, commune and "already helped"', () => {
    const person = { genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', communeResidence: LORMES, dejaAccompagne: true } as const;
    expect(codes(individual({ beneficiaireAnonyme: person }))).toEqual([]);
    expect(codes(individual({ beneficiaireAnonyme: { genre: 'autre' as never } }))).toEqual(['beneficiaireAnonyme.genre:invalid']);
    // Details of an anonymous person make no sense beside a followed one, nor in a workshop.
    expect(codes(individual({ beneficiaryIds: ['b1'], beneficiaireAnonyme: person }))).toEqual(['beneficiaireAnonyme:notAllowed']);
    expect(codes(workshop({ beneficiaireAnonyme: person }))).toEqual(['beneficiaireAnonyme:notAllowed']);
  });
  it('bounds each anonymous count at 10,000', () => {
    expect(validateAnonymousCounts(counts({ total: 10_000, genres: { feminin: 10_000 } }))).toEqual([]);
    expect(validateAnonymousCounts(counts({ total: 10_001 }))).toEqual([{ field: 'participantsAnonymes.total', code: 'countTooLarge', params: { max: 10_000 } }]);
  });
  it('fills "non communiqué" with what the other codes leave of the total', () => {
    const c = counts({ total: 8, genres: { feminin: 5, non_communique: 1 }, statutsSociaux: { retraite: 6 } });
    expect(completeBreakdown(c, 'genres')).toEqual({ masculin: 0, feminin: 5, non_communique: 3 });
    expect(completeBreakdown(c, 'statutsSociaux')).toEqual({ scolarise: 0, sans_emploi: 0, en_emploi: 0, retraite: 6, non_communique: 2 });
    expect(completeBreakdown(c, 'tranchesAge').non_communique).toBe(8);
  });
  it('requires a new activity to carry its employing structure (not the records made before)', () => {
    const structure = { nom: 'Mairie de Lormes' };
    expect(codes(individual())).toEqual([]);
    expect(validateNewActivity(individual()).map((i) => `${i.field}:${i.code}`)).toEqual(['structureEmployeuse:required']);
    expect(validateNewActivity(individual({ typeLieu: 'a_distance', commune: undefined, structureEmployeuse: structure }))).toEqual([]);
  });
});

describe('validateActivity — the date', () => {
  const now = new Date(2026, 2, 16, 9, 0);
  const dateCodes = (date: string) => validateActivity(individual({ date }), now).map((i) => `${i.field}:${i.code}`);

  it('accepts 1 January 2015 up to tomorrow', () => {
    expect(dateCodes('2015-01-01')).toEqual([]);
    expect(dateCodes('2026-03-17')).toEqual([]);
  });
  it('refuses a date before 2015 or after tomorrow (the importers share this rule)', () => {
    expect(dateCodes('2014-12-31')).toEqual(['date:dateTooEarly']);
    expect(dateCodes('0026-03-16')).toEqual(['date:dateTooEarly']);
    expect(dateCodes('2026-03-18')).toEqual(['date:dateInFuture']);
  });
});
