/**
 * Who uses this laptop: display name, role and the structures that employ them (La Coop's "structure
 * employeuse": a mediator may have several). Shown on bundles this laptop sends and on the card a
 * coordinator hands out (`structure`, the first structure's name); copied onto each activity recorded
 * here; and each structure sets how long its followed people are kept before they are anonymised.
 * The device id is separate (db/device.ts) and never changes.
 */
import { SIRET_PATTERN } from './activity';
import { isOneOf, ROLES, type Role } from './codes';
import type { StructureEmployeuse } from './records';
import { validateCommuneRef } from './village';
import { issue, isNonEmptyText, isWholeNumber, type ValidationIssue } from './validation';

/** La Coop anonymises followed people one year after their last update; a structure may only shorten it. */
export const DEFAULT_RETENTION_MONTHS = 12;
export const MAX_RETENTION_MONTHS = 12;

export interface ProfileStructure extends StructureEmployeuse {
  /** Months without change after which this structure's followed people are anonymised (1–12). */
  retentionMonths: number;
}

/** The longest display name and structure name accepted (they travel on every bundle and card). */
export const PROFILE_LIMITS = { displayName: 80, structure: 120 } as const;

export interface Profile {
  displayName: string;
  role: Role;
  /** The first structure's name: what bundles and cards show (kept for them, and for older profiles). */
  structure: string;
  /** Since schema 7; a profile saved before has only `structure` (see `structuresOf`). */
  structures?: ProfileStructure[];
}

/** The structures of a profile, an older profile's single name included. */
export function structuresOf(profile: Pick<Profile, 'structure' | 'structures'>): ProfileStructure[] {
  if (profile.structures && profile.structures.length > 0) return profile.structures;
  return profile.structure.trim() ? [{ nom: profile.structure.trim(), retentionMonths: DEFAULT_RETENTION_MONTHS }] : [];
}

/** What an activity carries of a structure (never its retention setting). */
export function employingStructure({ retentionMonths: _local, ...structure }: ProfileStructure): StructureEmployeuse {
  return structure;
}

function validateStructures(structures: ProfileStructure[] | undefined): ValidationIssue[] {
  if (structures === undefined) return [];
  if (!Array.isArray(structures) || structures.length === 0) return [issue('structures', 'atLeastOne')];
  const issues: ValidationIssue[] = [];
  structures.forEach((s, i) => {
    const field = `structures.${i}`;
    if (!isNonEmptyText(s.nom)) issues.push(issue(`${field}.nom`, 'required'));
    else if (s.nom.length > PROFILE_LIMITS.structure) issues.push(issue(`${field}.nom`, 'tooLong', { max: PROFILE_LIMITS.structure }));
    if (s.siret !== undefined && !SIRET_PATTERN.test(s.siret)) issues.push(issue(`${field}.siret`, 'siretInvalid'));
    if (s.commune !== undefined) issues.push(...validateCommuneRef(`${field}.commune`, s.commune));
    if (!isWholeNumber(s.retentionMonths, 1) || s.retentionMonths > MAX_RETENTION_MONTHS) issues.push(issue(`${field}.retentionMonths`, 'retentionMonths'));
  });
  return issues;
}

export function validateProfile(p: Partial<Profile>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isNonEmptyText(p.displayName)) issues.push(issue('displayName', 'required'));
  else if (p.displayName.length > PROFILE_LIMITS.displayName) issues.push(issue('displayName', 'tooLong', { max: PROFILE_LIMITS.displayName }));
  if (!isOneOf(ROLES, p.role)) issues.push(issue('role', 'required'));
  if (!isNonEmptyText(p.structure)) issues.push(issue('structure', 'required'));
  else if (p.structure.length > PROFILE_LIMITS.structure) issues.push(issue('structure', 'tooLong', { max: PROFILE_LIMITS.structure }));
  issues.push(...validateStructures(p.structures));
  return issues;
}
