import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Records the order in which main.ts talks to Electron, to check what must happen before ready. */
const state = vi.hoisted(() => ({
  calls: [] as string[],
  gotLock: true,
  ready: null as null | (() => void),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
}));

vi.mock('electron', () => {
  const log = (name: string) => () => {
    state.calls.push(name);
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), mainFrame: {} };
    constructor() {
      state.calls.push('new BrowserWindow');
    }
    once() {}
    on() {}
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
      on: (name: string, fn: (...args: unknown[]) => void) => state.appListeners.set(name, fn),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      isReady: () => true,
      getLocale: () => 'fr-FR',
      isPackaged: true,
      getVersion: () => '0.1.0',
      getPath: () => '/tmp',
    },
    protocol: { registerSchemesAsPrivileged: log('registerSchemesAsPrivileged'), handle: log('protocol.handle') },
    session: { defaultSession: { setPermissionRequestHandler: log('permissions'), setPermissionCheckHandler: vi.fn(), webRequest: { onBeforeRequest: log('network') } } },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: log('setApplicationMenu') },
    ipcMain: { handle: (channel: string) => state.calls.push(`ipc ${channel}`) },
    dialog: {},
    shell: {},
  };
});

beforeEach(() => {
  vi.resetModules();
  Object.assign(state, { calls: [], gotLock: true, ready: null });
  state.appListeners.clear();
});

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
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
    expect(after.filter((c) => c.startsWith('ipc '))).toHaveLength(4);
    // The window loads only once the protocol and the IPC handlers exist.
    expect(after.indexOf('loadURL app://relais/index.html')).toBeGreaterThan(after.lastIndexOf('ipc relais:print-to-pdf'));
    expect(state.appListeners.has('web-contents-created')).toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    state.gotLock = false;
    await import('./main');
    expect(state.calls).toContain('quit');
    expect(state.appListeners.size).toBe(0);
  });
});
