/**
 * Progress over a series from the participants' self-assessments (start and end, per Pix competence,
 * levels 1–4). Only people assessed at both moments count towards a competence's progress.
 */
import type { PixCompetence, SelfAssessmentLevel } from './pix';
import type { SelfAssessment } from './types';

export interface CompetenceProgress {
  competence: PixCompetence;
  /** Participants assessed on this competence at start and end. */
  pairs: number;
  averageStart: number;
  averageEnd: number;
  /** How many moved up at least one level. */
  improved: number;
}

/** The latest assessment of each participant at a moment (a re-entry replaces the earlier one). */
export function latestAssessment(evaluations: readonly SelfAssessment[], beneficiaryId: string, moment: SelfAssessment['moment']): SelfAssessment | undefined {
  const matches = evaluations.filter((e) => e.beneficiaryId === beneficiaryId && e.moment === moment);
  return matches[matches.length - 1];
}

/** Replace (or add) one participant's assessment at one moment. */
export function withAssessment(evaluations: readonly SelfAssessment[], next: SelfAssessment): SelfAssessment[] {
  return [...evaluations.filter((e) => !(e.beneficiaryId === next.beneficiaryId && e.moment === next.moment)), next];
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function summarizeProgress(evaluations: readonly SelfAssessment[], competences: readonly PixCompetence[]): CompetenceProgress[] {
  const people = [...new Set(evaluations.map((e) => e.beneficiaryId))];
  return competences.map((competence) => {
    const pairs: Array<[SelfAssessmentLevel, SelfAssessmentLevel]> = [];
    for (const person of people) {
      const start = latestAssessment(evaluations, person, 'debut')?.niveaux[competence];
      const end = latestAssessment(evaluations, person, 'fin')?.niveaux[competence];
      if (start !== undefined && end !== undefined) pairs.push([start, end]);
    }
    return {
      competence,
      pairs: pairs.length,
      averageStart: average(pairs.map(([s]) => s)),
      averageEnd: average(pairs.map(([, e]) => e)),
      improved: pairs.filter(([s, e]) => e > s).length,
    };
  });
}
