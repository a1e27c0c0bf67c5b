/**
 * Rules of an activity report (CRA), as the national tool (La Coop de la médiation numérique) applies
 * them, so that what Relais stores always exports cleanly. Pure: runs in Node tests, in the importer
 * and in the form. The value codes themselves are listed in ./codes.ts.
 */
import {
  ACTIVITY_TYPES, AUTONOMIE, GENRES, MATERIEL, NIVEAUX, STATUTS_SOCIAUX, STRUCTURES_REDIRECTION, THEMATIQUES,
  THEMATIQUES_DEMARCHE, THEMATIQUE_DEMARCHES, TRANCHES_AGE, TYPES_LIEU, isOneOf,
} from './codes';
import type { Activity, AnonymousCounts, AnonymousPerson, StructureEmployeuse } from './records';
import { checkRecordDate } from './dates';
import { validateCommuneRef } from './village';
import { isNonEmptyText, isWholeNumber, issue, type ValidationIssue } from './validation';

/** 23 h 59 min, La Coop's longest duration: a longer "duration" is a typing mistake, not an activity. */
export const MAX_DUREE_MINUTES = 1439;
/** La Coop's bound on each anonymous count: more is a typing mistake. */
export const MAX_ANONYMOUS_COUNT = 10_000;
export const MAX_STRUCTURE_NAME_LENGTH = 120;
/** SIRET: 14 digits. */
export const SIRET_PATTERN = /^\d{14}$/;
export const MAX_NOTES_LENGTH = 4000;
export const MAX_TITLE_LENGTH = 200;

/** The three breakdowns of anonymous participants, with the codes each may use. */
export const BREAKDOWNS = {
  genres: GENRES,
  tranchesAge: TRANCHES_AGE,
  statutsSociaux: STATUTS_SOCIAUX,
} as const;
export type BreakdownName = keyof typeof BREAKDOWNS;
export const BREAKDOWN_NAMES = Object.keys(BREAKDOWNS) as BreakdownName[];

const INDIVIDUAL_ONLY = ['autonomie', 'orienteVersStructure', 'structureDeRedirection', 'beneficiaireAnonyme'] as const;
const WORKSHOP_ONLY = ['titreAtelier', 'niveau', 'participantsAnonymes'] as const;

/**
 * The rules every stored activity meets, including those recorded before Relais knew the employing
 * structure (they have none): what the repository and the bundle importer check. `now` decides which
 * dates are "in the future" (domain/dates.ts); tests pass a fixed one.
 */
export function validateActivity(activity: Activity, now: Date = new Date()): ValidationIssue[] {
  return [
    ...checkCommon(activity, now),
    ...checkStructure(activity.structureEmployeuse),
    ...checkPlace(activity),
    ...checkThemes(activity),
    ...(activity.type === 'collectif' ? checkWorkshop(activity) : []),
    ...(activity.type === 'individuel' ? checkIndividual(activity) : []),
  ];
}

function checkCommon(a: Activity, now: Date): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isOneOf(ACTIVITY_TYPES, a.type)) issues.push(issue('type', 'required'));
  issues.push(...checkRecordDate('date', a.date, now));
  if (!isWholeNumber(a.duree, 1)) issues.push(issue('duree', 'wholeMinutes'));
  else if (a.duree > MAX_DUREE_MINUTES) issues.push(issue('duree', 'durationTooLong', { max: MAX_DUREE_MINUTES }));
  const materiel = Array.isArray(a.materiel) ? a.materiel : [];
  if (!Array.isArray(a.materiel) || !materiel.every((m) => isOneOf(MATERIEL, m))) issues.push(issue('materiel', 'invalid'));
  if (!Array.isArray(a.tags) || !a.tags.every(isNonEmptyText)) issues.push(issue('tags', 'invalid'));
  if (a.notes !== undefined && (typeof a.notes !== 'string' || a.notes.length > MAX_NOTES_LENGTH)) {
    issues.push(issue('notes', 'tooLong', { max: MAX_NOTES_LENGTH }));
  }
  if (a.villageId !== undefined && !isNonEmptyText(a.villageId)) issues.push(issue('villageId', 'invalid'));
  return issues;
}

