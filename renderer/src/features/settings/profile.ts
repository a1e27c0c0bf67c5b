/**
 * Who uses this laptop: display name, role and structure, kept in the `meta` table. The first-run
 * screen shows until a profile exists. The device id is separate (db/device.ts) and never changes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { isOneOf, ROLES, type Role } from '../../domain/codes';
import { issue, isNonEmptyText, type ValidationIssue } from '../../domain/validation';
import { getRelais } from '../../db';
import { ensureDevice, type DeviceIdentity } from '../../db/device';

export interface Profile {
  displayName: string;
  role: Role;
  structure: string;
}

export function validateProfile(p: Partial<Profile>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isNonEmptyText(p.displayName)) issues.push(issue('displayName', 'required'));
  else if (p.displayName.length > 80) issues.push(issue('displayName', 'tooLong', { max: 80 }));
  if (!isOneOf(ROLES, p.role)) issues.push(issue('role', 'required'));
  if (!isNonEmptyText(p.structure)) issues.push(issue('structure', 'required'));
  else if (p.structure.length > 120) issues.push(issue('structure', 'tooLong', { max: 120 }));
  return issues;
}

export async function saveProfile(profile: Profile): Promise<void> {
  const { db } = getRelais();
  await ensureDevice(db);
  await db.meta.put({ key: 'profile', value: { ...profile, displayName: profile.displayName.trim(), structure: profile.structure.trim() } });
}

/** `undefined` while loading, `null` before the first run is completed. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(async () => ((await getRelais().db.meta.get('profile'))?.value as Profile | undefined) ?? null, []);
}

/**
 * The device id, read without writing: live queries run in read-only transactions, so this must not
 * call `ensureDevice`. The identity exists by then: saving the first-run profile creates it.
 */
export function useDeviceId(): string | undefined {
  return useLiveQuery(async () => ((await getRelais().db.meta.get('device'))?.value as DeviceIdentity | undefined)?.deviceId, []);
}
