import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RelaisDatabase } from './schema';
import { readMeta, writeMeta } from './meta';

let db: RelaisDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('the meta store', () => {
  it('gives back each key with its own type, and nothing for a key never written', async () => {
    db = new RelaisDatabase(`meta-${Math.random()}`);
    expect(await readMeta(db, 'exportMark')).toBeUndefined();
    await writeMeta(db, 'exportMark', { seq: 12, at: '2026-03-01T10:00:00.000Z' });
    await writeMeta(db, 'exportReminderDays', 14);
    const mark = await readMeta(db, 'exportMark');
    expect(mark?.seq).toBe(12);
    expect(await readMeta(db, 'exportReminderDays')).toBe(14);
  });

  it('refuses, at compile time, a value of another type than its key declares', async () => {
    db = new RelaisDatabase(`meta-${Math.random()}`);
    // @ts-expect-error the reminder delay is a number of days
    await writeMeta(db, 'exportReminderDays', 'seven');
    // @ts-expect-error no such key
    await writeMeta(db, 'exportMarks', { seq: 1, at: '' });
    // @ts-expect-error a direct put is checked against the same key → type map
    await db.meta.put({ key: 'seq', value: 'one' });
  });
});
