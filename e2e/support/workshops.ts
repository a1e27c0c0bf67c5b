/** Steps of the trainer's screens shared by the workshop specs. */
import { expect, type Page } from '@playwright/test';
import { pickCommune } from './app';

/** From the workshops home: a series of `count` weekly sessions in Lormes, from the "Repérer les arnaques" starter (first one today, 14:00). */
export async function createSeriesFromStarter(page: Page, count = 3): Promise<void> {
  await page.getByRole('link', { name: 'Modèles d’ateliers' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Modèles de démarrage' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer une série : Repérer les arnaques' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle série d’ateliers' })).toBeVisible();
  await expect(page.getByLabel('Titre de la série')).toHaveValue('Repérer les arnaques');
  await page.getByRole('radio', { name: 'Dans une commune (sans lieu enregistré)' }).check();
  await pickCommune(page, 'Commune', 'Lormes', 'Lormes');
  await page.getByLabel('Nombre de séances').fill(String(count));
  await page.getByRole('button', { name: 'Créer la série' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Repérer les arnaques' })).toBeVisible();
  await expect(page.getByText(`Séance ${count} —`)).toBeVisible();
}

/** The row of session `n` on a series page. */
export function sessionRow(page: Page, n: number) {
  return page.getByRole('listitem').filter({ hasText: `Séance ${n} —` });
}
