/**
 * The profile of who uses this laptop (domain/profile.ts), kept in the `meta` table. The first-run
 * screen shows until a profile exists.
 */
import { structuresOf, type Profile } from '../domain/profile';
import { ensureIdentity } from './identity';
import { readMeta, writeMeta } from './meta';
import type { RelaisDatabase } from './schema';

/**
 * Save the profile with its structures (an older profile's single name becomes its one structure);
 * `structure`, which bundles and cards show, is the first structure's name.
 */
export async function saveProfile(db: RelaisDatabase, profile: Profile): Promise<void> {
  await ensureIdentity(db);
  const structures = structuresOf(profile).map((s) => ({ ...s, nom: s.nom.trim() }));
  await writeMeta(db, 'profile', {
    ...profile, displayName: profile.displayName.trim(), structure: structures[0]?.nom ?? profile.structure.trim(), structures,
  });
}

/** `null` before the first run is completed. */
export async function readProfile(db: RelaisDatabase): Promise<Profile | null> {
  return (await readMeta(db, 'profile')) ?? null;
}
