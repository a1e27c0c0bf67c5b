import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Records the order in which main.ts talks to Electron, to check what must happen before ready. */
const state = vi.hoisted(() => ({
  calls: [] as string[],
  gotLock: true,
  ready: null as null | (() => void),
  userData: '',
  appListeners: new Map<string, (...args: unknown[]) => unknown>(),
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  windows: [] as Array<{
    webContents: { send: ReturnType<typeof vi.fn> }; focus: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn>;
    closedListeners: Array<() => void>; closeListeners: Array<(event: { preventDefault(): void }) => void>;
  }>,
}));

vi.mock('electron', () => {
  const log = (name: string) => () => {
    state.calls.push(name);
  };
  let nextId = 1;
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    static fromWebContents = () => null;
    webContents = {
      id: nextId++,
      on: vi.fn(),
      send: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      mainFrame: { url: 'app://relais/index.html', parent: null, frameTreeNodeId: nextId++ },
    };
    focus = vi.fn();
    close = vi.fn();
    closedListeners: Array<() => void> = [];
    closeListeners: Array<(event: { preventDefault(): void }) => void> = [];
    constructor() {
      state.calls.push('new BrowserWindow');
      state.windows.push(this);
    }
    once() {}
    on(name: string, fn: () => void) {
      if (name === 'closed') this.closedListeners.push(fn);
      if (name === 'close') this.closeListeners.push(fn);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    loadURL(url: string) {
      state.calls.push(`loadURL ${url}`);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    app: {
      setPath: log('setPath'),
      enableSandbox: log('enableSandbox'),
      requestSingleInstanceLock: () => {
        state.calls.push('requestSingleInstanceLock');
        return state.gotLock;
      },
      quit: log('quit'),
      exit: log('exit'),
      on: (name: string, fn: (...args: unknown[]) => unknown) => state.appListeners.set(name, fn),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      isReady: () => state.ready === null,
      getLocale: () => 'fr-FR',
      getSystemLocale: () => 'fr-FR',
      commandLine: { appendSwitch: (name: string, value: string) => state.calls.push(`appendSwitch ${name}=${value}`) },
      isPackaged: true,
      getVersion: () => '0.1.0',
      getPath: () => state.userData,
    },
    protocol: { registerSchemesAsPrivileged: log('registerSchemesAsPrivileged'), handle: log('protocol.handle') },
    session: { defaultSession: { setPermissionRequestHandler: log('permissions'), setPermissionCheckHandler: vi.fn(), webRequest: { onBeforeRequest: log('network') } } },
    Menu: {
      // Recorded by its labels: the language it speaks (no macOS app menu on this platform's tests).
      buildFromTemplate: (template: Array<{ label?: string }>) => state.calls.push(`menu ${template.map((item) => item.label).join(',')}`),
      setApplicationMenu: log('setApplicationMenu'),
    },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
        state.calls.push(`ipc ${channel}`);
        state.handlers.set(channel, fn);
      },
    },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
    clipboard: {},
    shell: {},
  };
});

const argv = process.argv;

beforeEach(() => {
  vi.resetModules();
  Object.assign(state, { calls: [], gotLock: true, ready: null, userData: mkdtempSync(join(tmpdir(), 'relais-main-')), windows: [] });
  state.appListeners.clear();
  state.handlers.clear();
});

afterEach(() => {
  process.argv = argv;
  rmSync(state.userData, { recursive: true, force: true });
});

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Start main.ts as Electron would: import it, then become ready. */
async function startMain(): Promise<void> {
  await import('./main');
  const ready = state.ready;
  state.ready = null; // from now on app.isReady() is true
  ready?.();
  await flush();
}

/** What the page gets from the bridge call the preload makes when told that files wait. */
async function takeAsThePage(): Promise<Array<{ kind: string; name: string; bytes: Uint8Array }>> {
  const window = state.windows[0] as unknown as { webContents: { mainFrame: unknown } };
  const take = state.handlers.get('relais:take-open-file-requests')!;
  return take({ sender: window.webContents, senderFrame: window.webContents.mainFrame }) as never;
}

