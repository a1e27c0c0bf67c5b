import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_ERRORS, IPC_CHANNELS, VALIDATORS } from '../shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { handle, isTrustedSender, setTrustedWindow } = await import('./ipc');

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameTreeNodeId: number;
}

let nextId = 1;

function fakeWindow(url = 'app://relais/index.html') {
  const mainFrame: FakeFrame = { url, parent: null, frameTreeNodeId: nextId++ };
  return { isDestroyed: () => false, webContents: { id: nextId++, mainFrame } };
}

type FakeWindow = ReturnType<typeof fakeWindow>;

function eventFrom(window: FakeWindow, frame: FakeFrame | null = window.webContents.mainFrame) {
  return { sender: window.webContents, senderFrame: frame };
}

const bytes = new Uint8Array([1]);
const saveRequest = { suggestedName: 'a.json', kind: 'json', bytes };

/** Register a handler through the choke point and return the listener Electron would call. */
function register(fn = vi.fn(async (_arg: unknown, _context: unknown) => ({ saved: true }))): { listener: Listener; fn: typeof fn } {
  electron.ipcMain.handle.mockClear();
  handle('saveFile', VALIDATORS.saveFile, fn);
  const [channel, listener] = electron.ipcMain.handle.mock.calls[0];
  expect(channel).toBe(IPC_CHANNELS.saveFile);
  return { listener, fn };
}

let window: FakeWindow;

beforeEach(() => {
  window = fakeWindow();
  setTrustedWindow(window as never);
});

describe('isTrustedSender', () => {
  it('trusts the top frame of our window on app://relais', () => {
    expect(isTrustedSender(eventFrom(window) as never, window as never)).toBe(true);
  });

  it.each([
    ['another https origin', 'https://evil.example/index.html'],
    ['file://', 'file:///home/marie/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a lookalike host', 'app://relais.evil/index.html'],
    ['http', 'http://relais/index.html'],
    ['about:blank', 'about:blank'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
  ])('refuses a top frame showing %s', (_label, url) => {
    const other = fakeWindow(url);
    expect(isTrustedSender(eventFrom(other) as never, other as never)).toBe(false);
  });

  it('trusts another wrapper object of the same top frame (Electron may create several)', () => {
    const copy = { ...window.webContents.mainFrame };
    const sender = { ...window.webContents };
    expect(isTrustedSender({ sender, senderFrame: copy } as never, window as never)).toBe(true);
  });

  it('refuses a sub-frame, even one on our origin', () => {
    const child: FakeFrame = { url: 'app://relais/frame.html', parent: window.webContents.mainFrame, frameTreeNodeId: 999 };
    expect(isTrustedSender(eventFrom(window, child) as never, window as never)).toBe(false);
  });

  it('refuses a frame that is not our main frame even if it claims to be a top frame', () => {
    const stray: FakeFrame = { url: 'app://relais/index.html', parent: null, frameTreeNodeId: 998 };
    expect(isTrustedSender(eventFrom(window, stray) as never, window as never)).toBe(false);
  });

  it('refuses another window, a vanished frame, no window and a destroyed window', () => {
    const other = fakeWindow();
    expect(isTrustedSender(eventFrom(other) as never, window as never)).toBe(false);
    expect(isTrustedSender(eventFrom(window, null) as never, window as never)).toBe(false);
    expect(isTrustedSender(eventFrom(window) as never, null)).toBe(false);
    const destroyed = { ...window, isDestroyed: () => true };
    expect(isTrustedSender(eventFrom(window) as never, destroyed as never)).toBe(false);
  });
});

describe('handle (the choke point)', () => {
  it('calls the handler with the validated argument for our top frame', async () => {
    const { listener, fn } = register();
    await expect(listener(eventFrom(window), saveRequest)).resolves.toEqual({ saved: true });
    expect(fn).toHaveBeenCalledOnce();
    expect(fn.mock.calls[0][0]).toEqual(saveRequest);
    expect(fn.mock.calls[0][1]).toMatchObject({ window });
  });

  it.each([
    ['another origin', () => eventFrom(fakeWindow('https://evil.example/'))],
    ['a sub-frame', () => eventFrom(window, { url: 'app://relais/x', parent: window.webContents.mainFrame, frameTreeNodeId: 997 })],
    ['file://', () => eventFrom(window, { ...window.webContents.mainFrame, url: 'file:///index.html' })],
  ])('rejects %s before validating or calling the handler', async (_label, makeEvent) => {
    const { listener, fn } = register();
    await expect(listener(makeEvent(), saveRequest)).rejects.toThrow(BRIDGE_ERRORS.untrustedSender);
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects everyone once the trusted window is gone', async () => {
    const { listener, fn } = register();
    setTrustedWindow(null);
    await expect(listener(eventFrom(window), saveRequest)).rejects.toThrow(BRIDGE_ERRORS.untrustedSender);
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    ['a path instead of a name', { ...saveRequest, suggestedName: '/etc/passwd' }],
    ['wrong types', { suggestedName: 1, kind: 2, bytes: 3 }],
    ['an oversize name', { ...saveRequest, suggestedName: `${'n'.repeat(300)}.json` }],
    ['non-Uint8Array bytes', { ...saveRequest, bytes: [1, 2, 3] }],
    ['an extra path field', { ...saveRequest, path: '/tmp/x' }],
  ])('rejects %s without calling the handler', async (_label, argument) => {
    const { listener, fn } = register();
    await expect(listener(eventFrom(window), argument)).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    expect(fn).not.toHaveBeenCalled();
  });
});
