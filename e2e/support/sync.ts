/**
 * What a person does on the exchange screen, for the sync specs: export and enrol cards (comparing
 * fingerprints as two people would, one reading hers out from Settings), open a file in the import
 * panel, export a bundle.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { openScreen } from './app';

export async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Choose a file with the button that opens the file picker. */
export async function chooseFile(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** This laptop's card, as its owner exports it from the exchange screen. */
export async function exportMyCard(page: Page): Promise<Buffer> {
  await openScreen(page, 'Échanges');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter ma carte' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^carte-[a-z0-9]+(?:-[a-z0-9]+)*\.relaiscard$/);
  return bytesOf(download);
}

/** The fingerprint a person reads out: the one Settings shows for this laptop. */
export async function myFingerprint(page: Page): Promise<string> {
  await openScreen(page, 'Paramètres');
  const print = page.getByRole('region', { name: 'Cet ordinateur' }).locator('.fingerprint');
  await expect(print).toHaveText(/^(\d{5}){8}$/);
  return (await print.locator('.fingerprint-group').allTextContents()).join(' ');
}

/** The fingerprint shown in a dialog or a preview, as groups separated by spaces. */
export async function fingerprintIn(scope: Locator): Promise<string> {
  return (await scope.locator('.fingerprint').first().locator('.fingerprint-group').allTextContents()).join(' ');
}

/**
 * Enrol a card after comparing, in the dialog, the fingerprint with the one `owner` reads from her
 * Settings: the test fails if they differ (a person would then refuse).
 */
export async function enrolCard(page: Page, card: Buffer, name: string, owner: Page): Promise<void> {
  const expected = await myFingerprint(owner);
  await openScreen(page, 'Échanges');
  await chooseFile(page, 'Importer une carte', 'carte.relaiscard', card);
  const dialog = page.getByRole('dialog', { name: `Inscrire ${name}\u202f?` });
  await expect(dialog).toBeVisible();
  expect(await fingerprintIn(dialog)).toBe(expected);
  await dialog.getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
  await expect(page.getByRole('list', { name: 'Appareils inscrits' }).getByText(name)).toBeVisible();
}

/** Export a bundle with the options chosen on the screen; returns its bytes. */
export async function exportBundle(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le fichier' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.relais$/);
  return bytesOf(download);
}

/** Open a bundle in the import panel; returns its preview. */
export async function openBundleFile(page: Page, name: string, bytes: Buffer): Promise<Locator> {
  await openScreen(page, 'Échanges');
  await chooseFile(page, 'Ouvrir des fichiers d’échange', name, bytes);
  return page.getByRole('article', { name });
}
