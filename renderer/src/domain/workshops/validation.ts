/**
 * Pure validators of the workshop records, `(data) => ValidationIssue[]` like every other kind:
 * they run in the repository (every write), in forms and in the bundle importer.
 * Messages reuse the shared keys of `locales/<lang>/validation.json`.
 */
import { GENRES, MATERIEL, NIVEAUX, STATUTS_SOCIAUX, THEMATIQUES, TRANCHES_AGE, isOneOf } from '../codes';
import { validateCommuneRef } from '../village';
import { isIsoDate, isNonEmptyText, isWholeNumber, issue, type ValidationIssue } from '../validation';
import { PIX_COMPETENCES, SELF_ASSESSMENT_LEVELS } from './pix';
import { SESSION_STATUSES, type SelfAssessment, type WalkIn, type WorkshopSeries, type WorkshopSession, type WorkshopTemplate } from './types';

export const TITLE_MAX = 120;
export const TEXT_MAX = 2000;
/** A step of an outline may say more than a title. */
export const STEP_TITLE_MAX = TITLE_MAX * 2;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function textIssues(field: string, value: unknown, required: boolean, max = TEXT_MAX): ValidationIssue[] {
  if (value === undefined || value === '') return required ? [issue(field, 'required')] : [];
  if (!isNonEmptyText(value)) return [issue(field, required ? 'required' : 'invalid')];
  return value.length > max ? [issue(field, 'tooLong', { max })] : [];
}

function listIssues<T extends string>(field: string, list: readonly T[], value: unknown, atLeastOne: boolean): ValidationIssue[] {
  if (!Array.isArray(value)) return [issue(field, 'invalid')];
  if (value.some((v) => !isOneOf(list, v))) return [issue(field, 'invalid')];
  if (atLeastOne && value.length === 0) return [issue(field, 'atLeastOne')];
  return [];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}

export function validateTemplate(t: WorkshopTemplate): ValidationIssue[] {
  const issues = [
    ...textIssues('titre', t.titre, true, TITLE_MAX),
    ...textIssues('objectifs', t.objectifs, true),
    ...textIssues('materielNecessaire', t.materielNecessaire, false),
    ...listIssues('thematiques', THEMATIQUES, t.thematiques, true),
    ...listIssues('competencesPix', PIX_COMPETENCES, t.competencesPix, false),
    ...listIssues('materiel', MATERIEL, t.materiel, false),
  ];
  if (!isOneOf(NIVEAUX, t.niveau)) issues.push(issue('niveau', 'required'));
  if (!isWholeNumber(t.duree, 1)) issues.push(issue('duree', 'wholeMinutes'));
  if (!Array.isArray(t.etapes)) issues.push(issue('etapes', 'invalid'));
  else {
    const ids = new Set<string>();
    t.etapes.forEach((step, index) => {
      if (!isNonEmptyText(step?.id) || ids.has(step.id)) issues.push(issue(`etapes.${index}.id`, 'invalid'));
      else ids.add(step.id);
      issues.push(...textIssues(`etapes.${index}.titre`, step?.titre, true, STEP_TITLE_MAX));
      if (step?.minutes !== undefined && !isWholeNumber(step.minutes, 1)) issues.push(issue(`etapes.${index}.minutes`, 'wholeMinutes'));
    });
  }
  return issues;
}

function assessmentIssues(field: string, a: SelfAssessment): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isNonEmptyText(a?.beneficiaryId)) issues.push(issue(`${field}.beneficiaryId`, 'required'));
  if (a?.moment !== 'debut' && a?.moment !== 'fin') issues.push(issue(`${field}.moment`, 'invalid'));
  if (!isIsoDate(a?.date)) issues.push(issue(`${field}.date`, 'dateInvalid'));
  const niveaux = a?.niveaux;
  if (!niveaux || typeof niveaux !== 'object') return [...issues, issue(`${field}.niveaux`, 'invalid')];
  for (const [code, level] of Object.entries(niveaux)) {
    if (!isOneOf(PIX_COMPETENCES, code) || !(SELF_ASSESSMENT_LEVELS as readonly unknown[]).includes(level)) {
      issues.push(issue(`${field}.niveaux`, 'invalid'));
      break;
    }
  }
  return issues;
}

export function validateSeries(s: WorkshopSeries): ValidationIssue[] {
  const issues = [...textIssues('titre', s.titre, true, TITLE_MAX), ...textIssues('notes', s.notes, false)];
  if (!isNonEmptyText(s.templateId)) issues.push(issue('templateId', 'required'));
  if (typeof s.itinerant !== 'boolean') issues.push(issue('itinerant', 'invalid'));
  // A series happens somewhere: at a place, or (itinerant or not) in a commune of the official list.
  if (!s.placeId) issues.push(...validateCommuneRef('commune', s.commune));
  else if (s.commune !== undefined) issues.push(...validateCommuneRef('commune', s.commune));
  if (!isStringList(s.participantIds)) issues.push(issue('participantIds', 'invalid'));
  if (!Array.isArray(s.evaluations)) issues.push(issue('evaluations', 'invalid'));
  else s.evaluations.forEach((a, i) => issues.push(...assessmentIssues(`evaluations.${i}`, a)));
  return issues;
}

function walkInIssues(field: string, w: WalkIn): ValidationIssue[] {
  const ok = isOneOf(GENRES, w?.genre) && isOneOf(TRANCHES_AGE, w?.trancheAge)
    && isOneOf(STATUTS_SOCIAUX, w?.statutSocial) && typeof w?.dejaAccompagne === 'boolean';
  return ok ? [] : [issue(field, 'invalid')];
}

export function validateSession(s: WorkshopSession): ValidationIssue[] {
  const issues = [...textIssues('aRevoir', s.aRevoir, false)];
  if (!isNonEmptyText(s.seriesId)) issues.push(issue('seriesId', 'required'));
  if (!isIsoDate(s.date)) issues.push(issue('date', 'dateInvalid'));
  if (s.heure !== undefined && !(typeof s.heure === 'string' && TIME_PATTERN.test(s.heure))) issues.push(issue('heure', 'invalid'));
  if (!isOneOf(SESSION_STATUSES, s.statut)) issues.push(issue('statut', 'invalid'));
  if (s.commune !== undefined) issues.push(...validateCommuneRef('commune', s.commune));
  if (s.duree !== undefined && !isWholeNumber(s.duree, 1)) issues.push(issue('duree', 'wholeMinutes'));
  if (!isStringList(s.presents)) issues.push(issue('presents', 'invalid'));
  if (!isStringList(s.etapesCouvertes)) issues.push(issue('etapesCouvertes', 'invalid'));
  if (!Array.isArray(s.walkIns)) issues.push(issue('walkIns', 'invalid'));
  else s.walkIns.forEach((w, i) => issues.push(...walkInIssues(`walkIns.${i}`, w)));
  if (s.statut === 'cloturee' && !isNonEmptyText(s.activityId)) issues.push(issue('activityId', 'required'));
  return issues;
}
