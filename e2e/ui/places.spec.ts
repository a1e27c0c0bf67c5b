/**
 * Places of digital mediation, as a mediator in Lormes records them. Every test starts with an empty
 * database (fresh browser context) and a completed first run.
 */
import { expect, test, type Page } from '@playwright/test';
import { navLink, openScreen, pickCommune, startApp } from '../support/app';

async function fillMediatheque(page: Page): Promise<void> {
  await page.getByLabel('Nom du lieu').fill('Médiathèque de Lormes');
  await page.getByRole('checkbox', { name: 'Bibliothèque / Médiathèque' }).check();
  await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('1 place François Mitterrand');
  await pickCommune(page, 'Commune', 'lormes', 'Lormes');
  await page.getByRole('checkbox', { name: 'Aide aux démarches administratives' }).check();
  await page.getByRole('checkbox', { name: 'Seniors' }).check();
  await page.getByRole('checkbox', { name: 'Gratuit', exact: true }).check();
  await page.getByLabel('Horaires d’ouverture').fill('Tu-Fr 14:00-18:00');
}

test('create a place in Lormes, find it, edit it, delete it and undo', async ({ page }) => {
  await startApp(page);
  await openScreen(page, 'Lieux', 'Lieux de médiation');
  await expect(page.getByText('Aucun lieu pour l’instant', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Ajouter un lieu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau lieu' })).toBeVisible();
  await fillMediatheque(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Lieux de médiation' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Liste des lieux' });
  await expect(list.getByRole('link', { name: /Médiathèque de Lormes/ })).toContainText('Lormes (58140)');
  await page.reload();
  await page.getByLabel('Rechercher un lieu').fill('mediatheque');
  await expect(page.getByText('1 lieu', { exact: true })).toBeVisible();
  await page.getByLabel('Rechercher un lieu').fill('arvieu');
  await expect(page.getByText('Aucun résultat pour ces filtres.')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();

  // edit: the form opens with what was saved
  await list.getByRole('link', { name: /Médiathèque de Lormes/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier le lieu' })).toBeVisible();
  await expect(page.getByLabel('Horaires d’ouverture')).toHaveValue('Tu-Fr 14:00-18:00');
  await expect(page.getByRole('checkbox', { name: 'Seniors' })).toBeChecked();
  await page.getByLabel('Nom du lieu').fill('Médiathèque Jean Genet');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(list.getByRole('link', { name: /Médiathèque Jean Genet/ })).toBeVisible();
  await expect(list.getByRole('link', { name: /Médiathèque de Lormes/ })).toHaveCount(0);

  // delete, confirm, undo
  await list.getByRole('button', { name: 'Supprimer Médiathèque Jean Genet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer ce lieu ?' });
  await dialog.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Aucun lieu pour l’instant', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(list.getByRole('link', { name: /Médiathèque Jean Genet/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Liste des lieux' }).getByRole('link', { name: /Médiathèque Jean Genet/ })).toBeVisible();
});

test('an invalid place shows its errors, saves nothing, and the draft survives a reload', async ({ page }) => {
  await startApp(page);
  await openScreen(page, 'Lieux', 'Lieux de médiation');
  await page.getByRole('link', { name: 'Ajouter un lieu' }).click();
  await page.getByLabel('Nom du lieu').fill('Salle des fêtes');
  await page.getByLabel('SIRET ou RNA de la structure (facultatif)').fill('123 456');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'points à corriger' });
  await expect(summary).toContainText('3 points à corriger');
  await expect(summary).toContainText('Adresse — Ce champ est obligatoire.');
  await expect(summary).toContainText('Commune — Ce champ est obligatoire.');
  await expect(summary).toContainText('SIRET ou RNA de la structure (facultatif) — Un SIRET');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau lieu' })).toBeVisible();

  await page.waitForTimeout(600); // the draft is written 400 ms after the last change
  await page.reload();
  await expect(page.getByText('Brouillon restauré', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Nom du lieu')).toHaveValue('Salle des fêtes');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByText('Aucun lieu pour l’instant', { exact: false })).toBeVisible();
});

test('a place in a followed village is attached to it and filtered with it', async ({ page }) => {
  await startApp(page);
  await navLink(page, 'Paramètres').click();
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/éléments de démonstration présents/)).toBeVisible();

  await openScreen(page, 'Lieux', 'Lieux de médiation');
  await page.getByRole('link', { name: 'Ajouter un lieu' }).click();
  await fillMediatheque(page);
  await page.getByLabel('Nom du lieu').fill('Mairie de Lormes');
  await expect(page.getByText('Rattaché au village Lormes.')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await page.getByLabel('Village', { exact: true }).selectOption({ label: 'Arvieu' });
  const list = page.getByRole('region', { name: 'Liste des lieux' });
  await expect(list.getByRole('link', { name: /Tiers-lieu d’Arvieu/ })).toContainText('Démo');
  await expect(list.getByRole('link', { name: /Mairie de Lormes/ })).toHaveCount(0);
  await page.getByLabel('Village', { exact: true }).selectOption({ label: 'Lormes' });
  await expect(list.getByRole('link', { name: /Mairie de Lormes/ })).toBeVisible();
  await expect(page.getByText('3 lieux', { exact: true })).toBeVisible();
});
