/**
 * A trainer plans a series from a starter template, runs a session with 3 followed people and
 * 5 walk-ins, closes it, and finds the workshop in the activities with the right counts.
 */
import { expect, test, type Page } from '@playwright/test';
import { activityLink } from '../support/activityForm';
import { navLink, openScreen, startApp } from '../support/app';
import { createSeriesFromStarter } from '../support/workshops';

const SHOTS = process.env.WORKSHOP_SHOTS;

async function addFollowed(page: Page, code: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Ajouter un participant suivi' });
  if (!(await form.isVisible())) await page.getByText('Ajouter un participant suivi').click();
  await expect(form.getByLabel('Code du participant')).toHaveValue(code);
  await form.getByLabel('Genre').selectOption({ label: 'Féminin' });
  await form.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await form.getByLabel('Statut').selectOption({ label: 'Retraité·e' });
  await form.getByRole('button', { name: 'Ajouter et marquer présent·e' }).click();
  await expect(page.getByRole('button', { name: code, pressed: true })).toBeVisible();
}

async function addWalkIn(page: Page, genre: string, deja = false): Promise<void> {
  const form = page.getByRole('form', { name: 'Personnes venues sans suivi' });
  await form.getByLabel('Genre').selectOption({ label: genre });
  await form.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await form.getByLabel('Statut').selectOption({ label: 'Retraité·e' });
  const box = form.getByRole('checkbox', { name: 'Déjà accompagné·e auparavant' });
  if ((await box.isChecked()) !== deja) await box.click();
  await form.getByRole('button', { name: 'Ajouter une personne' }).click();
}

test('a series from a starter, a session run and closed into a workshop activity', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page);

  // The calendar lists the three planned sessions.
  await openScreen(page, 'Ateliers');
  await expect(page.getByRole('link', { name: /^Animer « Repérer les arnaques »/ })).toHaveCount(3);

  // Cancel the last session from the series page: it leaves the calendar.
  await page.getByRole('link', { name: 'Repérer les arnaques' }).first().click();
  await page.getByRole('listitem').filter({ hasText: 'Séance 3 —' }).getByRole('button', { name: 'Annuler la séance' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler la séance' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Séance 3 —' }).getByText('Annulée', { exact: true })).toBeVisible();

  // Run the first session.
  await page.getByRole('listitem').filter({ hasText: 'Séance 1 —' }).getByRole('link', { name: 'Animer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Participants suivis présents' })).toBeVisible();
  for (const code of ['B-0001', 'B-0002', 'B-0003']) await addFollowed(page, code);
  await addWalkIn(page, 'Féminin', true);
  await addWalkIn(page, 'Féminin');
  await addWalkIn(page, 'Masculin');
  await addWalkIn(page, 'Masculin');
  await addWalkIn(page, 'Non communiqué');
  await expect(page.getByText('5 personnes sans suivi', { exact: true })).toBeVisible();
  await expect(page.getByText('8 personnes présentes : 3 suivies, 5 sans suivi')).toBeVisible();
  // Steps are saved as they are ticked (the box reflects the stored session).
  for (const step of ['Tour de table : avez-vous déjà reçu un message suspect ?', 'Jeu : vrai ou faux message ?']) {
    await page.getByRole('checkbox', { name: step }).click();
    await expect(page.getByRole('checkbox', { name: step })).toBeChecked();
  }
  await page.getByLabel('À revoir la prochaine fois').fill('Reprendre le signalement au 33700.');
  await page.getByLabel('À revoir la prochaine fois').blur();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/run-session-fr.png`, fullPage: true });

  await page.getByRole('button', { name: 'Clôturer la séance' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clôturer et enregistrer' }).click();
  await expect(page.getByText('Séance clôturée : l’atelier est enregistré dans les activités.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Séance 1 —' }).getByText(/^Clôturée/)).toBeVisible();

  // The attendance sheet of the next session: enrolled codes, then spare lines (12 lines at least).
  await page.getByRole('listitem').filter({ hasText: 'Séance 2 —' }).getByRole('link', { name: 'Feuille d’émargement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feuille d’émargement' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(1 + 3 + 9);
  await expect(rows.nth(1)).toContainText('B-0001');
  await expect(page.getByRole('button', { name: 'Imprimer / PDF' })).toBeVisible();
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/attendance-fr.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/attendance-print-fr.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }

  // The workshop activity, with its counts, in the activities list.
  await navLink(page, 'Activités').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  const activity = activityLink(page, 'Repérer les arnaques');
  await expect(activity).toHaveCount(1);
  await expect(activity).toContainText('90');
  await activity.click();
  await expect(page.getByLabel('Nombre total de participants anonymes')).toHaveValue('5');
  await expect(page.getByLabel('Dont déjà accompagné·es')).toHaveValue('1');
  const genres = page.getByRole('group', { name: 'Répartition par genre' });
  await expect(genres.getByLabel('Féminin')).toHaveValue('2');
  await expect(genres.getByLabel('Masculin')).toHaveValue('2');
  for (const code of ['B-0001', 'B-0002', 'B-0003']) await expect(page.getByRole('checkbox', { name: code })).toBeChecked();
});

test('a series can be deleted with its sessions, and the deletion undone', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page);
  await page.getByRole('button', { name: 'Supprimer la série' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer la série' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ateliers' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Animer « Repérer les arnaques »/ })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(page.getByRole('link', { name: /^Animer « Repérer les arnaques »/ })).toHaveCount(3);

  // The template copy can be deleted too: the built-in starter shows again, and undo brings the copy back.
  await page.getByRole('link', { name: 'Modèles d’ateliers' }).click();
  await page.getByRole('button', { name: 'Supprimer le modèle « Repérer les arnaques »' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('button', { name: 'Créer une série : Repérer les arnaques' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(page.getByRole('button', { name: 'Supprimer le modèle « Repérer les arnaques »' })).toBeVisible();
});
