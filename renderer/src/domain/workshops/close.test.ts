import { describe, expect, it } from 'vitest';
import { validateActivity } from '../activity';
import { closeSession, countWalkIns, participantCount } from './close';
import type { WalkIn, WorkshopSeries, WorkshopSession, WorkshopTemplate } from './types';

const template: WorkshopTemplate = {
  titre: 'Repérer les arnaques',
  objectifs: 'Reconnaître un message frauduleux.',
  niveau: 'intermediaire',
  thematiques: ['securite_numerique'],
  competencesPix: ['4.1', '4.2'],
  duree: 90,
  materiel: ['ordinateur', 'telephone'],
  etapes: [{ id: 's1', titre: 'Tour de table' }, { id: 's2', titre: 'Jeu : vrai ou faux ?' }],
};

const lormes = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

const seriesAtPlace: WorkshopSeries = {
  templateId: 'tpl-1', titre: 'Arnaques — printemps', placeId: 'place-1', itinerant: false,
  villageId: 'village-1', participantIds: ['b1', 'b2', 'b3'], evaluations: [],
};
const itinerantSeries: WorkshopSeries = {
  templateId: 'tpl-1', titre: 'Arnaques en tournée', itinerant: true, commune: lormes, participantIds: [], evaluations: [],
};

const walkIn = (over: Partial<WalkIn> = {}): WalkIn => ({
  genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false, ...over,
});

function session(over: Partial<WorkshopSession> = {}): WorkshopSession {
  return { seriesId: 'series-1', date: '2026-03-12', statut: 'prevue', presents: [], walkIns: [], etapesCouvertes: [], ...over };
}

describe('countWalkIns', () => {
  it('counts each walk-in once in every breakdown, so the breakdowns add up to the total', () => {
    const counts = countWalkIns([
      walkIn(), walkIn({ genre: 'masculin', dejaAccompagne: true }), walkIn({ trancheAge: 'quarante_cinquante_neuf', statutSocial: 'en_emploi' }),
      walkIn({ genre: 'non_communique', trancheAge: 'non_communique', statutSocial: 'non_communique' }), walkIn({ dejaAccompagne: true }),
    ]);
    expect(counts).toEqual({
      total: 5,
      dejaAccompagne: 2,
      genres: { feminin: 3, masculin: 1, non_communique: 1 },
      tranchesAge: { soixante_dix_plus: 3, quarante_cinquante_neuf: 1, non_communique: 1 },
      statutsSociaux: { retraite: 3, en_emploi: 1, non_communique: 1 },
    });
    for (const breakdown of [counts.genres, counts.tranchesAge, counts.statutsSociaux]) {
      expect(Object.values(breakdown).reduce((a, b) => a + (b ?? 0), 0)).toBe(counts.total);
    }
  });

  it('is all zeros for nobody', () => {
    expect(countWalkIns([])).toEqual({ total: 0, dejaAccompagne: 0, genres: {}, tranchesAge: {}, statutsSociaux: {} });
  });
});

