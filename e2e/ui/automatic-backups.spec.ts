/**
 * Automatic backups on the desktop path, in Chromium with the stand-in shell (e2e/support/desktopShell.ts;
 * the real folder, atomic writes and rotation are tested in Node, electron/main/backups.test.ts): a
 * change then a quit hands main an encrypted backup; Settings lists it; restoring it from the list on
 * this laptop (its own key, no passphrase) brings back what was there when it was made.
 */
import { expect, test } from '@playwright/test';
import { navLink, openApp, startApp } from '../support/app';
import { useFakeDesktopShell } from '../support/desktopShell';
import { RECORD_TABLES, tableDigests } from '../support/database';

test('a quit after a change leaves a backup, listed in Settings, that restores this laptop as it was', async ({ page }) => {
  await useFakeDesktopShell(page);
  await startApp(page);
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText('Données de démonstration chargées')).toBeVisible();
  const withDemo = await tableDigests(page, RECORD_TABLES);

  const quit = () => page.evaluate(() => (window as unknown as { fakeShell: { quit(): Promise<void> } }).fakeShell.quit());
  const count = () => page.evaluate(() => (window as unknown as { fakeShell: { backupCount(): number } }).fakeShell.backupCount());
  const before = await count(); // the start-up check may already have saved one
  await quit();
  expect(await count()).toBe(before + 1);
  await quit(); // nothing changed since: no new backup
  expect(await count()).toBe(before + 1);

  // Change something after the backup, then restore: the change is gone, the demo is back as it was.
  await page.getByRole('button', { name: 'Retirer les données de démonstration' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retirer les données de démonstration' }).click();
  await expect(page.getByText(/éléments? de démonstration retirés?/)).toBeVisible();
  expect(await tableDigests(page, RECORD_TABLES)).not.toEqual(withDemo);
  // Back to Settings (the stand-in shell keeps its backups in the page: no reload), which lists them again.
  await navLink(page, 'Accueil').click();
  await navLink(page, 'Paramètres').click();
  const backups = page.getByRole('region', { name: 'Sauvegardes' });
  const list = backups.getByRole('table', { name: 'Sauvegardes automatiques' });
  await expect(list.getByRole('row')).toHaveCount(before + 2); // the header and each backup
  await list.getByRole('button', { name: 'Restaurer' }).first().click();
  await backups.getByRole('group', { name: /Restaurer la sauvegarde/ }).getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await page.getByRole('dialog', { name: 'Remplacer les données de cet ordinateur ?'.replace(' ?', '\u00a0?') }).getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible({ timeout: 20_000 });
  // The restore reloads the page when it is done: a read caught by that reload is simply tried again.
  await expect.poll(() => tableDigests(page, RECORD_TABLES).catch(() => 'reloading')).toEqual(withDemo);
});
