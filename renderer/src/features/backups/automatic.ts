/**
 * The automatic backups' scheduler (Electron): every hour it asks whether a backup is due (daily, and
 * only when something changed: domain/backup/schedule.ts), makes the encrypted bytes here and hands
 * them to main, which writes and rotates them (electron/main/backups.ts). When the app quits or its
 * window closes, main asks the page for its last writes (`onQuitRequested`) and waits a bounded time:
 * a backup is then made if anything changed since the last one. The platform is a parameter: tests pass
 * a fake shell.
 */
import { backupState, makeBackup, markBackedUp } from '../../db/backup';
import type { Relais } from '../../db';
import { isBackupDue, type BackupReason } from '../../domain/backup/schedule';
import type { DesktopApi } from '../../platform';

export const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface BackupDeps {
  relais: Relais;
  shell: Pick<DesktopApi, 'shell' | 'writeBackup' | 'onQuitRequested'>;
  app: string;
  now?: () => Date;
}

export type BackupOutcome = 'written' | 'notDue' | 'noKeys';

/** One check: write a backup if one is due for `reason`. Only one runs at a time. */
let running: Promise<BackupOutcome> | undefined;

export function backUpIfDue(deps: BackupDeps, reason: BackupReason): Promise<BackupOutcome> {
  running ??= (async (): Promise<BackupOutcome> => {
    const now = deps.now?.() ?? new Date();
    if (!isBackupDue(await backupState(deps.relais.db), now, reason)) return 'notDue';
    const backup = await makeBackup(deps.relais.db, { app: deps.app, now });
    if (!backup) return 'noKeys';
    await deps.shell.writeBackup({ bytes: backup.bytes });
    // Only once main has the file: a failed write leaves the changes due for the next check.
    await markBackedUp(deps.relais.db, { seq: backup.seq, at: backup.header.createdAt });
    return 'written';
  })().finally(() => { running = undefined; });
  return running;
}

/** Start the schedule (desktop only); returns the function that stops it. */
export function startAutomaticBackups(deps: BackupDeps, everyMs = CHECK_EVERY_MS): () => void {
  if (deps.shell.shell !== 'electron') return () => undefined;
  const check = () => backUpIfDue(deps, 'timer').catch(() => 'notDue' as const);
  void check();
  const timer = setInterval(() => void check(), everyMs);
  const offQuit = deps.shell.onQuitRequested(async () => {
    await backUpIfDue(deps, 'close').catch(() => undefined);
  });
  return () => {
    clearInterval(timer);
    offQuit();
  };
}
