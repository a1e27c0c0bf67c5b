/**
 * Double-clicking an exchange file or a card in the file manager opens it in Relais: on a first launch
 * (the file is an argument) and while Relais runs (a second launch hands its arguments to the running
 * window and exits). The page gets the file's name and bytes, never its path, and shows bundles in the
 * import preview and cards in the cards list. Skipped, visibly, where the Electron binary is absent.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeFirstRun, launchRelais, launchSecondInstance, recordedDoors, recordShellDoors, skipWithoutElectron, type RunningApp } from '../support/electron';

skipWithoutElectron('open-files.spec.ts');

let folder: string;
let running: RunningApp | undefined;

test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'relais-open-e2e-'));
});

test.afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** Not a bundle: the import preview's own answer proves the file went through it. */
function strangeFile(name: string): string {
  const path = join(folder, name);
  writeFileSync(path, 'these bytes are not an exchange file');
  return path;
}

test('a file given to the first launch opens in the import preview once the first run is done', async () => {
  running = await launchRelais({ files: [strangeFile('echange-du-lundi.relais')] });
  const { page } = running;
  await completeFirstRun(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Échanges' })).toBeVisible();
  const item = page.getByRole('article', { name: 'echange-du-lundi.relais' });
  await expect(item.getByRole('alert')).toHaveText('Ce fichier n’est pas un fichier d’échange Relais.');
  // The page never saw where the file was.
  expect(await page.content()).not.toContain(folder);
});

test('a second launch with a bundle hands it to the running window, which shows its preview', async () => {
  running = await launchRelais();
  const { page, userData } = running;
  await completeFirstRun(page);
  expect(await launchSecondInstance(userData, [strangeFile('depuis-le-bureau.relais')])).toBe(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Échanges' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'depuis-le-bureau.relais' }).getByRole('alert'))
    .toHaveText('Ce fichier n’est pas un fichier d’échange Relais.');
  expect(running.app.windows()).toHaveLength(1);
});

test('a card opened from the file manager lands in the cards list', async () => {
  running = await launchRelais();
  const { app, page, userData } = running;
  await completeFirstRun(page, 'Bérénice Martin');
  // Export this notebook's own card to a file, choosing the path in place of the save dialog.
  const cardPath = join(folder, 'carte-berenice.relaiscard');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, cardPath);
  await page.getByRole('link', { name: 'Échanges' }).click();
  await page.getByRole('button', { name: 'Exporter ma carte' }).click();
  await expect(page.getByText('Votre carte a été exportée.')).toBeVisible();
  await page.getByRole('link', { name: 'Accueil' }).click();

  expect(await launchSecondInstance(userData, [cardPath])).toBe(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Échanges' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Inscrire Bérénice Martin\u202f?' })
    .getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
  await expect(page.getByRole('list', { name: 'Appareils inscrits' }).getByText('Bérénice Martin')).toBeVisible();
});

test('a file over the size limit is refused by name in a native dialog, and never reaches the page', async () => {
  running = await launchRelais();
  const { app, page, userData } = running;
  await completeFirstRun(page);
  await recordShellDoors(app);
  const huge = join(folder, 'enorme.relais');
  writeFileSync(huge, '');
  truncateSync(huge, 512 * 1024 * 1024 + 1); // sparse: refused on its size, never read
  expect(await launchSecondInstance(userData, [huge])).toBe(0);
  await expect.poll(async () => (await recordedDoors(app)).asked.length).toBe(1);
  const [asked] = (await recordedDoors(app)).asked;
  // In the system's language (French, or English on an English system).
  expect(asked.detail).toMatch(/^(«\u00a0enorme\.relais\u00a0»\u00a0: trop volumineux \(plus de 512\u00a0Mo\)|“enorme\.relais”: too large \(over 512 MB\))\.$/);
  await expect(page.getByRole('article', { name: 'enorme.relais' })).toHaveCount(0);
});

test('a chosen folder is named to the page, not sent: each file is read when the import comes to it, one rewritten since is refused', async () => {
  for (let i = 0; i < 3; i++) strangeFile(`mediateur-${i + 1}.relais`);
  running = await launchRelais();
  const { app, page } = running;
  await completeFirstRun(page);
  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
  }, folder);
  // What the folder call hands over: names, sizes and tokens, no bytes.
  const chosen = await page.evaluate(() => window.relais!.openFolder({ kind: 'bundle' }));
  expect(chosen.map((file) => [file.name, file.size])).toEqual([['mediateur-1.relais', 36], ['mediateur-2.relais', 36], ['mediateur-3.relais', 36]]);
  expect(Object.keys(chosen[0]).sort()).toEqual(['name', 'size', 'token']);
  const text = await page.evaluate(async (token) => new TextDecoder().decode(await window.relais!.readChosenFile({ token })), chosen[0].token);
  expect(text).toBe('these bytes are not an exchange file');
  writeFileSync(join(folder, 'mediateur-2.relais'), 'rewritten by a sync tool meanwhile');
  const refused = await page.evaluate(async (token) => window.relais!.readChosenFile({ token }).then(() => 'read', (error: Error) => error.message), chosen[1].token);
  expect(refused).toContain('RELAIS_CHOSEN_FILE_CHANGED');
  expect(await page.content()).not.toContain(folder);
});