function bundleIn(folder: string, name = 'echange-aicha.relais', text = 'bundle bytes'): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('main.ts', () => {
  it('registers the app:// scheme and the sandbox before ready, then serves and opens the window', async () => {
    await import('./main');
    expect(state.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    state.ready?.();
    await flush();
    const after = state.calls.slice(3);
    expect(after[0]).toBe('protocol.handle');
    expect(after).toContain('permissions');
    expect(after).toContain('network');
    // One handler per bridge call of the contract.
    const { IPC_CHANNELS } = await import('../shared/contract');
    expect(after.filter((c) => c.startsWith('ipc '))).toHaveLength(Object.keys(IPC_CHANNELS).length);
    // The window loads only once the protocol and the IPC handlers exist.
    expect(after.indexOf('loadURL app://relais/index.html')).toBeGreaterThan(after.findLastIndex((c) => c.startsWith('ipc ')));
    expect(state.appListeners.has('web-contents-created')).toBe(true);
  });

  it('starts Chromium in the language the page was read in last time (its date fields then follow it), not the system’s', async () => {
    writeFileSync(join(state.userData, 'language.json'), '{"language":"en"}\n');
    await import('./main');
    expect(state.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'appendSwitch lang=en-GB', 'requestSingleInstanceLock']);
    state.ready?.();
    await flush();
    // The menu and the dialogs speak it from the start (File, not Fichier), on a French system.
    expect(state.calls.find((call) => call.startsWith('menu '))).toMatch(/^menu (,)?File,Edit,/);
    const { shellLocale } = await import('./dialogs');
    expect(shellLocale()).toBe('en');
  });

  it('leaves Chromium’s language to the system until the page has said its own', async () => {
    await startMain();
    expect(state.calls.some((call) => call.startsWith('appendSwitch'))).toBe(false);
    expect(state.calls.find((call) => call.startsWith('menu '))).toMatch(/^menu (,)?Fichier,Édition,/);
  });

  it('quits at once when another instance holds the lock', async () => {
    state.gotLock = false;
    await import('./main');
    expect(state.calls).toContain('quit');
    expect(state.appListeners.size).toBe(0);
  });

  it('keeps a log in the user-data folder from the start', async () => {
    await startMain();
    const { logTail } = await import('./log');
    expect(logTail(10).map((line) => line.split(' ').slice(1).join(' '))).toEqual(['app-started version=0.1.0', 'window-opened']);
  });
});

