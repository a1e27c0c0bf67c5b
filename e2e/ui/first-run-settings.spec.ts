/**
 * First run, home, language and settings: what a mediator sees the first day, in French by default.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, startApp } from '../support/app';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

test('the first run refuses empty fields, then lands on a French home greeting the mediator', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'points à corriger' })).toContainText('4 points à corriger');
  // A browser has no OS keychain: the passphrase sealing this laptop's keys is part of the first run.
  await expect(page.getByRole('alert').filter({ hasText: 'points à corriger' })).toContainText('Phrase de passe de cet ordinateur — trop facile à deviner');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
  await page.reload(); // nothing was saved: still the first run
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();

  await startApp(page, { name: 'Aïcha Benali' });
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Aïcha Benali' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Fonctionne hors ligne' })).toBeVisible();
  // French uses the singular for zero: « 0 accompagnement ou atelier aujourd’hui »
  await expect(page.getByText('accompagnement ou atelier aujourd’hui', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouvel accompagnement' })).toHaveAttribute('href', '#/activities/new?type=individuel');
  await expect(page.getByRole('link', { name: 'Nouvel atelier' })).toHaveAttribute('href', '#/activities/new?type=collectif');
});

test('switching to English applies at once and survives a reload', async ({ page }) => {
  await startApp(page, { name: 'Aïcha Benali' });
  await page.getByRole('navigation').getByRole('button', { name: 'English' }).click();
  await expect(nav(page, 'Home')).toBeVisible();
  await expect(nav(page, 'Places')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Aïcha Benali' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Works offline' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Aïcha Benali' })).toBeVisible();
  await expect(nav(page, 'Settings')).toBeVisible();

  // and back to French from the settings page
  await nav(page, 'Settings').click();
  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await expect(nav(page, 'Accueil')).toBeVisible();
});

test('settings: edit the profile (validated), see the device id and this computer\'s fingerprint', async ({ page }) => {
  await startApp(page, { name: 'Aïcha Benali' });
  await nav(page, 'Paramètres').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  const device = page.getByRole('region', { name: 'Cet ordinateur' });
  await expect(device.locator('.settings-code').first()).toHaveText(/^[0-9a-f]{32}$/);
  await expect(device.locator('.fingerprint .fingerprint-group')).toHaveText(Array(8).fill(/^\d{5}$/));
  const name = page.getByRole('textbox', { name: 'Votre nom affiché' });
  await expect(name).toHaveValue('Aïcha Benali');
  await name.fill('');
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'point à corriger' })).toContainText('Votre nom affiché — Ce champ est obligatoire.');
  await name.fill('Aïcha B.');
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();
  await nav(page, 'Accueil').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Aïcha B.' })).toBeVisible();
});

test('demo data: load Lormes and Arvieu, see them, remove them in one click', async ({ page }) => {
  await startApp(page);
  await nav(page, 'Paramètres').click();
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/\d+ éléments de démonstration présents/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeDisabled();

  await nav(page, 'Accueil').click();
  const activity = page.getByRole('region', { name: 'Votre activité' });
  await expect(activity.getByText('accompagnements ou ateliers aujourd’hui')).toBeVisible();
  await expect(activity.locator('.stat').first()).toHaveText('2');

  await nav(page, 'Lieux').click();
  const villageFilter = page.getByLabel('Village', { exact: true });
  await expect(villageFilter.locator('option')).toHaveText(['Tous les villages', 'Arvieu', 'Lormes']);
  await expect(page.getByRole('region', { name: 'Liste des lieux' }).getByRole('link', { name: /Médiathèque de Lormes/ })).toContainText('Démo');

  await nav(page, 'Paramètres').click();
  await page.getByRole('button', { name: 'Retirer les données de démonstration' }).click();
  await page.getByRole('dialog', { name: 'Retirer les données de démonstration ?' })
    .getByRole('button', { name: 'Retirer les données de démonstration' }).click();
  await expect(page.getByText(/éléments de démonstration retirés/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeEnabled();

  await nav(page, 'Lieux').click();
  await expect(page.getByText('Aucun lieu pour l’instant', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Village', { exact: true }).locator('option')).toHaveText(['Tous les villages']);
  await nav(page, 'Accueil').click();
  await expect(page.getByRole('region', { name: 'Votre activité' }).locator('.stat').first()).toHaveText('0');
});

test('the day-count settings refuse 0, keep a valid number and say so (export reminder, mediators gone quiet)', async ({ page }) => {
  await startApp(page, { role: 'Coordinateur·rice' });
  await openApp(page, '/settings');
  for (const [section, label, button, saved] of [
    ['Rappel d’export', 'Me rappeler d’exporter après (jours)', 'Enregistrer le rappel', 'Rappel après 3 jours.'],
    ['Médiateurs sans nouvelles', 'Signaler un médiateur sans fichier depuis (jours)', 'Enregistrer le délai', 'Signalé après 3 jours.'],
  ]) {
    const region = page.getByRole('region', { name: section });
    await region.getByLabel(label).fill('0');
    await region.getByRole('button', { name: button }).click();
    await expect(region.getByText('Un nombre de jours entier, de 1 à 365.')).toBeVisible();
    await region.getByLabel(label).fill('3');
    await region.getByRole('button', { name: button }).click();
    await expect(page.getByText(saved)).toBeVisible();
    await expect(region.getByText('Un nombre de jours entier, de 1 à 365.')).toHaveCount(0);
  }
  await page.reload();
  await expect(page.getByRole('region', { name: 'Rappel d’export' }).getByLabel('Me rappeler d’exporter après (jours)')).toHaveValue('3');
  await expect(page.getByRole('region', { name: 'Médiateurs sans nouvelles' }).getByLabel('Signaler un médiateur sans fichier depuis (jours)')).toHaveValue('3');
});
