/**
 * The shared-laptop lock as screens read and set it (issue 12): whether it is set, after how many idle
 * minutes it closes. The lock itself, over the sealed keys, is in db/sync/keys.ts.
 */
import { readMeta, writeMeta } from './meta';
import type { RelaisDatabase } from './schema';
import { hasLock, removeLock, setLock } from './sync/keys';

export const LOCK_MINUTES = [2, 5, 10, 15, 30] as const;
export const DEFAULT_LOCK_MINUTES = 10;

export interface LockSettings {
  enabled: boolean;
  minutes: number;
}

export async function readLockSettings(db: RelaisDatabase): Promise<LockSettings> {
  return { enabled: await hasLock(db), minutes: (await readMeta(db, 'lockMinutes')) ?? DEFAULT_LOCK_MINUTES };
}

export async function enableLock(db: RelaisDatabase, secret: string, minutes: number): Promise<void> {
  await setLock(db, secret);
  await writeMeta(db, 'lockMinutes', minutes);
}

export async function disableLock(db: RelaisDatabase): Promise<void> {
  await removeLock(db);
}
