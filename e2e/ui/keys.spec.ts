/**
 * This laptop's keys in a browser (no OS keychain): sealed by the passphrase chosen at first run, asked
 * for once per session, and renewed — records kept, a new device id — when the passphrase is forgotten.
 * Passphrases for bundles are judged: keyboard walks and name + year are refused, four random words
 * suggested.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { choosePassphrase, openScreen, startApp, unlockKeys } from '../support/app';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

async function deviceId(page: Page): Promise<string> {
  await nav(page, 'Paramètres').click();
  const code = page.locator('.settings-code').first();
  await expect(code).toHaveText(/^[0-9a-f]{32}$/); // a device id is its key's hash: 32 hex digits
  return (await code.textContent()) ?? '';
}

test('the passphrase is asked once per session; forgotten, new keys are made and every record stays', async ({ page }) => {
  test.setTimeout(120_000);
  await startApp(page);
  await nav(page, 'Paramètres').click();
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  const demo = page.getByText(/\d+ éléments de démonstration présents/);
  await expect(demo).toBeVisible();
  const records = await demo.textContent();
  const section = page.getByRole('region', { name: 'Clés de cet ordinateur' });
  await expect(section).toContainText('protégées par votre phrase de passe');
  await expect(section.getByRole('status')).toHaveText('Déverrouillées jusqu’à la fermeture de Relais.');
  const before = await deviceId(page);

  // Relais opened again: the keys are locked until they are needed, then asked for once.
  await page.reload();
  await openScreen(page, 'Échanges');
  await page.getByRole('button', { name: 'Exporter ma carte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Déverrouiller les clés de cet ordinateur' });
  await dialog.getByLabel('Phrase de passe de cet ordinateur').fill('pas-la-bonne');
  await dialog.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Phrase de passe incorrecte.');

  // Forgotten: the dialog explains, and new keys are made under a new passphrase.
  await dialog.getByRole('button', { name: 'Phrase de passe oubliée ?' }).click();
  const renew = page.getByRole('dialog', { name: 'Créer de nouvelles clés' });
  await expect(renew).toContainText('Toutes vos fiches restent sur cet ordinateur');
  await expect(renew.getByRole('button', { name: 'Créer de nouvelles clés' })).toBeDisabled();
  await renew.getByRole('button', { name: 'Utiliser cette suggestion' }).click();
  const chosen = await renew.getByLabel('Nouvelle phrase de passe de cet ordinateur').inputValue();
  expect(chosen.split('-')).toHaveLength(4);
  await renew.getByLabel('Retapez la phrase de passe').fill(chosen);
  await expect(renew.getByText('Solide', { exact: true })).toBeVisible();
  const [card] = await Promise.all([page.waitForEvent('download'), renew.getByRole('button', { name: 'Créer de nouvelles clés' }).click()]);
  await expect(page.getByText('Nouvelles clés créées.')).toBeVisible();
  expect(JSON.parse((await readFile(await card.path())).toString('utf8')).type).toBe('relais-card');

  // A new sender (new device id), the same records.
  const after = await deviceId(page);
  expect(after).not.toBe(before);
  await expect(page.getByText(/\d+ éléments de démonstration présents/)).toHaveText(records ?? '');

  // The next session asks for the new passphrase, and only once.
  await page.reload();
  await nav(page, 'Paramètres').click();
  await expect(page.getByRole('region', { name: 'Clés de cet ordinateur' }).getByRole('status')).toHaveText(/Verrouillées/);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await unlockKeys(page, chosen);
  await expect(page.getByRole('region', { name: 'Clés de cet ordinateur' }).getByRole('status')).toHaveText('Déverrouillées jusqu’à la fermeture de Relais.');
  await openScreen(page, 'Échanges');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter ma carte' }).click()]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a bundle passphrase that is easy to guess is refused, saying why, and four random words are offered', async ({ page }) => {
  await startApp(page);
  await openScreen(page, 'Échanges');
  await page.getByRole('radio', { name: 'Avec une phrase de passe' }).check();
  const field = page.getByLabel('Phrase de passe', { exact: true });
  const exportButton = page.getByRole('button', { name: 'Exporter le fichier' });

  await field.fill('azertyuiop');
  await expect(page.getByText('Trop facile à deviner : elle suit les touches du clavier.')).toBeVisible();
  await expect(exportButton).toBeDisabled();
  await field.fill('Marie1985');
  await expect(page.getByText(/Trop facile à deviner\s: .*elle contient une année\./)).toBeVisible();
  await expect(exportButton).toBeDisabled();
  await field.fill('MediathequeLormes');
  await expect(page.getByText(/votre nom ou celui de votre structure/)).toBeVisible();

  await page.getByRole('button', { name: 'Utiliser cette suggestion' }).click();
  await expect(field).toHaveValue(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+$/);
  await expect(field).toHaveAttribute('type', 'text'); // shown, to be noted down
  await expect(page.getByText('Solide', { exact: true })).toBeVisible();
  await expect(exportButton).toBeEnabled();
  await choosePassphrase(page, 'Phrase de passe', 'le bus de Lormes passe à midi le mardi', false);
  await expect(exportButton).toBeEnabled();
});
