import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, isOneOf } from './codes';
import type { Beneficiary } from './records';
import { validateCommuneRef } from './village';
import { issue, type ValidationIssue } from './validation';

/**
 * A followed person is known by a pseudonymous local code like `B-0042`. The pattern is strict on
 * purpose: a name or a phone number typed into the code field is refused.
 */
export const BENEFICIARY_CODE_PATTERN = /^[A-Z]{1,3}-\d{1,6}$/;

export function validateBeneficiary(b: Beneficiary): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof b.code !== 'string' || !BENEFICIARY_CODE_PATTERN.test(b.code)) issues.push(issue('code', 'beneficiaryCode'));
  if (!isOneOf(GENRES, b.genre)) issues.push(issue('genre', 'required'));
  if (!isOneOf(TRANCHES_AGE, b.trancheAge)) issues.push(issue('trancheAge', 'required'));
  if (!isOneOf(STATUTS_SOCIAUX, b.statutSocial)) issues.push(issue('statutSocial', 'required'));
  if (b.communeResidence !== undefined) issues.push(...validateCommuneRef('communeResidence', b.communeResidence));
  if (typeof b.dejaAccompagne !== 'boolean') issues.push(issue('dejaAccompagne', 'invalid'));
  return issues;
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
export function codeTakenIssues(code: string, others: Array<{ id: string; code?: string }>, selfId?: string): ValidationIssue[] {
  const taken = others.some((o) => o.id !== selfId && o.code === code);
  return taken ? [issue('code', 'codeTaken')] : [];
}
