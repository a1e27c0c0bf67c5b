/**
 * Automated accessibility check (axe-core, WCAG 2 A and AA) of every main screen, the first run and a
 * form: no `serious` or `critical` violation. Failures print the rule, its impact and the elements.
 */
import { expect, test } from '@playwright/test';
import { openApp, openScreen, startApp } from '../support/app';
import { createSeriesFromStarter, sessionRow } from '../support/workshops';
import { expectNone, seriousViolations } from '../support/axe';

test('first run has no serious accessibility violation', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
  expectNone(await seriousViolations(page, 'first run'));
});

const SCREENS: Array<{ path: string; heading: RegExp }> = [
  { path: '/', heading: /Bonjour/ },
  { path: '/villages', heading: /Villages/ },
  { path: '/surveys', heading: /Diagnostics/ },
  { path: '/activities', heading: /Activités/ },
  { path: '/places', heading: /Lieux de médiation/ },
  { path: '/beneficiaries', heading: /Personnes suivies/ },
  { path: '/settings', heading: /Paramètres/ },
  { path: '/places/new', heading: /Nouveau lieu/ },
  { path: '/activities/new?type=individuel', heading: /Nouvel accompagnement/ },
  { path: '/activities/new?type=collectif', heading: /Nouvel atelier/ },
  { path: '/workshops', heading: /Ateliers/ },
  { path: '/exports', heading: /Exports/ },
  { path: '/places/import', heading: /Importer des lieux/ },
  { path: '/dashboard', heading: /Tableau de bord du territoire/ },
  { path: '/dashboard/activities?thematique=email', heading: /Activités derrière le chiffre/ },
  { path: '/sync/team', heading: /Importer les fichiers de l’équipe/ },
  { path: '/dashboard/villages', heading: /Villages du territoire/ },
  { path: '/mediators', heading: /Médiateurs/ },
];

test('main screens and a form have no serious accessibility violation (with demo data)', async ({ page }) => {
  await startApp(page);
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/éléments de démonstration présents/)).toBeVisible();
  // Check every screen before failing, so one run lists all the problems.
  const report: string[] = [];
  for (const screen of SCREENS) {
    await openApp(page, screen.path);
    await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
    report.push(...await seriousViolations(page, screen.path));
  }
  expectNone(report);
});

test('the trainer’s screens, the keyboard help and a form with its errors have no serious violation', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  const report: string[] = [];
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 2);
  await page.getByRole('button', { name: 'Le modèle de cette série' }).click();
  await page.getByRole('button', { name: 'Inscrire une nouvelle personne suivie' }).click();
  report.push(...await seriousViolations(page, 'series page'));
  await sessionRow(page, 1).getByRole('link', { name: 'Feuille d’émargement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feuille d’émargement' })).toBeVisible();
  report.push(...await seriousViolations(page, 'attendance sheet'));
  await page.getByRole('link', { name: 'Retour' }).click();
  await sessionRow(page, 1).getByRole('link', { name: 'Animer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Participants suivis présents' })).toBeVisible();
  report.push(...await seriousViolations(page, 'session screen'));
  await openScreen(page, 'Ateliers');
  await page.getByRole('button', { name: 'Semaine', exact: true }).click();
  report.push(...await seriousViolations(page, 'calendar, week'));
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible();
  report.push(...await seriousViolations(page, 'keyboard help'));
  await page.keyboard.press('Escape');
  await openApp(page, '/activities/new?type=individuel');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  report.push(...await seriousViolations(page, 'activity form with errors'));
  expectNone(report);
});
