import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupFolder, backupNameAt, backupsToRemove, backupTime } from './backups';
import { VALIDATORS } from '../shared/contract';

const DAY = 24 * 3600 * 1000;
const start = Date.parse('2026-11-30T18:00:00.000Z'); // a Monday

/** One backup name per `at`, newest last. */
function namesAt(...times: number[]): string[] {
  return times.map((t) => backupNameAt(new Date(t)));
}

describe('rotation: 7 daily, 4 weekly', () => {
  it('names backups by UTC time, and reads the time back', () => {
    expect(backupNameAt(new Date('2026-11-30T16:22:33.456Z'))).toBe('relais-2026-11-30-162233.relaisbackup');
    expect(backupTime('relais-2026-11-30-162233.relaisbackup')?.toISOString()).toBe('2026-11-30T16:22:33.000Z');
    expect(backupTime('../relais-2026-11-30-162233.relaisbackup')).toBeUndefined();
    expect(backupTime('notes.txt')).toBeUndefined();
  });

  it('keeps the newest of each day for a week, removes the others of the same day', () => {
    const names = namesAt(start - 2 * DAY, start - 2 * DAY + 3600_000, start - DAY, start);
    expect(backupsToRemove(names)).toEqual([names[0]]);
  });

  it('after 60 days of daily backups: 7 daily and 4 weekly remain, newest kept', () => {
    const names = namesAt(...Array.from({ length: 60 }, (_, i) => start - (59 - i) * DAY));
    const removed = new Set(backupsToRemove(names));
    const kept = names.filter((n) => !removed.has(n));
    expect(kept).toHaveLength(11);
    expect(kept.slice(-7)).toEqual(names.slice(-7));
    // The 4 weekly ones are in 4 different weeks (Monday to Sunday), all older than the daily ones.
    const weekly = kept.slice(0, 4).map((n) => backupTime(n)!.getTime());
    const mondays = weekly.map((t) => Math.floor((t - Date.parse('2026-11-30T00:00:00.000Z')) / (7 * DAY)));
    expect(new Set(mondays).size).toBe(4);
    expect(Math.max(...weekly)).toBeLessThan(backupTime(kept[4])!.getTime());
    expect(mondays).toEqual([-4, -3, -2, -1]);
  });

  it('never touches a file that is not a backup', () => {
    expect(backupsToRemove(['notes.txt', 'relais.relais', ...namesAt(start)])).toEqual([]);
  });
});

describe('the backups folder', () => {
  let folder: string;
  beforeEach(async () => { folder = join(await mkdtemp(join(tmpdir(), 'relais-backups-')), 'backups'); });
  afterEach(async () => { await rm(join(folder, '..'), { recursive: true, force: true }); });

  it('writes (creating the folder), lists newest first, reads back by name', async () => {
    const backups = new BackupFolder(folder);
    expect(await backups.list()).toEqual([]);
    await backups.write(new Uint8Array([1]), new Date(start - DAY));
    const { fileName } = await backups.write(new Uint8Array([2, 2]), new Date(start));
    const list = await backups.list();
    expect(list.map((b) => [b.name, b.bytes])).toEqual([[fileName, 2], [backupNameAt(new Date(start - DAY)), 1]]);
    expect([...await backups.read(fileName)]).toEqual([2, 2]);
    await expect(backups.read('../../etc/passwd')).rejects.toThrow();
    // No temporary file left behind.
    expect((await readdir(folder)).every((n) => n.endsWith('.relaisbackup'))).toBe(true);
  });

  it('rotates on every write: 30 days of backups leave 7 + 4 files, and a stranger file stays', async () => {
    const backups = new BackupFolder(folder);
    await backups.write(new Uint8Array([0]), new Date(start - 40 * DAY));
    await writeFile(join(folder, 'a-note.txt'), 'mine');
    for (let day = 39; day >= 0; day--) await backups.write(new Uint8Array([day]), new Date(start - day * DAY));
    const files = await readdir(folder);
    expect(files.filter((n) => n.endsWith('.relaisbackup'))).toHaveLength(11);
    expect(await readFile(join(folder, 'a-note.txt'), 'utf8')).toBe('mine');
  });

  it('the bridge accepts only backup names to read', () => {
    expect(VALIDATORS.readBackup([{ name: 'relais-2026-11-30-162233.relaisbackup' }])).toEqual({ name: 'relais-2026-11-30-162233.relaisbackup' });
    for (const name of ['../x.relaisbackup', '/tmp/relais-2026-11-30-162233.relaisbackup', 'relais.relais']) {
      expect(() => VALIDATORS.readBackup([{ name }])).toThrow();
    }
  });
});
