/**
 * Automatic backups, the shell's part (issue 12). The page makes the bytes (an encrypted copy of the
 * database: renderer/src/domain/backup/format.ts); main only puts them in `<userData>/backups`,
 * atomically, names them by date, rotates them and reads one back by name. It never learns what is
 * inside: it cannot open them, it has no key.
 *
 * The last backup when the app closes rides on the quit request the synced folders brought (main.ts,
 * `waitForLastWrite`; the page's listener: renderer/src/features/backups/automatic.ts).
 *
 * Rotation keeps the newest backup of each of the 7 most recent days that have one, and, older than
 * those, the newest of each of the 4 most recent weeks: a week of daily points, a month of weekly ones.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_NAME_PATTERN, MAX_FILE_BYTES, type BackupInfo } from '../shared/contract';
import { readFileLimited, writeFileAtomic } from './files';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

/** `relais-2026-11-30-162233.relaisbackup` (UTC): names sort as times do. */
export function backupNameAt(at: Date): string {
  const iso = at.toISOString();
  return `relais-${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, '')}.relaisbackup`;
}

/** When a backup named by `backupNameAt` was written; undefined for any other name. */
export function backupTime(name: string): Date | undefined {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const [, day, time] = match;
  const at = new Date(`${day}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.000Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The Monday (UTC) of the week holding `at`, as YYYY-MM-DD: backups of one week share it. */
function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - ((at.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** The decision, pure: which of `names` rotation removes (names that are not backups are never touched). */
export function backupsToRemove(names: readonly string[], keepDaily = KEEP_DAILY, keepWeekly = KEEP_WEEKLY): string[] {
  const backups = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== undefined)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<string>();
  const days = new Set<string>();
  for (const backup of backups) {
    const day = backup.at.toISOString().slice(0, 10);
    if (days.has(day) || days.size >= keepDaily) continue;
    days.add(day);
    kept.add(backup.name);
  }
  const weeks = new Set<string>();
  for (const backup of backups) {
    if (days.has(backup.at.toISOString().slice(0, 10))) continue; // a day the daily ones cover
    const week = weekOf(backup.at);
    if (weeks.has(week) || weeks.size >= keepWeekly) continue;
    weeks.add(week);
    kept.add(backup.name);
  }
  return backups.filter((b) => !kept.has(b.name)).map((b) => b.name);
}

/** The backups folder: write, rotate, list, read. Paths never leave it; names are checked by pattern. */
export class BackupFolder {
  constructor(private readonly folder: string) {}

  /** Write `bytes` as a new backup (atomically: a crash leaves the previous ones whole), then rotate. */
  async write(bytes: Uint8Array, now = new Date()): Promise<{ fileName: string; removed: number }> {
    await mkdir(this.folder, { recursive: true });
    const fileName = backupNameAt(now);
    await writeFileAtomic(join(this.folder, fileName), bytes);
    const removed = backupsToRemove(await readdir(this.folder));
    for (const name of removed) await unlink(join(this.folder, name)).catch(() => undefined);
    return { fileName, removed: removed.length };
  }

  /** The backups, newest first, with their size and time. */
  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return []; // no backup written yet
    }
    const infos: BackupInfo[] = [];
    for (const name of names) {
      const at = backupTime(name);
      if (!at) continue;
      const info = await stat(join(this.folder, name)).catch(() => undefined);
      if (info?.isFile()) infos.push({ name, bytes: info.size, createdAt: at.toISOString() });
    }
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async read(name: string): Promise<Uint8Array> {
    if (!backupTime(name)) throw new Error('not a backup name');
    return readFileLimited(join(this.folder, name), MAX_FILE_BYTES);
  }
}
