import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface CreatedWindow {
  options: Record<string, unknown>;
  loaded: string[];
  webContents: FakeContents;
}

type FakeContents = EventEmitter & {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void;
};

/** A stand-in for WebContents: an emitter that records its window-open handler. */
function makeContents(): FakeContents {
  const contents = new EventEmitter() as FakeContents;
  contents.setWindowOpenHandler = (fn) => {
    contents.openHandler = fn;
  };
  return contents;
}

const electron = vi.hoisted(() => ({
  windows: [] as CreatedWindow[],
  shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

vi.mock('electron', () => ({
  ...electron,
  BrowserWindow: class {
    webContents = makeContents();
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      electron.windows.push(this);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { blockNetwork, createMainWindow, denyAllPermissions, hardenWebContents, isLocalRequest, openExternalIfSafe } = await import('./window');

function fakeContents(): FakeContents {
  const contents = makeContents();
  hardenWebContents(contents as never);
  return contents;
}

/** Emit a navigation-like event and tell whether the shell prevented it. */
function isPrevented(contents: FakeContents, eventName: string, url: string): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('navigation', () => {
  it.each([
    'https://example.org/',
    'http://example.org/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
  ])('blocks navigation and redirects to %s', (url) => {
    const contents = fakeContents();
    expect(isPrevented(contents, 'will-navigate', url)).toBe(true);
    expect(isPrevented(contents, 'will-redirect', url)).toBe(true);
  });

  it('lets the app move within app://relais', () => {
    const contents = fakeContents();
    expect(isPrevented(contents, 'will-navigate', 'app://relais/index.html')).toBe(false);
    expect(isPrevented(contents, 'will-navigate', 'app://relais/index.html#/villages')).toBe(false);
  });

  it('refuses to attach any <webview>', () => {
    const event = { preventDefault: vi.fn() };
    fakeContents().emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens each web contents once only', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('new windows', () => {
  it.each(['https://example.org/', 'app://relais/index.html', 'http://example.org', 'file:///etc/passwd'])(
    'denies window.open(%s)',
    (url) => {
      expect(fakeContents().openHandler?.({ url })).toEqual({ action: 'deny' });
    },
  );

  it('hands https links, and only those, to the system browser', () => {
    const contents = fakeContents();
    contents.openHandler?.({ url: 'https://lesbonsclics.fr/' });
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'smb://server/share', 'javascript:1', 'app://relais/']) {
      contents.openHandler?.({ url });
    }
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://lesbonsclics.fr/');
  });

  it('openExternalIfSafe refuses garbage', () => {
    expect(openExternalIfSafe('not a url')).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check?.({}, permission, 'app://relais', {})).toBe(false);
    }
  });
});

describe('network', () => {
  it('cancels every request that would leave the machine, and lets the app load its own files', () => {
    let listener: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    blockNetwork({ webRequest: { onBeforeRequest: (fn: typeof listener) => (listener = fn) } } as never);
    const verdict = (url: string) => {
      const callback = vi.fn();
      listener?.({ url }, callback);
      return callback.mock.calls[0][0].cancel as boolean;
    };
    expect(verdict('app://relais/index.html')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    expect(verdict('blob:app://relais/1234')).toBe(false);
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'wss://x.org', 'ftp://x.org/f', 'file:///etc/passwd', 'not a url']) {
      expect(verdict(url)).toBe(true);
    }
    expect(isLocalRequest('APP://relais/x')).toBe(true);
  });
});

describe('createMainWindow', () => {
  it('opens app://relais with an isolated, sandboxed renderer', () => {
    createMainWindow({ preloadPath: '/app/dist/electron/preload/preload.cjs' });
    const created = electron.windows.at(-1)!;
    expect(created.loaded).toEqual(['app://relais/index.html']);
    expect(created.options).toMatchObject({ title: 'Relais', minWidth: 1024, minHeight: 640 });
    expect(created.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('hardens its own web contents', () => {
    createMainWindow({ preloadPath: '/p.cjs' });
    const contents = electron.windows.at(-1)!.webContents;
    expect(isPrevented(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});