describe('files the OS asks us to open (single instance)', () => {
  it('a second launch with a bundle: the window is told (nothing else), focused, and the page takes name and bytes', async () => {
    await startMain();
    const path = bundleIn(state.userData);
    const window = state.windows[0];
    state.appListeners.get('second-instance')!({}, ['/opt/Relais/relais', '--no-sandbox', 'echange-aicha.relais'], state.userData);
    // The notice carries no path, no bytes: just its channel.
    expect(window.webContents.send.mock.calls).toEqual([['relais:open-file-request']]);
    expect(window.focus).toHaveBeenCalled();
    const files = await takeAsThePage();
    expect(files.map((f) => ({ kind: f.kind, name: f.name, text: new TextDecoder().decode(f.bytes) }))).toEqual([
      { kind: 'bundle', name: 'echange-aicha.relais', text: 'bundle bytes' },
    ]);
    expect(JSON.stringify(files.map(({ kind, name }) => ({ kind, name })))).not.toContain(path.slice(0, -'echange-aicha.relais'.length));
    // Each file is handed over once.
    await expect(takeAsThePage()).resolves.toEqual([]);
  });

  it('a second launch without a file only focuses the window', async () => {
    await startMain();
    state.appListeners.get('second-instance')!({}, ['/opt/Relais/relais'], '/home/marie');
    expect(state.windows[0].webContents.send).not.toHaveBeenCalled();
    expect(state.windows[0].focus).toHaveBeenCalled();
  });

  it('a bundle given to the first launch waits until the page takes it', async () => {
    const folder = state.userData;
    bundleIn(folder, 'carte.relaiscard', 'card');
    process.argv = ['/opt/Relais/relais', join(folder, 'carte.relaiscard')];
    await startMain();
    const files = await takeAsThePage();
    expect(files.map((f) => [f.kind, f.name])).toEqual([['card', 'carte.relaiscard']]);
  });

  it('macOS open-file, before ready and after: handled by us (not the OS default), and taken by the page', async () => {
    await import('./main');
    const openFile = state.appListeners.get('open-file')!;
    const early = { preventDefault: vi.fn() };
    openFile(early, bundleIn(state.userData, 'avant.relais'));
    expect(early.preventDefault).toHaveBeenCalled();
    const ready = state.ready;
    state.ready = null;
    ready?.();
    await flush();
    openFile({ preventDefault: vi.fn() }, bundleIn(state.userData, 'apres.relais'));
    expect(state.windows[0].webContents.send).toHaveBeenCalledWith('relais:open-file-request');
    expect((await takeAsThePage()).map((f) => f.name)).toEqual(['avant.relais', 'apres.relais']);
  });

  it('macOS with every window closed: a double-click opens a new window whose page takes the file', async () => {
    await startMain();
    state.windows[0].closedListeners.forEach((fn) => fn());
    state.windows.length = 0;
    state.appListeners.get('open-file')!({ preventDefault: vi.fn() }, bundleIn(state.userData));
    expect(state.windows).toHaveLength(1);
    expect((await takeAsThePage()).map((f) => f.name)).toEqual(['echange-aicha.relais']);
  });

  it('ignores files that are not bundles or cards', async () => {
    await startMain();
    writeFileSync(join(state.userData, 'notes.txt'), 'x');
    state.appListeners.get('second-instance')!({}, ['/opt/Relais/relais', 'notes.txt', '/etc/passwd'], state.userData);
    expect(state.windows[0].webContents.send).not.toHaveBeenCalled();
    await expect(takeAsThePage()).resolves.toEqual([]);
  });
});

describe('quitting: the page writes its outbox first', () => {
  it('holds the quit, tells the page (nothing attached), and quits once the page says it is done', async () => {
    await startMain();
    const window = state.windows[0];
    const quitting = { preventDefault: vi.fn() };
    state.appListeners.get('before-quit')!(quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(window.webContents.send.mock.calls).toEqual([['relais:quit-requested']]);
    expect(state.calls).not.toContain('quit');
    // A second quit while waiting asks nothing more.
    state.appListeners.get('before-quit')!({ preventDefault: vi.fn() });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
    const ready = state.handlers.get('relais:quit-ready')!;
    const asPage = window as unknown as { webContents: { mainFrame: unknown } };
    await ready({ sender: asPage.webContents, senderFrame: asPage.webContents.mainFrame });
    expect(state.calls).toContain('quit');
    // The real quit then goes through.
    const final = { preventDefault: vi.fn() };
    state.appListeners.get('before-quit')!(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('closing the window (which quits on Windows and Linux) waits for the page too, then closes it', async () => {
    await startMain();
    const window = state.windows[0];
    const closing = { preventDefault: vi.fn() };
    window.closeListeners.forEach((fn) => fn(closing));
    expect(closing.preventDefault).toHaveBeenCalled();
    expect(window.webContents.send.mock.calls).toEqual([['relais:quit-requested']]);
    expect(window.close).not.toHaveBeenCalled();
    const asPage = window as unknown as { webContents: { mainFrame: unknown } };
    await state.handlers.get('relais:quit-ready')!({ sender: asPage.webContents, senderFrame: asPage.webContents.mainFrame });
    expect(window.close).toHaveBeenCalledOnce();
    const again = { preventDefault: vi.fn() };
    window.closeListeners.forEach((fn) => fn(again));
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('never waits for a page that does not answer', async () => {
    vi.useFakeTimers();
    try {
      await startMain();
      state.appListeners.get('before-quit')!({ preventDefault: vi.fn() });
      vi.advanceTimersByTime(20_000);
      expect(state.calls).toContain('quit');
    } finally {
      vi.useRealTimers();
    }
  });
});