/**
 * A new activity also carries its employing structure, as La Coop's do (the activity form checks
 * this). A remote activity is located by that structure's commune; like La Coop, a structure whose
 * commune is unknown leaves it unlocated rather than refused (the form says how to fill it in).
 */
export function validateNewActivity(activity: Activity): ValidationIssue[] {
  const issues = validateActivity(activity);
  if (activity.structureEmployeuse === undefined) issues.push(issue('structureEmployeuse', 'required'));
  return issues;
}

function checkStructure(structure: StructureEmployeuse | undefined): ValidationIssue[] {
  if (structure === undefined) return [];
  const field = 'structureEmployeuse';
  if (!structure || typeof structure !== 'object') return [issue(field, 'invalid')];
  if (!isNonEmptyText(structure.nom)) return [issue(field, 'required')];
  if (structure.nom.length > MAX_STRUCTURE_NAME_LENGTH) return [issue(field, 'tooLong', { max: MAX_STRUCTURE_NAME_LENGTH })];
  if (structure.siret !== undefined && (typeof structure.siret !== 'string' || !SIRET_PATTERN.test(structure.siret))) {
    return [issue(field, 'siretInvalid')];
  }
  return structure.commune === undefined ? [] : validateCommuneRef(field, structure.commune);
}

/** Where it happened: a place of activity needs the place, a home or "other" needs the commune. */
function checkPlace(a: Activity): ValidationIssue[] {
  if (!isOneOf(TYPES_LIEU, a.typeLieu)) return [issue('typeLieu', 'required')];
  const issues: ValidationIssue[] = [];
  if (a.typeLieu === 'lieu_activite') {
    if (!isNonEmptyText(a.placeId)) issues.push(issue('placeId', 'required'));
  } else if (a.placeId !== undefined) {
    issues.push(issue('placeId', 'notAllowed'));
  }
  if (a.typeLieu === 'domicile' || a.typeLieu === 'autre') {
    issues.push(...validateCommuneRef('commune', a.commune));
  } else if (a.commune !== undefined) {
    issues.push(issue('commune', 'notAllowed'));
  }
  return issues;
}

function checkThemes(a: Activity): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const themes = Array.isArray(a.thematiques) ? a.thematiques : [];
  if (themes.length === 0) issues.push(issue('thematiques', 'atLeastOne'));
  else if (!themes.every((t) => isOneOf(THEMATIQUES, t))) issues.push(issue('thematiques', 'invalid'));
  const demarches = themes.includes(THEMATIQUE_DEMARCHES);
  const subThemes = Array.isArray(a.thematiquesDemarche) ? a.thematiquesDemarche : undefined;
  if (!subThemes || !subThemes.every((t) => isOneOf(THEMATIQUES_DEMARCHE, t))) {
    issues.push(issue('thematiquesDemarche', 'invalid'));
  } else if (!demarches && subThemes.length > 0) {
    issues.push(issue('thematiquesDemarche', 'onlyWithDemarches'));
  }
  if (a.precisionsDemarche !== undefined) {
    if (!demarches) issues.push(issue('precisionsDemarche', 'onlyWithDemarches'));
    else if (typeof a.precisionsDemarche !== 'string' || a.precisionsDemarche.length > MAX_NOTES_LENGTH) {
      issues.push(issue('precisionsDemarche', 'tooLong', { max: MAX_NOTES_LENGTH }));
    }
  }
  return issues;
}

