import { describe, expect, it } from 'vitest';
import { NIVEAUX, THEMATIQUES, isOneOf } from '../codes';
import { cancelledSession, movedSession, recurringDates, upcomingSessions } from './calendar';
import { PIX_COMPETENCES, pixCompetenceKey } from './pix';
import { summarizeProgress, withAssessment } from './progress';
import { STARTER_KEYS, starterTemplate, starterTemplates } from './starterTemplates';
import type { SelfAssessment, WorkshopSession } from './types';
import { validateSeries, validateSession, validateTemplate } from './validation';

const lormes = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

describe('Pix framework', () => {
  it('has the 16 competences of the 5 areas, with dot-free i18n keys', () => {
    expect(PIX_COMPETENCES).toHaveLength(16);
    expect(new Set(PIX_COMPETENCES.map((c) => c[0]))).toEqual(new Set(['1', '2', '3', '4', '5']));
    expect(pixCompetenceKey('2.4')).toBe('pix.competences.c2_4');
  });
});

describe('starter library', () => {
  it('ships six valid templates in French and in English with the same codes and step ids', () => {
    const fr = starterTemplates('fr');
    const en = starterTemplates('en');
    expect(fr).toHaveLength(6);
    for (const [i, template] of fr.entries()) {
      expect(validateTemplate(template)).toEqual([]);
      expect(validateTemplate(en[i])).toEqual([]);
      expect(en[i].titre).not.toBe(template.titre);
      expect(en[i].etapes.map((s) => s.id)).toEqual(template.etapes.map((s) => s.id));
      expect(template.thematiques.every((t) => isOneOf(THEMATIQUES, t))).toBe(true);
      expect(isOneOf(NIVEAUX, template.niveau)).toBe(true);
    }
    expect(STARTER_KEYS).toContain('arnaques');
    expect(starterTemplate('arnaques', 'en')?.titre).toBe('Spotting scams');
  });

  it('reads its words from the locales: French for a language without starters, pseudo text for a pseudo-language', () => {
    expect(starterTemplate('arnaques', 'xx')?.titre).toBe('Repérer les arnaques');
    expect(starterTemplate('arnaques', 'en-XA')?.titre).toMatch(/^\[Šþöţţîñĝ šçåɱš /u);
    expect(starterTemplate('arnaques', 'en-XA')?.etapes.map((s) => s.id)).toEqual(starterTemplate('arnaques', 'fr')?.etapes.map((s) => s.id));
  });
});

describe('validation', () => {
  const template = starterTemplate('souris-clavier', 'fr')!;

  it('refuses a template without title, themes, duration or with duplicate step ids', () => {
    const bad = { ...template, titre: ' ', thematiques: [], duree: 0, etapes: [{ id: 'x', titre: 'a' }, { id: 'x', titre: 'b' }] };
    expect(validateTemplate(bad).map((i) => `${i.field}:${i.code}`)).toEqual([
      'titre:required', 'thematiques:atLeastOne', 'duree:wholeMinutes', 'etapes.1.id:invalid',
    ]);
  });

  it('needs a place or a commune for a series', () => {
    const series = { templateId: 't', titre: 'Série', itinerant: true, participantIds: [], evaluations: [] };
    expect(validateSeries(series).map((i) => i.field)).toEqual(['commune']);
    expect(validateSeries({ ...series, commune: lormes })).toEqual([]);
    expect(validateSeries({ ...series, placeId: 'p1', itinerant: false })).toEqual([]);
  });

  it('refuses a self-assessment level outside 1–4', () => {
    const evaluations = [{ beneficiaryId: 'b1', moment: 'debut', date: '2026-03-01', niveaux: { '1.1': 5 } }] as unknown as SelfAssessment[];
    expect(validateSeries({ templateId: 't', titre: 'S', itinerant: false, placeId: 'p', participantIds: [], evaluations })[0].field).toBe('evaluations.0.niveaux');
  });

  it('refuses a closed session without its activity and a walk-in with an unknown code', () => {
    const s: WorkshopSession = { seriesId: 's', date: '2026-03-12', statut: 'cloturee', presents: [], walkIns: [], etapesCouvertes: [] };
    expect(validateSession(s).map((i) => i.field)).toEqual(['activityId']);
    const walkIns = [{ genre: 'autre', trancheAge: 'non_communique', statutSocial: 'retraite', dejaAccompagne: false }] as unknown as WorkshopSession['walkIns'];
    expect(validateSession({ ...s, statut: 'prevue', walkIns, heure: '25:00' }).map((i) => i.field)).toEqual(['heure', 'walkIns.0']);
  });
});

describe('calendar', () => {
  const base: WorkshopSession = { seriesId: 's', date: '2026-03-12', statut: 'prevue', presents: [], walkIns: [], etapesCouvertes: [] };

  it('lists planned sessions from today on, earliest first', () => {
    const sessions = [
      { ...base, date: '2026-03-20' }, { ...base, date: '2026-03-01' }, { ...base, date: '2026-03-12', heure: '14:00' },
      { ...base, date: '2026-03-12', heure: '09:30' }, { ...base, date: '2026-03-15', statut: 'annulee' as const },
    ];
    expect(upcomingSessions(sessions, '2026-03-12').map((s) => `${s.date} ${s.heure ?? ''}`.trim())).toEqual([
      '2026-03-12 09:30', '2026-03-12 14:00', '2026-03-20',
    ]);
  });

  it('moves and cancels planned sessions only', () => {
    expect(movedSession(base, '2026-03-19', '10:00')).toMatchObject({ date: '2026-03-19', heure: '10:00', statut: 'prevue' });
    expect(cancelledSession(base).statut).toBe('annulee');
    expect(() => cancelledSession({ ...base, statut: 'cloturee', activityId: 'a' })).toThrow();
  });

  it('spaces recurring dates a week apart across month ends', () => {
    expect(recurringDates('2026-03-26', 3)).toEqual(['2026-03-26', '2026-04-02', '2026-04-09']);
  });
});

describe('progress', () => {
  it('compares start and end per competence, counting only people assessed at both', () => {
    let evaluations: SelfAssessment[] = [];
    evaluations = withAssessment(evaluations, { beneficiaryId: 'b1', moment: 'debut', date: '2026-03-01', niveaux: { '4.1': 1, '4.2': 2 } });
    evaluations = withAssessment(evaluations, { beneficiaryId: 'b1', moment: 'fin', date: '2026-04-01', niveaux: { '4.1': 3, '4.2': 2 } });
    evaluations = withAssessment(evaluations, { beneficiaryId: 'b2', moment: 'debut', date: '2026-03-01', niveaux: { '4.1': 2 } });
    evaluations = withAssessment(evaluations, { beneficiaryId: 'b2', moment: 'fin', date: '2026-04-01', niveaux: { '4.1': 4 } });
    evaluations = withAssessment(evaluations, { beneficiaryId: 'b3', moment: 'debut', date: '2026-03-01', niveaux: { '4.1': 1 } });
    // A second entry at the same moment replaces the first one.
    evaluations = withAssessment(evaluations, { beneficiaryId: 'b2', moment: 'fin', date: '2026-04-02', niveaux: { '4.1': 3 } });
    expect(evaluations).toHaveLength(5);
    expect(summarizeProgress(evaluations, ['4.1', '4.2'])).toEqual([
      { competence: '4.1', pairs: 2, averageStart: 1.5, averageEnd: 3, improved: 2 },
      { competence: '4.2', pairs: 1, averageStart: 2, averageEnd: 2, improved: 0 },
    ]);
  });
});
