/**
 * The real desktop shell: security promises checked in a running Electron (skipped, visibly, where the
 * Electron binary is absent: see e2e/support/electron.ts). Needs `npm run build` first.
 */
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchRelais, recordedDoors, recordShellDoors, skipWithoutElectron, type RunningApp } from '../support/electron';

skipWithoutElectron('shell.spec.ts');

let running: RunningApp;
let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  running = await launchRelais();
  ({ app, page, userData } = running);
});

test.afterAll(async () => {
  await running?.close();
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

test('window.open and target=_blank links hand nothing to the system browser, and ask nothing', async () => {
  await recordShellDoors(app);
  await page.evaluate(() => {
    window.open('https://example.org/');
    const link = document.createElement('a');
    link.id = 'external-link';
    link.href = 'https://lesbonsclics.fr/';
    link.target = '_blank';
    link.textContent = 'lien';
    document.body.append(link);
  });
  await page.locator('#external-link').click({ noWaitAfter: true });
  await page.waitForTimeout(500); // a handed-over link would have been recorded by now
  expect(await recordedDoors(app)).toEqual({ opened: [], asked: [] });
  expect(app.windows()).toHaveLength(1);
  await page.evaluate(() => document.getElementById('external-link')?.remove());
});

test('app:// does not follow a symbolic link out of the renderer folder', async () => {
  const secret = join(tmpdir(), `relais-secret-${process.pid}.txt`);
  const link = resolve('dist/renderer', `lien-e2e-${process.pid}.txt`);
  writeFileSync(secret, 'secret outside the app');
  symlinkSync(secret, link);
  try {
    const answer = await page.evaluate(async (name) => {
      const response = await fetch(`app://relais/${name}`);
      return { status: response.status, body: await response.text() };
    }, `lien-e2e-${process.pid}.txt`);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('secret');
  } finally {
    rmSync(link, { force: true });
    rmSync(secret, { force: true });
  }
});

test('the shell keeps a log in the data folder, with events and no personal data', async () => {
  const log = join(userData, 'logs', 'relais.log');
  expect(existsSync(log)).toBe(true);
  const text = readFileSync(log, 'utf8');
  expect(text).toMatch(/^\S+ app-started version=\d+\.\d+\.\d+/);
  expect(text).toContain(' window-opened');
  // The refused save above is a line with its code, never the name it was given.
  expect(text).toMatch(/ call-failed call=saveFile code=RELAIS_INVALID_ARGUMENT/);
  expect(text).not.toContain('/etc/passwd');
  expect(text).not.toContain(userData);
});

test('diagnostics give the versions and the last log lines, and Copy puts that text on the clipboard', async () => {
  const text = await page.evaluate(() => window.relais!.getDiagnostics({ language: 'fr' }));
  const versions = await app.evaluate(() => process.versions);
  expect(text).toContain(`Electron\u00a0: ${versions.electron}`);
  expect(text).toContain(`Dossier des données\u00a0: ${userData}`);
  expect(text).toMatch(/Dernières lignes du journal \(\d+\)\n.* app-started /);
  await page.evaluate(() => window.relais!.copyDiagnostics({ language: 'en' }));
  const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
  expect(copied).toMatch(/^Relais diagnostics\nVersion: /);
  expect(copied).toContain(`Electron: ${versions.electron}`);
});