function checkIndividual(a: Activity): ValidationIssue[] {
  const issues = forbidden(a, WORKSHOP_ONLY);
  const ids = Array.isArray(a.beneficiaryIds) ? a.beneficiaryIds : undefined;
  if (!ids || !ids.every(isNonEmptyText)) issues.push(issue('beneficiaryIds', 'invalid'));
  else if (ids.length > 1) issues.push(issue('beneficiaryIds', 'atMostOneBeneficiary'));
  if (a.autonomie !== undefined && !isOneOf(AUTONOMIE, a.autonomie)) issues.push(issue('autonomie', 'invalid'));
  if (a.orienteVersStructure !== undefined && typeof a.orienteVersStructure !== 'boolean') {
    issues.push(issue('orienteVersStructure', 'invalid'));
  }
  // As La Coop: the referral structure is optional even when the person was referred.
  if (a.orienteVersStructure === true) {
    if (a.structureDeRedirection !== undefined && !isOneOf(STRUCTURES_REDIRECTION, a.structureDeRedirection)) {
      issues.push(issue('structureDeRedirection', 'invalid'));
    }
  } else if (a.structureDeRedirection !== undefined) {
    issues.push(issue('structureDeRedirection', 'notAllowed'));
  }
  if (a.beneficiaireAnonyme !== undefined) {
    if (ids && ids.length > 0) issues.push(issue('beneficiaireAnonyme', 'notAllowed'));
    else issues.push(...validateAnonymousPerson(a.beneficiaireAnonyme));
  }
  return issues;
}

/** An anonymous person's optional details: codes from their lists, a commune from the official list. */
export function validateAnonymousPerson(person: AnonymousPerson): ValidationIssue[] {
  const field = 'beneficiaireAnonyme';
  if (!person || typeof person !== 'object') return [issue(field, 'invalid')];
  const issues: ValidationIssue[] = [];
  if (person.genre !== undefined && !isOneOf(GENRES, person.genre)) issues.push(issue(`${field}.genre`, 'invalid'));
  if (person.trancheAge !== undefined && !isOneOf(TRANCHES_AGE, person.trancheAge)) issues.push(issue(`${field}.trancheAge`, 'invalid'));
  if (person.statutSocial !== undefined && !isOneOf(STATUTS_SOCIAUX, person.statutSocial)) issues.push(issue(`${field}.statutSocial`, 'invalid'));
  if (person.communeResidence !== undefined) issues.push(...validateCommuneRef(`${field}.communeResidence`, person.communeResidence));
  if (person.dejaAccompagne !== undefined && typeof person.dejaAccompagne !== 'boolean') issues.push(issue(`${field}.dejaAccompagne`, 'invalid'));
  return issues;
}

function checkWorkshop(a: Activity): ValidationIssue[] {
  const issues = forbidden(a, INDIVIDUAL_ONLY);
  // Optional, as La Coop has it.
  if (a.titreAtelier !== undefined && (typeof a.titreAtelier !== 'string' || a.titreAtelier.length > MAX_TITLE_LENGTH)) {
    issues.push(issue('titreAtelier', 'tooLong', { max: MAX_TITLE_LENGTH }));
  }
  if (a.niveau !== undefined && !isOneOf(NIVEAUX, a.niveau)) issues.push(issue('niveau', 'invalid'));
  const ids = Array.isArray(a.beneficiaryIds) ? a.beneficiaryIds : undefined;
  if (!ids || !ids.every(isNonEmptyText)) issues.push(issue('beneficiaryIds', 'invalid'));
  const counts = a.participantsAnonymes;
  if (counts !== undefined) issues.push(...validateAnonymousCounts(counts));
  // A total that is not a number already has its own message: do not add "no participant" on top.
  const totalUnreadable = counts !== undefined && !isWholeNumber(counts?.total);
  const anonymousTotal = counts !== undefined && isWholeNumber(counts?.total) ? counts.total : 0;
  const followed = ids ? new Set(ids).size : 0;
  if (followed + anonymousTotal < 1 && !totalUnreadable) issues.push(issue('participants', 'atLeastOneParticipant'));
  return issues;
}

/**
 * Anonymous participants of a workshop: whole numbers up to 10,000 each; "already helped" and each
 * breakdown (gender, age band, social status) may not exceed the total — a breakdown may be partial:
 * "non communiqué" fills the remainder (`completeBreakdown`), never more.
 */
