/**
 * Activities (CRA) and followed people, as a mediator in Lormes would log them. Every test starts
 * with an empty database (fresh browser context).
 */
import { expect, test, type Page } from '@playwright/test';
import { activityLink, openMoreDetails, saveButton } from '../support/activityForm';
import { navLink, openScreen, pickCommune, startApp } from '../support/app';

/** A workshop at home in Lormes: 8 anonymous participants with their breakdowns. */
async function logWorkshop(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Nouvel atelier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel atelier collectif' })).toBeVisible();
  await page.getByRole('radio', { name: '90 min' }).check();
  await page.getByRole('radio', { name: 'À domicile' }).check();
  await pickCommune(page, 'Commune', 'Lormes', 'Lormes');
  await page.getByRole('checkbox', { name: 'Prévention en sécurité numérique' }).check();
  await page.getByLabel('Titre de l’atelier').fill('Sécuriser son téléphone');
  await page.getByRole('radio', { name: 'Débutant' }).check();
  await page.getByLabel('Nombre total de participants anonymes').fill('8');
  await page.getByLabel('Dont déjà accompagné·es').fill('3');
  await openMoreDetails(page);
  const genres = page.getByRole('group', { name: 'Répartition par genre' });
  await genres.getByLabel('Féminin').fill('5');
  await expect(genres.getByText('5 sur 8 participants répartis')).toBeVisible();
  await genres.getByLabel('Masculin').fill('3');
  await expect(genres.getByText('8 sur 8 participants répartis')).toBeVisible();
  await page.getByRole('group', { name: 'Répartition par tranche d’âge' }).getByLabel('70 ans et plus').fill('6');
  await page.getByRole('group', { name: 'Répartition par statut' }).getByLabel('Retraité·e').fill('6');
  await page.getByLabel('Étiquettes').fill('seniors, téléphone');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
}

/** An individual session at home in Lormes, with a followed person created on the spot (B-0001). */
async function logIndividualSession(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Nouvel accompagnement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel accompagnement individuel' })).toBeVisible();
  await page.getByRole('radio', { name: '45 min' }).check();
  await page.getByRole('radio', { name: 'À domicile' }).check();
  await pickCommune(page, 'Commune', 'Lormes', 'Lormes');
  // Lormes is a followed village: picking its commune attaches the activity to it.
  await expect(page.getByLabel('Village suivi').locator('option:checked')).toHaveText('Lormes');
  await page.getByRole('checkbox', { name: 'Aide aux démarches administratives' }).check();
  await page.getByRole('checkbox', { name: 'Argent - Impôts' }).check();
  await page.getByRole('button', { name: 'Créer une personne suivie' }).click();
  const person = page.getByRole('group', { name: 'Nouvelle personne suivie' });
  await expect(person.getByLabel('Code')).toHaveValue('B-0001');
  await person.getByRole('radio', { name: 'Féminin' }).check();
  await person.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await person.getByLabel('Statut').selectOption({ label: 'Retraité·e' });
  await person.getByRole('button', { name: 'Créer et choisir cette personne' }).click();
  await expect(page.getByLabel('Personne suivie', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Personne suivie', { exact: true }).locator('option:checked')).toHaveText('B-0001');
  await page.getByRole('radio', { name: 'Autonome avec guidage en cas de besoin' }).check();
  await page.getByRole('radio', { name: 'Oui' }).check();
  await page.getByLabel('Structure vers laquelle la personne est orientée').selectOption({ label: 'Administration (mairie, préfecture…)' });
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
}

/** Lormes becomes a followed village, through the villages screens. */
async function addVillageLormes(page: Page): Promise<void> {
  await navLink(page, 'Villages').click();
  await page.getByRole('link', { name: 'Ajouter un village' }).first().click();
  await pickCommune(page, 'Commune', 'Lormes', 'Lormes');
  await page.getByRole('button', { name: 'Ajouter le village' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Lormes/ })).toBeVisible();
}

test('logs a workshop and an individual session, then edits, deletes and restores', async ({ page }) => {
  await startApp(page);
  await addVillageLormes(page);
  await openScreen(page, 'Activités');
  await expect(page.getByText('Aucune activité enregistrée')).toBeVisible();

  await logWorkshop(page);
  await logIndividualSession(page);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: '2 activités' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Liste des activités' });
  const workshop = activityLink(list, 'Sécuriser son téléphone');
  const session = activityLink(list, 'Aide aux démarches administratives');
  await expect(workshop).toContainText('Atelier collectif');
  await expect(workshop).toContainText('90 minutes');
  await expect(workshop).toContainText('Lormes');
  await expect(session).toContainText('Accompagnement individuel');

  // The search box finds the workshop by its tag, and the type filter keeps only individual sessions.
  await page.getByLabel('Rechercher').fill('telephone');
  await expect(page.getByRole('status').filter({ hasText: '1 activité' })).toBeVisible();
  await expect(workshop).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Accompagnement individuel' });
  await expect(session).toBeVisible();
  await expect(workshop).toHaveCount(0);
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByLabel('Village', { exact: true }).selectOption({ label: 'Lormes' });
  await expect(page.getByRole('status').filter({ hasText: '2 activités' })).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();

  // Edit: the workshop now lasted one hour.
  await workshop.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier l’activité' })).toBeVisible();
  await expect(page.getByLabel('Titre de l’atelier')).toHaveValue('Sécuriser son téléphone');
  await page.getByRole('radio', { name: '60 min' }).check();
  await saveButton(page).click();
  await expect(workshop).toContainText('60 minutes');

  // Delete, then undo.
  await list.getByRole('button', { name: /Supprimer l’activité « Sécuriser son téléphone »/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer cette activité ?' });
  await dialog.getByRole('button', { name: 'Supprimer' }).click();
  await expect(workshop).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '1 activité' })).toBeVisible();
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(workshop).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2 activités' })).toBeVisible();

  // The followed person created from the form is listed by code only.
  await navLink(page, 'Personnes suivies').click();
  await expect(page.getByRole('link', { name: /B-0001/ })).toContainText('70 ans et plus');
});

