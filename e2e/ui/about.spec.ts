/**
 * "About and diagnostics" in Settings, in the browser build: the text says what it is (and that there is
 * no log in a browser), follows the interface language, and "Copy" puts exactly that text on the clipboard.
 */
import { expect, test } from '@playwright/test';
import { openApp, startApp } from '../support/app';

test('a mediator copies the diagnostics to send them to whoever helps her', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await startApp(page);
  await openApp(page, '/settings');
  const about = page.getByRole('region', { name: 'À propos et diagnostic' });
  await expect(about).toContainText('Il ne contient ni données des personnes accompagnées ni clé');

  await about.getByText('Voir le diagnostic').click();
  const text = about.getByLabel('Texte du diagnostic');
  await expect(text).toContainText('Diagnostic de Relais (navigateur)');
  await expect(text).toContainText(`Données\u00a0: dans le stockage de ce navigateur, pour ${baseURL}`);
  await expect(text).toContainText('Pas de journal dans le navigateur');

  await about.getByRole('button', { name: 'Copier le diagnostic' }).click();
  await expect(page.getByText('Diagnostic copié dans le presse-papiers.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await text.textContent());

  // In English, the same section and text in English.
  await page.getByRole('button', { name: 'English' }).first().click();
  const aboutEn = page.getByRole('region', { name: 'About and diagnostics' });
  await expect(aboutEn.getByLabel('Diagnostics text')).toContainText('Relais diagnostics (browser)');
});
