/**
 * The details the next new activity starts from (domain/rememberedDetails.ts), one set per type, in
 * the `meta` table: this laptop's habits, never synced.
 */
import type { ActivityType } from '../domain/codes';
import type { RememberedByType, RememberedDetails } from '../domain/rememberedDetails';
import { readMeta, writeMeta } from './meta';
import type { RelaisDatabase } from './schema';

export async function readRememberedDetails(db: RelaisDatabase): Promise<RememberedByType> {
  return (await readMeta(db, 'activityDefaults')) ?? {};
}

export async function rememberDetails(db: RelaisDatabase, type: ActivityType, details: RememberedDetails): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await writeMeta(db, 'activityDefaults', { ...(await readMeta(db, 'activityDefaults')), [type]: details });
  });
}
