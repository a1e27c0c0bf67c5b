/**
 * Launching the real desktop shell for the Electron e2e project.
 *
 * Electron's binary cannot be downloaded on our build machines (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so
 * these tests skip, visibly, where it is absent. Needs `npm run build` first; on Linux without a
 * display run under xvfb-run.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
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

export const binary = electronBinary();
export const mainScript = resolve('dist/electron/main/main.cjs');

const SKIP_REASON =
  'Electron binary not downloaded on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1): run npm install without it to run these tests';

/** Call at the top of each Electron spec: skips it, and says so (the list reporter hides skip reasons). */
export function skipWithoutElectron(spec: string): void {
  if (binary === null) console.warn(`[electron e2e] ${spec} skipped: ${SKIP_REASON}`);
  test.skip(binary === null, SKIP_REASON);
}

/** Chromium refuses to run as root with its OS sandbox (CI runs as root); the renderer's own sandbox stays on. */
const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

export interface RunningApp {
  app: ElectronApplication;
  page: Page;
  userData: string;
  close(): Promise<void>;
}

/** Start Relais on a fresh, temporary notebook (never a real one), optionally with files to open. */
export async function launchRelais(options: { files?: string[]; userData?: string } = {}): Promise<RunningApp> {
  if (!existsSync(mainScript) || !existsSync(resolve('dist/renderer/index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the Electron tests.');
  }
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'relais-e2e-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [...sandboxArgs, mainScript, ...(options.files ?? [])],
    env: { ...process.env, RELAIS_USER_DATA_DIR: userData },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    userData,
    close: async () => {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/**
 * Launch Relais a second time on the same notebook, as a double-click in the file manager does while it
 * runs: the new process cannot take the single-instance lock, hands its arguments to the running one
 * and exits. Resolves with its exit code.
 */
export function launchSecondInstance(userData: string, files: string[]): Promise<number | null> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(binary!, [...sandboxArgs, mainScript, ...files], {
      env: { ...process.env, RELAIS_USER_DATA_DIR: userData },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the second instance did not exit: it should have handed over to the first'));
    }, 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

/** The first-run form, as a mediator fills it (the Electron page cannot be opened with page.goto). */
export async function completeFirstRun(page: Page, name = 'Aïcha Benali'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
  await page.getByLabel('Votre nom affiché').fill(name);
  await page.getByRole('radio', { name: 'Médiateur·rice' }).check();
  await page.getByLabel('Votre structure').fill('Médiathèque de Lormes');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
}

/**
 * Replace shell.openExternal and dialog.showMessageBox in the main process by recorders, so a test can
 * see what the app would have opened or asked without a real browser or a real dialog.
 */
export async function recordShellDoors(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ dialog, shell }) => {
    const record = globalThis as unknown as { opened: string[]; asked: unknown[] };
    record.opened = [];
    record.asked = [];
    shell.openExternal = async (url: string) => {
      record.opened.push(url);
    };
    dialog.showMessageBox = (async (...args: unknown[]) => {
      record.asked.push(args.at(-1));
      return { response: 1, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  });
}

export async function recordedDoors(app: ElectronApplication): Promise<{ opened: string[]; asked: Array<{ message?: string; detail?: string }> }> {
  return app.evaluate(() => {
    const record = globalThis as unknown as { opened: string[]; asked: Array<{ message?: string; detail?: string }> };
    return { opened: record.opened, asked: record.asked };
  });
}
