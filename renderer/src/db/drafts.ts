/**
 * Form drafts (ui/useDraft.ts): a form's state, saved shortly after each change and read back when
 * the form opens again, so a closed window or a reload loses nothing. Not synced, never exported.
 */
import type { RelaisDatabase } from './schema';

/** The draft saved under `key` (e.g. `activity:new`), if any. */
export async function readDraft(db: RelaisDatabase, key: string): Promise<{ value: unknown } | undefined> {
  return db.drafts.get(key);
}

export async function saveDraft(db: RelaisDatabase, key: string, value: unknown): Promise<void> {
  await db.drafts.put({ key, value, savedAt: new Date().toISOString() });
}

export async function deleteDraft(db: RelaisDatabase, key: string): Promise<void> {
  await db.drafts.delete(key);
}
