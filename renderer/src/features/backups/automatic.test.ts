import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeTestDatabases, openTestRelais } from '../../testkit/sync';
import { backUpIfDue, startAutomaticBackups } from './automatic';
import { decodeBackup } from '../../domain/backup/format';
import { ensureDeviceKeys } from '../../db/sync';
import type { Village } from '../../domain/records';

const LORMES: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' };

afterEach(closeTestDatabases);

/** The Electron shell, mocked: what main received, and the page's quit listeners main would call. */
function fakeShell() {
  const written: Uint8Array[] = [];
  const quitListeners = new Set<() => Promise<void>>();
  const shell = {
    shell: 'electron' as const,
    writeBackup: vi.fn(async ({ bytes }: { bytes: Uint8Array }) => { written.push(bytes); return { fileName: 'x' }; }),
    onQuitRequested: (listener: () => Promise<void>) => { quitListeners.add(listener); return () => { quitListeners.delete(listener); }; },
  };
  return { written, shell, quit: () => Promise.all([...quitListeners].map((l) => l())), listening: () => quitListeners.size };
}

describe('the automatic backup scheduler', () => {
  it('writes when something changed, then not again until a day has passed and something changed', async () => {
    const relais = openTestRelais('auto');
    const { shell, written } = fakeShell();
    let now = new Date('2026-11-30T09:00:00.000Z');
    const deps = { relais, shell, app: 'test', now: () => now };
    expect(await backUpIfDue(deps, 'timer')).toBe('notDue'); // an empty database: nothing to save
    await relais.villages.create(LORMES);
    expect(await backUpIfDue(deps, 'timer')).toBe('written');
    const { content } = await decodeBackup(written[0], { identity: (await ensureDeviceKeys(relais.db)).ageIdentity });
    expect(content.tables.villages).toHaveLength(1);

    now = new Date('2026-11-30T20:00:00.000Z');
    await relais.villages.create({ ...LORMES, commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    expect(await backUpIfDue(deps, 'timer')).toBe('notDue'); // changed, but the last is 11 h old
    now = new Date('2026-12-01T09:00:00.000Z');
    expect(await backUpIfDue(deps, 'timer')).toBe('written');
    now = new Date('2026-12-03T09:00:00.000Z');
    expect(await backUpIfDue(deps, 'timer')).toBe('notDue'); // days later, but nothing changed
    expect(written).toHaveLength(2);
  });

  it('on close, writes at once when something changed since the last backup', async () => {
    const relais = openTestRelais('close');
    const { shell, written } = fakeShell();
    const deps = { relais, shell, app: 'test' };
    await relais.villages.create(LORMES);
    await backUpIfDue(deps, 'timer');
    expect(await backUpIfDue(deps, 'close')).toBe('notDue');
    await relais.villages.create({ ...LORMES, commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    expect(await backUpIfDue(deps, 'close')).toBe('written');
    expect(written).toHaveLength(2);
  });

  it('a failed write leaves the changes due: the next check tries again', async () => {
    const relais = openTestRelais('fail');
    const shell = { ...fakeShell().shell, writeBackup: vi.fn().mockRejectedValueOnce(new Error('ENOSPC')).mockResolvedValue({ fileName: 'x' }) };
    const deps = { relais, shell, app: 'test' };
    await relais.villages.create(LORMES);
    await expect(backUpIfDue(deps, 'timer')).rejects.toThrow('ENOSPC');
    expect(await backUpIfDue(deps, 'timer')).toBe('written');
  });

  it('runs only in the desktop shell, and makes the last backup when main asks before quitting', async () => {
    const relais = openTestRelais('start');
    const browser = fakeShell();
    startAutomaticBackups({ relais, shell: { ...browser.shell, shell: 'browser' as const }, app: 'test' })();
    expect(browser.listening()).toBe(0);
    const desktop = fakeShell();
    const stop = startAutomaticBackups({ relais, shell: desktop.shell, app: 'test' });
    expect(desktop.listening()).toBe(1);
    await vi.waitFor(() => expect(desktop.shell.writeBackup).not.toHaveBeenCalled());
    await relais.villages.create(LORMES);
    await desktop.quit(); // main's quit request: something changed, so a backup is written before it returns
    expect(desktop.written).toHaveLength(1);
    await desktop.quit(); // nothing changed since
    expect(desktop.written).toHaveLength(1);
    stop();
    expect(desktop.listening()).toBe(0);
  });
});
