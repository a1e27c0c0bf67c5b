/**
 * The real desktop shell: security promises checked in a running Electron.
 *
 * Electron's binary cannot be downloaded on our build machines (ELECTRON_SKIP_BINARY_DOWNLOAD=1),
 * so these tests skip, visibly, where it is absent. Needs `npm run build` first; on Linux without a
 * display run under xvfb-run.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `require('electron')` from Node gives the binary's path, or throws when it was never fetched. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasBinary = binary !== null;
const mainScript = resolve('dist/electron/main/main.cjs');

const SKIP_REASON =
  'Electron binary not downloaded on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1): run npm install without it to run these tests';
if (!hasBinary) console.warn(`[electron e2e] skipped: ${SKIP_REASON}`); // the list reporter hides skip reasons
test.skip(!hasBinary, SKIP_REASON);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!existsSync(mainScript) || !existsSync(resolve('dist/renderer/index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the Electron tests.');
  }
  userData = mkdtempSync(join(tmpdir(), 'relais-e2e-')); // never touch a real notebook
  app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses to run as root with its OS sandbox (CI runs as root); the renderer's
    // JavaScript sandbox and context isolation, which these tests check, stay on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainScript],
    env: { ...process.env, RELAIS_USER_DATA_DIR: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('the window opens on app://relais with the title Relais', async () => {
  expect(page.url()).toMatch(/^app:\/\/relais\/index\.html/);
  await expect(page).toHaveTitle(/Relais/);
  const windowTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(windowTitle).toMatch(/Relais/);
});

test('the page sees window.relais and nothing of Node', async () => {
  const globals = await page.evaluate(() => ({
    relais: typeof window.relais,
    shell: window.relais?.shell,
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    ipc: typeof (window as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(globals).toEqual({ relais: 'object', shell: 'electron', require: 'undefined', process: 'undefined', ipc: 'undefined' });
});

test('getAppInfo reports the Electron shell and the data folder, as text no call takes back', async () => {
  const info = await page.evaluate(() => window.relais!.getAppInfo());
  expect(info.shell).toBe('electron');
  expect(info.dataFolderForDisplay).toBe(userData);
  const answers = await page.evaluate(async (folder) => {
    const api = window.relais!;
    const attempt = (run: () => Promise<unknown>) => run().then(() => 'accepted', (e: Error) => e.message);
    return Promise.all([
      attempt(() => api.saveFile({ suggestedName: folder, kind: 'json', bytes: new Uint8Array([1]) })),
      attempt(() => api.openFiles({ kind: 'bundle', multiple: false, path: folder } as never)),
      attempt(() => api.printToPdf({ suggestedName: `${folder}/x.pdf` })),
    ]);
  }, info.dataFolderForDisplay!);
  for (const answer of answers) expect(answer).toContain('RELAIS_INVALID_ARGUMENT');
});

test('the bridge refuses a path where a file name is expected', async () => {
  const error = await page.evaluate(() =>
    window.relais!
      .saveFile({ suggestedName: '/etc/passwd', kind: 'json', bytes: new Uint8Array([1]) })
      .then(() => 'saved', (e: Error) => e.message),
  );
  expect(error).toContain('RELAIS_INVALID_ARGUMENT');
});

test('every response carries the exact Content-Security-Policy', async () => {
  const csp = await page.evaluate(async () => (await fetch('app://relais/index.html')).headers.get('content-security-policy'));
  expect(csp).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
      "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
});

test('navigation to another site is blocked', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.waitForTimeout(500); // a navigation that were allowed would have started by now
  expect(page.url()).toMatch(/^app:\/\/relais\//);
});

test('window.open returns null and opens no window', async () => {
  const opened = await page.evaluate(() => window.open('https://example.org/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});
