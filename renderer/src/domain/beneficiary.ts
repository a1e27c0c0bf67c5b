import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, isOneOf, type TrancheAge } from './codes';
import type { Beneficiary } from './records';
import { validateCommuneRef } from './village';
import { issue, isIsoDate, isWholeNumber, type ValidationIssue } from './validation';

/** La Coop's bounds for a year of birth: from 1900 to the current year. */
export const ANNEE_NAISSANCE_MIN = 1900;

/**
 * A followed person is known by a pseudonymous local code like `B-0042`. The pattern is strict on
 * purpose: a name or a phone number typed into the code field is refused.
 */
export const BENEFICIARY_CODE_PATTERN = /^[A-Z]{1,3}-\d{1,6}$/;

/**
 * A followed person's data. Gender, age band and status are optional ("non communiqué"); the year of
 * birth, when given, is a plausible year (a year ahead is tolerated: clocks and time zones differ).
 * An anonymised person has no code and no year of birth left.
 */
export function validateBeneficiary(b: Beneficiary, now: Date = new Date()): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (b.anonymiseLe !== undefined) {
    if (!isIsoDate(b.anonymiseLe)) issues.push(issue('anonymiseLe', 'dateInvalid'));
    if (b.code !== undefined) issues.push(issue('code', 'notAllowed'));
    if (b.anneeNaissance !== undefined) issues.push(issue('anneeNaissance', 'notAllowed'));
  } else if (typeof b.code !== 'string' || !BENEFICIARY_CODE_PATTERN.test(b.code)) {
    issues.push(issue('code', 'beneficiaryCode'));
  }
  if (b.genre !== undefined && !isOneOf(GENRES, b.genre)) issues.push(issue('genre', 'invalid'));
  if (b.trancheAge !== undefined && !isOneOf(TRANCHES_AGE, b.trancheAge)) issues.push(issue('trancheAge', 'invalid'));
  if (b.statutSocial !== undefined && !isOneOf(STATUTS_SOCIAUX, b.statutSocial)) issues.push(issue('statutSocial', 'invalid'));
  if (b.anneeNaissance !== undefined && !isWholeNumber(b.anneeNaissance, ANNEE_NAISSANCE_MIN)) issues.push(issue('anneeNaissance', 'yearOfBirth'));
  else if (b.anneeNaissance !== undefined && b.anneeNaissance > now.getFullYear() + 1) issues.push(issue('anneeNaissance', 'yearOfBirth'));
  if (b.communeResidence !== undefined) issues.push(...validateCommuneRef('communeResidence', b.communeResidence));
  if (typeof b.dejaAccompagne !== 'boolean') issues.push(issue('dejaAccompagne', 'invalid'));
  return issues;
}

/** Age thresholds of La Coop's bands: below 12, below 18, below 25… and 70 or more. */
const BANDS_BY_AGE: ReadonlyArray<[number, TrancheAge]> = [
  [12, 'moins_de_douze'], [18, 'douze_dix_huit'], [25, 'dix_huit_vingt_quatre'], [40, 'vingt_cinq_trente_neuf'],
  [60, 'quarante_cinquante_neuf'], [70, 'soixante_soixante_neuf'],
];

/** The age band of someone born in `year`, in the year of `now` (La Coop counts years, not birthdays). */
export function trancheAgeFromAnnee(year: number, now: Date = new Date()): TrancheAge {
  return trancheAgeOfAge(now.getFullYear() - year);
}

/** The age band of an age in whole years. */
export function trancheAgeOfAge(age: number): TrancheAge {
  return BANDS_BY_AGE.find(([limit]) => age < limit)?.[1] ?? 'soixante_dix_plus';
}

/**
 * A person's age band as of `now`: computed from the year of birth when known, so it stays current
 * as years pass whatever was stored; else the stored band; else "non communiqué".
 */
export function trancheAgeOf(b: Pick<Beneficiary, 'anneeNaissance' | 'trancheAge'>, now: Date = new Date()): TrancheAge {
  if (b.anneeNaissance !== undefined && Number.isInteger(b.anneeNaissance)) return trancheAgeFromAnnee(b.anneeNaissance, now);
  return b.trancheAge ?? 'non_communique';
}

/**
 * The person as retention leaves them (La Coop's anonymisation): the code and the year of birth are
 * cleared; gender, status, commune, "already helped" and the age band as of today stay for statistics.
 */
export function anonymised(b: Beneficiary, today: string, now: Date = new Date()): Beneficiary {
  const { code: _code, anneeNaissance: _year, demo, ...kept } = b;
  return { ...kept, trancheAge: trancheAgeOf(b, now), anonymiseLe: today, ...(demo ? { demo } : {}) };
}

/**
 * The next free code in the `B-0001` series: one above the highest `B-` number already used
 * (codes of other series, or erased records, do not matter). Four digits at least, more when needed.
 */
export function nextBeneficiaryCode(existingCodes: Iterable<string>, prefix = 'B'): string {
  let highest = 0;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const code of existingCodes) {
    const match = pattern.exec(code ?? '');
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${String(highest + 1).padStart(4, '0')}`;
}

/** A code identifies one person: refuse a code another (not erased) record already uses. */
export function codeTakenIssues(code: string | undefined, others: Array<{ id: string; code?: string }>, selfId?: string): ValidationIssue[] {
  if (code === undefined) return [];
  const taken = others.some((o) => o.id !== selfId && o.code === code);
  return taken ? [issue('code', 'codeTaken')] : [];
}