test('an invalid workshop shows its errors and saves nothing', async ({ page }) => {
  await startApp(page);
  await openScreen(page, 'Activités');
  await page.getByRole('link', { name: 'Nouvel atelier' }).click();
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByLabel('Titre de l’atelier').fill('Atelier incomplet');
  await page.getByLabel('Nombre total de participants anonymes').fill('3');
  await openMoreDetails(page);
  const genres = page.getByRole('group', { name: 'Répartition par genre' });
  await genres.getByLabel('Féminin').fill('5');
  await expect(genres.getByText('5 sur 3 participants répartis')).toBeVisible();
  await saveButton(page).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('2 points à corriger');
  await expect(summary).toContainText('Thématiques — Choisissez au moins un élément.');
  await expect(summary).toContainText('Répartition par genre — 5 dépasse le nombre total de participants (3).');
  await expect(genres.getByRole('alert')).toHaveText('5 dépasse le nombre total de participants (3).');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel atelier collectif' })).toBeVisible();

  // The draft survives a reload (autosave), still unsaved.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByText('Brouillon restauré')).toBeVisible();
  await expect(page.getByLabel('Titre de l’atelier')).toHaveValue('Atelier incomplet');

  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByText('Aucune activité enregistrée')).toBeVisible();
});

test('a followed person is created by code only and can be erased for good', async ({ page }) => {
  await startApp(page);
  await navLink(page, 'Personnes suivies').click();
  await expect(page.getByText('Aucun nom, téléphone, courriel ni adresse')).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle personne suivie' }).click();
  await expect(page.getByLabel('Code')).toHaveValue('B-0001');

  // A name typed as the code is refused.
  await page.getByLabel('Code').fill('Jeanne Martin');
  await page.getByRole('radio', { name: 'Masculin' }).check();
  await page.getByLabel('Tranche d’âge').selectOption({ label: '40 - 59 ans' });
  await page.getByLabel('Statut').selectOption({ label: 'En emploi' });
  await saveButton(page).click();
  await expect(page.locator('.error-summary')).toContainText('jamais de nom');

  await page.getByLabel('Code').fill('B-0001');
  await saveButton(page).click();
  await page.getByRole('link', { name: /B-0001/ }).click();
  await page.getByRole('button', { name: 'Effacer définitivement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Effacer B-0001 définitivement ?' });
  await expect(dialog).toContainText('irréversible');
  await dialog.getByRole('button', { name: 'Oui, effacer définitivement' }).click();
  await expect(page.getByText('Aucune personne suivie pour l’instant.')).toBeVisible();
});
