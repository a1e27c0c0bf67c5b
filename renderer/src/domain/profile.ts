/**
 * Who uses this laptop: display name, role and structure. Shown on bundles this laptop sends and on
 * the card a coordinator hands out; the device id is separate (db/device.ts) and never changes.
 */
import { isOneOf, ROLES, type Role } from './codes';
import { issue, isNonEmptyText, type ValidationIssue } from './validation';

/** The longest display name and structure name accepted (they travel on every bundle and card). */
export const PROFILE_LIMITS = { displayName: 80, structure: 120 } as const;

export interface Profile {
  displayName: string;
  role: Role;
  structure: string;
}

export function validateProfile(p: Partial<Profile>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isNonEmptyText(p.displayName)) issues.push(issue('displayName', 'required'));
  else if (p.displayName.length > PROFILE_LIMITS.displayName) issues.push(issue('displayName', 'tooLong', { max: PROFILE_LIMITS.displayName }));
  if (!isOneOf(ROLES, p.role)) issues.push(issue('role', 'required'));
  if (!isNonEmptyText(p.structure)) issues.push(issue('structure', 'required'));
  else if (p.structure.length > PROFILE_LIMITS.structure) issues.push(issue('structure', 'tooLong', { max: PROFILE_LIMITS.structure }));
  return issues;
}
