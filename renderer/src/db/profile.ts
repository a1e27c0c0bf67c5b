/**
 * The profile of who uses this laptop (domain/profile.ts), kept in the `meta` table. The first-run
 * screen shows until a profile exists.
 */
import type { Profile } from '../domain/profile';
import { ensureIdentity } from './identity';
import { readMeta, writeMeta } from './meta';
import type { RelaisDatabase } from './schema';

export async function saveProfile(db: RelaisDatabase, profile: Profile): Promise<void> {
  await ensureIdentity(db);
  await writeMeta(db, 'profile', { ...profile, displayName: profile.displayName.trim(), structure: profile.structure.trim() });
}

/** `null` before the first run is completed. */
export async function readProfile(db: RelaisDatabase): Promise<Profile | null> {
  return (await readMeta(db, 'profile')) ?? null;
}
