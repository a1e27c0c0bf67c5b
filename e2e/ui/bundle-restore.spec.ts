/**
 * Restore from a full exchange file (issue 12): a notebook exported "Everything" with a passphrase in one
 * browser profile, restored from the first-run screen of a fresh profile, gives the same records (their
 * local change numbers aside); a file of changes only is refused with the sentence that says to import
 * it instead, and a wrong passphrase changes nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { choosePassphrase, KEYS_PASSPHRASE, openApp, openScreen, startApp } from '../support/app';
import { RECORD_TABLES, tableDigests } from '../support/database';
import { exportBundle } from '../support/sync';

const PASSPHRASE = 'le bus de Lormes passe à midi';

async function exportWithPassphrase(page: Page, kind: 'Tout (sauvegarde complète, pour un nouvel ordinateur)' | 'Les changements depuis le dernier export'): Promise<Buffer> {
  await openScreen(page, 'Échanges');
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('radio', { name: 'Avec une phrase de passe' }).check();
  await page.getByLabel('Phrase de passe', { exact: true }).fill(PASSPHRASE);
  await expect(page.getByText('Solide', { exact: true })).toBeVisible();
  return exportBundle(page);
}

test('a full exchange file restored into an empty profile gives the same records', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await startApp(page);
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText('Données de démonstration chargées')).toBeVisible();
  const full = await exportWithPassphrase(page, 'Tout (sauvegarde complète, pour un nouvel ordinateur)');
  const changes = await exportWithPassphrase(page, 'Les changements depuis le dernier export');
  const before = await tableDigests(page, RECORD_TABLES, ['seq']);
  expect(Number(before.activities.split(':')[0])).toBeGreaterThan(0);

  const fresh = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 } });
  const page2 = await fresh.newPage();
  await openApp(page2);
  await page2.getByRole('button', { name: /^Un nouvel ordinateur.\? Restaurer une sauvegarde$/ }).click();
  const form = page2.getByRole('form', { name: 'Restaurer une sauvegarde' });
  await expect(form).toContainText('fichier d’échange complet');
  const choose = async (name: string, bytes: Buffer) => {
    const chooser = page2.waitForEvent('filechooser');
    await form.getByRole('button', { name: /^(Choisir le fichier de sauvegarde ou d’échange|Fichier choisi)/ }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  };
  const empty = await tableDigests(page2, RECORD_TABLES, ['seq']);

  // Changes only: refused, with the way to add them.
  await choose('relais-echange.relais', changes);
  await form.getByLabel(/^Phrase secrète de récupération/).fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(form.getByRole('alert')).toHaveText(/ne contient que les changements depuis un export.*utilisez Importer, dans l’écran Échanges/, { timeout: 30_000 });
  // The full file with a wrong passphrase: refused, nothing changed.
  await choose('relais-sauvegarde.relais', full);
  await form.getByLabel(/^Phrase secrète de récupération/).fill('pas la bonne phrase du tout');
  await form.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(form.getByRole('alert')).toHaveText('La phrase secrète ne correspond pas. Rien n’a été modifié.', { timeout: 30_000 });
  expect(await tableDigests(page2, RECORD_TABLES, ['seq'])).toEqual(empty);

  await form.getByLabel(/^Phrase secrète de récupération/).fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  // The profile comes from the file's card; the new laptop makes new keys, protected by its passphrase.
  await expect(page2.getByRole('heading', { name: 'Protégez les clés de cet ordinateur' })).toBeVisible({ timeout: 30_000 });
  await choosePassphrase(page2, 'Phrase de passe de cet ordinateur', KEYS_PASSPHRASE);
  await page2.getByRole('button', { name: 'Protéger mes clés' }).click();
  await expect(page2.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  expect(await tableDigests(page2, RECORD_TABLES, ['seq'])).toEqual(before);
  await fresh.close();
});
