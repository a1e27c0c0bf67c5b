import { describe, expect, it } from 'vitest';
import { isBackupDue, needsBackupReminder } from './schedule';

const at = (iso: string) => new Date(iso);

describe('when a backup is due', () => {
  it('never when nothing changed since the last one (nor on an empty notebook)', () => {
    expect(isBackupDue({ seq: 0 }, at('2026-11-30T09:00:00Z'), 'timer')).toBe(false);
    expect(isBackupDue({ seq: 5, last: { seq: 5, at: '2026-11-01T09:00:00Z' } }, at('2026-11-30T09:00:00Z'), 'timer')).toBe(false);
    expect(isBackupDue({ seq: 5, last: { seq: 5, at: '2026-11-01T09:00:00Z' } }, at('2026-11-30T09:00:00Z'), 'close')).toBe(false);
  });

  it('daily, and at close, when something changed', () => {
    const state = { seq: 6, last: { seq: 5, at: '2026-11-30T09:00:00Z' } };
    expect(isBackupDue(state, at('2026-11-30T20:00:00Z'), 'timer')).toBe(false);
    expect(isBackupDue(state, at('2026-12-01T09:00:00Z'), 'timer')).toBe(true);
    expect(isBackupDue(state, at('2026-11-30T09:01:00Z'), 'close')).toBe(true);
    expect(isBackupDue({ seq: 1 }, at('2026-11-30T09:00:00Z'), 'timer')).toBe(true); // the first one at once
  });

  it('the browser reminder waits a day: from the last backup, or from the notebook\'s start', () => {
    const since = '2026-11-30T08:00:00Z';
    expect(needsBackupReminder({ seq: 3, since }, at('2026-11-30T18:00:00Z'))).toBe(false);
    expect(needsBackupReminder({ seq: 3, since }, at('2026-12-01T08:00:00Z'))).toBe(true);
    expect(needsBackupReminder({ seq: 3, since, last: { seq: 3, at: '2026-11-30T09:00:00Z' } }, at('2026-12-05T08:00:00Z'))).toBe(false);
    expect(needsBackupReminder({ seq: 4, since, last: { seq: 3, at: '2026-12-04T09:00:00Z' } }, at('2026-12-05T10:00:00Z'))).toBe(true);
  });
});
