/**
 * When an automatic backup is due (issue 12), pure: at least daily and when the app closes, and only
 * when something changed since the last one (the change counter moved).
 */
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

export interface BackupState {
  /** The change counter now. */
  seq: number;
  /** The last backup written: when, and the counter it covered. */
  last?: { at: string; seq: number };
  /** When this notebook started (its identity was made): how long changes waited when none was ever backed up. */
  since?: string;
}

export type BackupReason = 'timer' | 'close';

export function isBackupDue(state: BackupState, now: Date, reason: BackupReason): boolean {
  const changed = state.seq > (state.last?.seq ?? 0);
  if (!changed) return false;
  if (reason === 'close' || !state.last) return true;
  return now.getTime() - Date.parse(state.last.at) >= BACKUP_EVERY_MS;
}

/**
 * Browser build: remind to download a backup when changes have waited a day without one (counted from
 * the last backup, or from the notebook's start when there was none: not on the first day of use).
 */
export function needsBackupReminder(state: BackupState, now: Date): boolean {
  const changed = state.seq > (state.last?.seq ?? 0);
  const from = state.last?.at ?? state.since;
  return changed && from !== undefined && now.getTime() - Date.parse(from) >= BACKUP_EVERY_MS;
}