export function validateAnonymousCounts(counts: AnonymousCounts): ValidationIssue[] {
  const field = 'participantsAnonymes';
  if (!counts || typeof counts !== 'object') return [issue(field, 'invalid')];
  if (!isWholeNumber(counts.total)) return [issue(`${field}.total`, 'wholeNumber')];
  if (counts.total > MAX_ANONYMOUS_COUNT) return [issue(`${field}.total`, 'countTooLarge', { max: MAX_ANONYMOUS_COUNT })];
  const issues: ValidationIssue[] = [];
  if (!isWholeNumber(counts.dejaAccompagne)) issues.push(issue(`${field}.dejaAccompagne`, 'wholeNumber'));
  else if (counts.dejaAccompagne > counts.total) {
    issues.push(issue(`${field}.dejaAccompagne`, 'exceedsTotal', { sum: counts.dejaAccompagne, total: counts.total }));
  }
  for (const name of BREAKDOWN_NAMES) {
    const breakdown = (counts[name] ?? {}) as Record<string, unknown>;
    const allowed = BREAKDOWNS[name] as readonly string[];
    const entries = Object.entries(breakdown);
    if (typeof breakdown !== 'object' || entries.some(([code, n]) => !allowed.includes(code) || !isWholeNumber(n))) {
      issues.push(issue(`${field}.${name}`, 'wholeNumber'));
      continue;
    }
    if (entries.some(([, n]) => (n as number) > MAX_ANONYMOUS_COUNT)) {
      issues.push(issue(`${field}.${name}`, 'countTooLarge', { max: MAX_ANONYMOUS_COUNT }));
      continue;
    }
    const sum = breakdownSum(breakdown as Record<string, number>);
    if (sum > counts.total) issues.push(issue(`${field}.${name}`, 'exceedsTotal', { sum, total: counts.total }));
  }
  return issues;
}

/**
 * A breakdown with every code, "non communiqué" holding whatever the others leave of the total (La
 * Coop's rule): what exports and statistics count.
 */
export function completeBreakdown<N extends BreakdownName>(counts: AnonymousCounts, name: N): Record<(typeof BREAKDOWNS)[N][number], number> {
  const given = (counts[name] ?? {}) as Partial<Record<string, number>>;
  const codes = BREAKDOWNS[name] as readonly string[];
  const complete: Record<string, number> = {};
  let known = 0;
  for (const code of codes) {
    if (code === 'non_communique') continue;
    complete[code] = given[code] ?? 0;
    known += complete[code];
  }
  complete.non_communique = Math.max(0, counts.total - known);
  return complete as Record<(typeof BREAKDOWNS)[N][number], number>;
}

function breakdownSum(breakdown: Partial<Record<string, number>> | undefined): number {
  return Object.values(breakdown ?? {}).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

function forbidden(a: Activity, fields: readonly (keyof Activity)[]): ValidationIssue[] {
  return fields.filter((f) => a[f] !== undefined).map((f) => issue(f, 'notAllowed'));
}

// --- Summaries (pure, for the home page and reports) ---

/** People counted in an activity: followed beneficiaries plus anonymous workshop participants. */
export function participantCount(a: Pick<Activity, 'type' | 'beneficiaryIds' | 'participantsAnonymes'>): number {
  const followed = new Set(a.beneficiaryIds ?? []).size;
  if (a.type === 'individuel') return Math.max(followed, 1); // an anonymous individual session is one person
  return followed + (a.participantsAnonymes?.total ?? 0);
}

export interface ActivitySummary {
  total: number;
  individuel: number;
  collectif: number;
  participants: number;
  minutes: number;
  /** Count of activities per YYYY-MM-DD. */
  byDay: Record<string, number>;
  /** Count of activities per YYYY-MM. */
  byMonth: Record<string, number>;
}

export function summariseActivities(activities: Iterable<Activity>): ActivitySummary {
  const summary: ActivitySummary = { total: 0, individuel: 0, collectif: 0, participants: 0, minutes: 0, byDay: {}, byMonth: {} };
  for (const a of activities) {
    if (typeof a.date !== 'string') continue; // an erased record has no payload left to count
    summary.total += 1;
    if (a.type === 'individuel') summary.individuel += 1;
    else if (a.type === 'collectif') summary.collectif += 1;
    summary.participants += participantCount(a);
    summary.minutes += Number.isFinite(a.duree) ? a.duree : 0;
    summary.byDay[a.date] = (summary.byDay[a.date] ?? 0) + 1;
    const month = a.date.slice(0, 7);
    summary.byMonth[month] = (summary.byMonth[month] ?? 0) + 1;
  }
  return summary;
}
