/**
 * Rules of a village diagnostic (survey). Pure: the same function runs in the form, in the repository
 * (nothing invalid is ever stored) and in the bundle importer.
 */
import {
  COUVERTURES_MOBILES, DEBITS, OPERATEURS_MOBILES, EQUIPEMENTS_VILLAGE, PUBLICS_PRIORITAIRES, STADES_MATURITE, STATUTS_FIBRE,
  TECHNOLOGIES_FIXES, THEMATIQUES, isOneOf,
} from './codes';
import type { Survey } from './records';
import { checkRecordDate } from './dates';
import { issue, isNonEmptyText, isWholeNumber, type ValidationIssue } from './validation';

export const SURVEY_NOTES_MAX = 5000;
export const SURVEY_AUTHOR_MAX = 80;

/** A single optional code: absent is fine, anything else must be in its list. */
function checkOptionalCode(field: string, list: readonly string[], value: unknown): ValidationIssue[] {
  if (value === undefined) return [];
  return isOneOf(list, value) ? [] : [issue(field, 'unknownCode')];
}

/** A list of codes: must be an array whose every item belongs to the list (no duplicates). */
function checkCodeList(field: string, list: readonly string[], value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [issue(field, 'invalid')];
  if (!value.every((item) => isOneOf(list, item))) return [issue(field, 'unknownCode')];
  if (new Set(value).size !== value.length) return [issue(field, 'invalid')];
  return [];
}

function checkOptionalCount(field: string, value: unknown): ValidationIssue[] {
  if (value === undefined) return [];
  return isWholeNumber(value, 0) ? [] : [issue(field, 'wholeNonNegative')];
}

function checkText(field: string, value: unknown, max: number, required: boolean): ValidationIssue[] {
  if (value === undefined || value === '') return required ? [issue(field, 'required')] : [];
  if (typeof value !== 'string') return [issue(field, 'invalid')];
  if (required && !isNonEmptyText(value)) return [issue(field, 'required')];
  return value.length > max ? [issue(field, 'tooLong', { max })] : [];
}

function checkPlaceIds(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [issue('placeIds', 'invalid')];
  return value.every((id) => isNonEmptyText(id)) ? [] : [issue('placeIds', 'invalid')];
}

function checkConnectivity(s: Survey): ValidationIssue[] {
  return [
    ...checkCodeList('technologiesFixes', TECHNOLOGIES_FIXES, s.technologiesFixes),
    ...checkOptionalCode('statutFibre', STATUTS_FIBRE, s.statutFibre),
    ...checkOptionalCode('debit', DEBITS, s.debit),
    ...checkOptionalCode('couvertureVoix', COUVERTURES_MOBILES, s.couvertureVoix),
    ...checkOptionalCode('couverture4g', COUVERTURES_MOBILES, s.couverture4g),
    ...checkOperators(s.couvertureOperateurs),
  ];
}

/** Coverage per operator: known operators only, each with known levels and a yes/no for 5G. */
function checkOperators(value: unknown): ValidationIssue[] {
  if (value === undefined) return [];
  const field = 'couvertureOperateurs';
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [issue(field, 'invalid')];
  const issues: ValidationIssue[] = [];
  for (const [operator, coverage] of Object.entries(value)) {
    if (!isOneOf(OPERATEURS_MOBILES, operator) || !coverage || typeof coverage !== 'object') {
      issues.push(issue(field, 'unknownCode'));
      continue;
    }
    const { voix, data4g, cinqG, ...rest } = coverage as Record<string, unknown>;
    if (Object.keys(rest).length > 0) issues.push(issue(`${field}.${operator}`, 'invalid'));
    issues.push(...checkOptionalCode(`${field}.${operator}.voix`, COUVERTURES_MOBILES, voix));
    issues.push(...checkOptionalCode(`${field}.${operator}.data4g`, COUVERTURES_MOBILES, data4g));
    if (cinqG !== undefined && typeof cinqG !== 'boolean') issues.push(issue(`${field}.${operator}.cinqG`, 'invalid'));
  }
  return issues;
}

/**
 * The distance to the nearest France Services desk only means something when the village has none:
 * both at once is a contradiction the user must resolve.
 */
function checkEquipment(s: Survey): ValidationIssue[] {
  const issues = [
    ...checkCodeList('equipements', EQUIPEMENTS_VILLAGE, s.equipements),
    ...checkOptionalCount('nombrePointsAcces', s.nombrePointsAcces),
    ...checkOptionalCount('distanceFranceServicesKm', s.distanceFranceServicesKm),
  ];
  const hasFranceServices = Array.isArray(s.equipements) && s.equipements.includes('france_services');
  if (hasFranceServices && s.distanceFranceServicesKm !== undefined) {
    issues.push(issue('distanceFranceServicesKm', 'distanceWithFranceServices'));
  }
  return issues;
}

export function validateSurvey(survey: Survey, now: Date = new Date()): ValidationIssue[] {
  const s = survey;
  return [
    ...(isNonEmptyText(s.villageId) ? [] : [issue('villageId', 'required')]),
    ...checkRecordDate('date', s.date, now),
    ...checkText('author', s.author, SURVEY_AUTHOR_MAX, true),
    ...checkConnectivity(s),
    ...checkEquipment(s),
    ...checkPlaceIds(s.placeIds),
    ...checkCodeList('publicsPrioritaires', PUBLICS_PRIORITAIRES, s.publicsPrioritaires),
    ...checkCodeList('thematiquesBesoins', THEMATIQUES, s.thematiquesBesoins),
    ...checkOptionalCode('stadeMaturite', STADES_MATURITE, s.stadeMaturite),
    ...checkText('notes', s.notes, SURVEY_NOTES_MAX, false),
  ];
}

/** Surveys of a village, most recent date first (several the same day: the last created first). */
export function surveysNewestFirst<T extends Survey & { createdAt: string }>(surveys: T[]): T[] {
  return [...surveys].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}
