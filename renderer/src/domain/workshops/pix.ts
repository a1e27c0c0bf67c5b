/**
 * The Pix digital-skills framework (5 areas, 16 competences), the reference French trainers use to
 * say what a workshop builds. Competences are stored by their code ("1.1"); labels come from i18n
 * (`workshops:pix.<key>`, where the key is the code with "_" for "." because i18next splits on dots).
 */
export const PIX_COMPETENCES = [
  '1.1', '1.2', '1.3',
  '2.1', '2.2', '2.3', '2.4',
  '3.1', '3.2', '3.3', '3.4',
  '4.1', '4.2', '4.3',
  '5.1', '5.2',
] as const;
export type PixCompetence = (typeof PIX_COMPETENCES)[number];

/** i18n key of a competence label, e.g. "1.1" → "pix.competences.c1_1". */
export function pixCompetenceKey(code: PixCompetence): string {
  return `pix.competences.c${code.replace('.', '_')}`;
}

/** Self-assessment scale: 1 "I have never done it" … 4 "I can do it alone and explain it". */
export const SELF_ASSESSMENT_LEVELS = [1, 2, 3, 4] as const;
export type SelfAssessmentLevel = (typeof SELF_ASSESSMENT_LEVELS)[number];
