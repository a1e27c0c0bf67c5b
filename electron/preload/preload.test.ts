import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, OpenFileRequest } from '../shared/contract';

/** The preload with Electron mocked: what it exposes, and how it hands over the files the OS opened. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  notices: new Map<string, () => void>(),
  waiting: [] as OpenFileRequest[][],
  invoke: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, fn: () => void) => electron.notices.set(channel, fn),
  },
}));

const file = (name: string): OpenFileRequest => ({ kind: 'bundle', name, bytes: new Uint8Array([1]) });

let api: DesktopApi;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.notices.clear();
  electron.waiting = [];
  electron.invoke.mockReset();
  // Main's queue: each take hands over what waits and forgets it.
  electron.invoke.mockImplementation(async (channel: string) => {
    if (channel !== 'relais:take-open-file-requests') return `answer of ${channel}`;
    return electron.waiting.shift() ?? [];
  });
  await import('./preload');
  api = electron.exposed.get('relais') as DesktopApi;
});

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function notice(): void {
  electron.notices.get('relais:open-file-request')!();
}

describe('preload', () => {
  it('exposes only window.relais, whose calls each invoke their own channel', async () => {
    expect([...electron.exposed.keys()]).toEqual(['relais']);
    expect(Object.keys(api).sort()).toEqual([
      'abortSave', 'beginSave', 'chooseSyncFolder', 'copyDiagnostics', 'finishSave', 'forgetSyncFolder', 'getAppInfo', 'getDiagnostics',
      'getSyncFolders', 'listBackups', 'onOpenFileRequest', 'onQuitRequested', 'onSyncFoldersChanged', 'openFiles', 'openFolder', 'printToPdf',
      'readBackup', 'readChosenFile', 'readInboxFile', 'rescanInbox', 'saveFile', 'sealSecret', 'secretStorageAvailable', 'setShellLanguage', 'settleInboxFile', 'shell',
      'takeInboxFiles', 'unsealSecret', 'writeBackup', 'writeOutboxFile', 'writeSave',
    ]);
    await api.writeOutboxFile({ handle: 'a'.repeat(32), suggestedName: 'x.relais', bytes: new Uint8Array(1) });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:write-outbox-file', { handle: 'a'.repeat(32), suggestedName: 'x.relais', bytes: new Uint8Array(1) });
    await api.readChosenFile({ token: 'c'.repeat(32) });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:read-chosen-file', { token: 'c'.repeat(32) });
    await api.setShellLanguage({ language: 'en' });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:set-shell-language', { language: 'en' });
    await api.writeBackup({ bytes: new Uint8Array([7]) });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:write-backup', { bytes: new Uint8Array([7]) });
    await api.listBackups();
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:list-backups');
    await api.readBackup({ name: 'relais-2026-11-30-162233.relaisbackup' });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:read-backup', { name: 'relais-2026-11-30-162233.relaisbackup' });
    await api.writeSave({ stream: 'a'.repeat(32), bytes: new Uint8Array(1) });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:write-save', { stream: 'a'.repeat(32), bytes: new Uint8Array(1) });
    await api.getDiagnostics({ language: 'fr' });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:get-diagnostics', { language: 'fr' });
    await api.getAppInfo();
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:get-app-info');
    await api.sealSecret({ bytes: new Uint8Array([1, 2]) });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:seal-secret', { bytes: new Uint8Array([1, 2]) });
    await api.unsealSecret({ bytes: new Uint8Array([3]) });
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:unseal-secret', { bytes: new Uint8Array([3]) });
    await api.secretStorageAvailable();
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:secret-storage-available');
  });

  it('on a notice, takes the waiting files through the bridge and hands them to the listener', async () => {
    const listener = vi.fn();
    api.onOpenFileRequest(listener);
    await flush();
    electron.waiting.push([file('a.relais')]);
    notice();
    await flush();
    expect(listener).toHaveBeenCalledWith([file('a.relais')]);
  });

  it('keeps files that arrive before the page listens (start-up, first-run screen), and gives them on subscribe', async () => {
    electron.waiting.push([file('early.relais')]);
    notice();
    await flush();
    const listener = vi.fn();
    api.onOpenFileRequest(listener);
    expect(listener).toHaveBeenCalledWith([file('early.relais')]);
  });

  it('asks main once on subscribe, for files that waited there before the page loaded', async () => {
    electron.waiting.push([file('launch.relais')]);
    const listener = vi.fn();
    api.onOpenFileRequest(listener);
    await flush();
    expect(listener).toHaveBeenCalledWith([file('launch.relais')]);
  });

  it('loses nothing when the page unsubscribes and subscribes again (React remounts)', async () => {
    electron.waiting.push([file('remount.relais')]);
    const first = vi.fn();
    const unsubscribe = api.onOpenFileRequest(first);
    unsubscribe(); // before main answered
    await flush();
    const second = vi.fn();
    api.onOpenFileRequest(second);
    await flush();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith([file('remount.relais')]);
  });

  it('an old unsubscribe does not remove a newer listener', async () => {
    const unsubscribeOld = api.onOpenFileRequest(vi.fn());
    const current = vi.fn();
    api.onOpenFileRequest(current);
    unsubscribeOld();
    electron.waiting.push([file('b.relais')]);
    notice();
    await flush();
    expect(current).toHaveBeenCalledWith([file('b.relais')]);
  });

  it('on a quit request, waits for every listener (the outbox, the last backup) before telling main it may quit', async () => {
    let finishBackup: () => void = () => undefined;
    const order: string[] = [];
    const offOutbox = api.onQuitRequested(async () => { order.push('outbox'); });
    const offBackup = api.onQuitRequested(() => new Promise<void>((resolve) => { finishBackup = () => { order.push('backup'); resolve(); }; }));
    electron.notices.get('relais:quit-requested')!();
    await flush();
    expect(electron.invoke).not.toHaveBeenCalledWith('relais:quit-ready');
    finishBackup();
    await flush();
    expect(order).toEqual(['outbox', 'backup']);
    expect(electron.invoke).toHaveBeenLastCalledWith('relais:quit-ready');
    offOutbox();
    offBackup();
  });
});
