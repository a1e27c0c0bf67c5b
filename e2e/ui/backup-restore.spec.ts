/**
 * Backups in the browser build (issue 12): a backup downloaded from Settings, with a recovery
 * passphrase, restored on another laptop (an empty profile) gives the same records; that laptop is told
 * it takes a new identity, and chooses the passphrase for its new keys.
 */
import { expect, test } from '@playwright/test';
import { choosePassphrase, KEYS_PASSPHRASE, openApp, startApp } from '../support/app';
import { RECORD_TABLES, tableDigests } from '../support/database';

const RECOVERY = 'tilleul-barque-prairie-lanterne';

test('a backup downloaded here, restored into an empty profile with the recovery passphrase, gives the same records', async ({ page, browser }) => {
  await startApp(page);
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText('Données de démonstration chargées')).toBeVisible();

  const backups = page.getByRole('region', { name: 'Sauvegardes' });
  await backups.getByRole('button', { name: 'Définir la phrase secrète de récupération' }).click();
  await choosePassphrase(backups, 'Phrase secrète de récupération', RECOVERY);
  await backups.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(backups.getByText('Une phrase secrète de récupération est définie')).toBeVisible();

  const download = page.waitForEvent('download');
  await backups.getByRole('button', { name: 'Télécharger une sauvegarde' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.relaisbackup$/);
  const path = await file.path();
  const before = await tableDigests(page, RECORD_TABLES);
  expect(Number(before.villages.split(':')[0])).toBeGreaterThan(0);

  // Another laptop: a fresh profile.
  const other = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 } });
  const page2 = await other.newPage();
  await startApp(page2, { name: 'Bérénice Martin' });
  await openApp(page2, '/settings');
  const section = page2.getByRole('region', { name: 'Sauvegardes' });
  const chooser = page2.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Choisir un fichier de sauvegarde' }).click();
  await (await chooser).setFiles(path);
  const restore = section.getByRole('group', { name: /Restaurer la sauvegarde/ });
  // The wrong passphrase changes nothing and says so.
  await restore.getByLabel(/^Phrase secrète de récupération/).fill('pas la bonne phrase');
  await restore.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  const confirm = page2.getByRole('dialog', { name: 'Remplacer les données de cet ordinateur ?' });
  await expect(confirm).toContainText('nouvelle identité');
  await confirm.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(restore.getByRole('alert')).toHaveText('La phrase secrète ne correspond pas. Rien n’a été modifié.');
  await restore.getByLabel(/^Phrase secrète de récupération/).fill(RECOVERY);
  await restore.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await confirm.getByRole('button', { name: 'Restaurer et remplacer' }).click();

  // The restored laptop has no keys: it makes new ones, protected by a passphrase it chooses.
  await expect(page2.getByRole('heading', { name: 'Protégez les clés de cet ordinateur' })).toBeVisible({ timeout: 20_000 });
  await choosePassphrase(page2, 'Phrase de passe de cet ordinateur', KEYS_PASSPHRASE);
  await page2.getByRole('button', { name: 'Protéger mes clés' }).click();
  await expect(page2.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  expect(await tableDigests(page2, RECORD_TABLES)).toEqual(before);
  await other.close();

  // A new laptop can restore from its first-run screen, before making a profile.
  const fresh = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 } });
  const page3 = await fresh.newPage();
  await openApp(page3);
  await page3.getByRole('button', { name: /^Un nouvel ordinateur.\? Restaurer une sauvegarde$/ }).click();
  const form = page3.getByRole('form', { name: 'Restaurer une sauvegarde' });
  await expect(form).toContainText('nouvelle identité');
  const chooser3 = page3.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Choisir le fichier de sauvegarde' }).click();
  await (await chooser3).setFiles(path);
  await form.getByLabel('Phrase secrète de récupération').fill(RECOVERY);
  await form.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(page3.getByRole('heading', { name: 'Protégez les clés de cet ordinateur' })).toBeVisible({ timeout: 20_000 });
  expect(await tableDigests(page3, RECORD_TABLES)).toEqual(before);
  await fresh.close();
});