describe('closeSession', () => {
  it('produces exactly the workshop activity of a session at a place', () => {
    const walkIns = [walkIn(), walkIn({ genre: 'masculin' }), walkIn({ dejaAccompagne: true }), walkIn(), walkIn({ genre: 'masculin' })];
    const activity = closeSession(session({ presents: ['b1', 'b2', 'b3'], walkIns, etapesCouvertes: ['s1'] }), seriesAtPlace, template);
    expect(activity).toEqual({
      type: 'collectif',
      date: '2026-03-12',
      duree: 90,
      typeLieu: 'lieu_activite',
      placeId: 'place-1',
      villageId: 'village-1',
      thematiques: ['securite_numerique'],
      thematiquesDemarche: [],
      materiel: ['ordinateur', 'telephone'],
      tags: [],
      beneficiaryIds: ['b1', 'b2', 'b3'],
      titreAtelier: 'Arnaques — printemps',
      niveau: 'intermediaire',
      participantsAnonymes: {
        total: 5, dejaAccompagne: 1,
        genres: { feminin: 3, masculin: 2 },
        tranchesAge: { soixante_dix_plus: 5 },
        statutsSociaux: { retraite: 5 },
      },
    });
    expect(validateActivity(activity!)).toEqual([]);
  });

  it('uses "autre" and the commune for a series without a place, and the session’s own duration', () => {
    const activity = closeSession(session({ presents: ['b9'], duree: 75 }), itinerantSeries, template);
    expect(activity).toMatchObject({ typeLieu: 'autre', commune: lormes, duree: 75, beneficiaryIds: ['b9'] });
    expect(activity).not.toHaveProperty('placeId');
    expect(activity?.participantsAnonymes).toBeUndefined();
    expect(validateActivity(activity!)).toEqual([]);
  });

  it('takes an itinerant session’s commune over the series’ one', () => {
    const arvieu = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };
    const activity = closeSession(session({ commune: arvieu, walkIns: [walkIn()] }), itinerantSeries, template);
    expect(activity?.commune).toEqual(arvieu);
  });

  it('counts a followed participant once even if marked twice, and falls back to the template title', () => {
    const activity = closeSession(session({ presents: ['b1', 'b1'] }), { ...seriesAtPlace, titre: '  ' }, template);
    expect(activity?.beneficiaryIds).toEqual(['b1']);
    expect(activity?.titreAtelier).toBe('Repérer les arnaques');
  });

  it('takes the attendance passed in over what the session holds', () => {
    const activity = closeSession(session({ presents: ['b1'] }), seriesAtPlace, template, { presents: ['b2'], walkIns: [], etapesCouvertes: [] });
    expect(activity?.beneficiaryIds).toEqual(['b2']);
  });

  it('produces nothing for a cancelled session or one already closed', () => {
    expect(closeSession(session({ statut: 'annulee', presents: ['b1'] }), seriesAtPlace, template)).toBeNull();
    expect(closeSession(session({ statut: 'cloturee', presents: ['b1'], activityId: 'a1' }), seriesAtPlace, template)).toBeNull();
  });

  it('counts everyone who came', () => {
    expect(participantCount({ presents: ['b1', 'b2', 'b1'], walkIns: [walkIn(), walkIn()] })).toBe(4);
  });
});

describe('closing notes: the steps covered and the note to review travel into the activity', () => {
  const words = (steps: string[], aRevoir: string | undefined) => [steps.length ? `Étapes : ${steps.join(' ; ')}` : '', aRevoir ? `À revoir : ${aRevoir}` : ''].filter(Boolean).join('\n') || undefined;

  it('lists the covered steps in the outline order, then the note', () => {
    const activity = closeSession(session({ presents: ['b1'], etapesCouvertes: ['s2', 's1'], aRevoir: ' Le 33700 ' }), seriesAtPlace, template, undefined, words);
    expect(activity?.notes).toBe('Étapes : Tour de table ; Jeu : vrai ou faux ?\nÀ revoir : Le 33700');
    expect(validateActivity(activity!)).toEqual([]);
  });

  it('writes no notes when nothing was covered or noted, and none without words', () => {
    expect(closeSession(session({ presents: ['b1'] }), seriesAtPlace, template, undefined, words)?.notes).toBeUndefined();
    expect(closeSession(session({ presents: ['b1'], etapesCouvertes: ['s1'] }), seriesAtPlace, template)?.notes).toBeUndefined();
  });

  it('cuts notes longer than an activity allows rather than refusing to close', () => {
    const activity = closeSession(session({ presents: ['b1'], aRevoir: 'x'.repeat(5000) }), seriesAtPlace, template, undefined, words);
    expect(activity?.notes).toHaveLength(4000);
    expect(validateActivity(activity!)).toEqual([]);
  });
});
