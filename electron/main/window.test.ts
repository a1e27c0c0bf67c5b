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
  dialog: { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false })) },
  app: { getLocale: () => 'fr-FR' },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

/** The app's help pages in these tests (the shipped list is empty until a help site exists). */
const HELP_PAGE = 'https://aide.relais.example/guide/echanges';
vi.mock('../shared/help', () => ({ HELP_URLS: ['https://aide.relais.example/guide/echanges'] }));

vi.mock('electron', () => ({
  ...electron,
  BrowserWindow: class {
    static fromWebContents = () => null;
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

const { blockNetwork, createMainWindow, denyAllPermissions, hardenWebContents, isLocalRequest } = await import('./window');
const { allowedHelpUrl, offerHelpLink } = await import('./externalLinks');

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
  electron.dialog.showMessageBox.mockReset();
  electron.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false }); // "Annuler"
});

/** Let the window-open handler's confirmation (a promise) run to its end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

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

  it('hands no arbitrary https link to the system browser, and asks nothing', async () => {
    const contents = fakeContents();
    for (const url of ['https://lesbonsclics.fr/', 'https://example.org/', 'http://example.org/', 'file:///etc/passwd', 'smb://server/share', 'javascript:1', 'app://relais/', 'not a url']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await settle();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a help page only after the person confirms it, in French, with Cancel as the default', async () => {
    electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false }); // "Ouvrir dans le navigateur"
    expect(fakeContents().openHandler?.({ url: HELP_PAGE })).toEqual({ action: 'deny' });
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledWith(HELP_PAGE);
    const options = electron.dialog.showMessageBox.mock.calls[0][0] as Record<string, unknown>;
    expect(options).toMatchObject({ buttons: ['Ouvrir dans le navigateur', 'Annuler'], defaultId: 1, cancelId: 1 });
    expect(options.detail).toContain(HELP_PAGE);
  });

  it('opens nothing when the person cancels the confirmation', async () => {
    fakeContents().openHandler?.({ url: HELP_PAGE });
    await settle();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('asks once at a time: a page spamming window.open gets one dialog', async () => {
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    electron.dialog.showMessageBox.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const contents = fakeContents();
    for (let i = 0; i < 5; i++) contents.openHandler?.({ url: HELP_PAGE });
    await settle();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    answer({ response: 0, checkboxChecked: false });
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledOnce();
  });
});

describe('allowedHelpUrl and offerHelpLink', () => {
  const allowList = [HELP_PAGE];

  it.each([
    ['the page itself', HELP_PAGE, HELP_PAGE],
    ['the same page with a default port and an upper-case host', 'https://AIDE.relais.example:443/guide/echanges', HELP_PAGE],
  ])('accepts %s', (_label, url, canonical) => {
    expect(allowedHelpUrl(url, allowList)).toBe(canonical);
  });

  it.each([
    ['another page of the help site', 'https://aide.relais.example/guide/autre'],
    ['the page with a query', `${HELP_PAGE}?next=https://evil.example`],
    ['the page with credentials', 'https://aide.relais.example@evil.example/guide/echanges'],
    ['a lookalike host', 'https://aide.relais.example.evil.example/guide/echanges'],
    ['http', 'http://aide.relais.example/guide/echanges'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(allowedHelpUrl(url, allowList)).toBeNull();
  });

  it('says what happened, and opens only the canonical address', async () => {
    const open = vi.fn(async (_url: string) => undefined);
    const door = (answer: boolean) => ({ allowList, confirm: async () => answer, openExternal: open });
    await expect(offerHelpLink('https://example.org/', door(true))).resolves.toBe('refused');
    await expect(offerHelpLink(HELP_PAGE, door(false))).resolves.toBe('declined');
    await expect(offerHelpLink(HELP_PAGE, door(true))).resolves.toBe('opened');
    expect(open.mock.calls).toEqual([[HELP_PAGE]]);
  });

  it('ships with no help page: until a help site exists, no link leaves the app', async () => {
    const shipped = await vi.importActual<typeof import('../shared/help')>('../shared/help');
    expect(shipped.HELP_URLS).toEqual([]);
    expect(allowedHelpUrl(HELP_PAGE, shipped.HELP_URLS)).toBeNull();
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
