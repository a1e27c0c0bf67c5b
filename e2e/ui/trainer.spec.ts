/**
 * A trainer's session that loses nothing (issue 13, trainers): people enrolled before the first
 * session, an attendance sheet to sign on paper, the note "to review" kept as typed, the steps and the
 * note carried into the workshop activity, sections that look expandable, a cancel dialog that says
 * what each button does, the calendar by month and week, the series summary as CSV.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openMoreDetails } from '../support/activityForm';
import { navLink, openScreen, startApp } from '../support/app';
import { createSeriesFromStarter, sessionRow } from '../support/workshops';

const SHOTS = process.env.SHOTS;

/** Enrols a new followed person on the series page, by code only. */
async function enrolNew(page: Page, code: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Inscrire une nouvelle personne suivie' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const form = page.getByRole('form', { name: 'Ajouter un participant suivi' });
  await expect(form.getByLabel('Code du participant')).toHaveValue(code);
  await form.getByLabel('Genre').selectOption({ label: 'Féminin' });
  await form.getByRole('button', { name: 'Créer et inscrire' }).click();
  await expect(page.getByRole('list', { name: 'Participants suivis' }).getByText(code)).toBeVisible();
}

test('people are enrolled before the first session; the attendance sheet has their lines, spare ones, and the trainer’s', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice', name: 'Camille Roux', structure: 'Médiathèque de Lormes' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page);
  await expect(page.getByText('Aucun participant suivi pour l’instant')).toBeVisible();
  for (const code of ['B-0001', 'B-0002', 'B-0003']) await enrolNew(page, code);

  // Removed, then enrolled again from the people already followed.
  const enrolled = page.getByRole('list', { name: 'Participants suivis' });
  await enrolled.getByRole('button', { name: 'Retirer B-0002 de la série' }).click();
  await expect(enrolled.getByText('B-0002')).toHaveCount(0);
  await page.getByLabel('Inscrire une personne déjà suivie').selectOption({ label: 'B-0002' });
  await expect(enrolled.getByText('B-0002')).toBeVisible();

  // The session screen has them ready to tick.
  await sessionRow(page, 1).getByRole('link', { name: 'Animer' }).click();
  for (const code of ['B-0001', 'B-0002', 'B-0003']) await expect(page.getByRole('button', { name: code, pressed: false })).toBeVisible();
  await page.getByRole('link', { name: 'Retour' }).click();

  await sessionRow(page, 1).getByRole('link', { name: 'Feuille d’émargement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feuille d’émargement' })).toBeVisible();
  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(1 + 3 + 9); // the header, 3 enrolled, 9 spare: 12 lines at least, 6 spare at least
  await expect(table.getByRole('columnheader')).toHaveText(['N°', 'Code', 'Nom et prénom (écrits à la main)', 'Signature']);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['1', 'B-0001', '', '']);
  await expect(rows.nth(4).getByRole('cell')).toHaveText(['4', '', '', '']);
  await expect(rows.nth(12).getByRole('cell')).toHaveText(['12', '', '', '']);
  const head = page.locator('.ws-sheet-head');
  await expect(head).toContainText('Lormes (58140)');
  await expect(head).toContainText('14:00');
  await expect(head).toContainText('Durée90 minutes');
  await expect(head).toContainText('Camille Roux — Médiathèque de Lormes');
  await expect(page.getByText('Formateur·rice : nom et signature')).toBeVisible();
  await expect(page.getByText('Rien de ce qui est écrit sur cette feuille n’est saisi dans Relais.', { exact: false })).toBeVisible();
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/attendance-fr-1280.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/attendance-print-fr.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }
});

test('the note to review survives a reload, and with the steps covered it travels into the workshop activity', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 1);
  await sessionRow(page, 1).getByRole('link', { name: 'Animer' }).click();
  await page.getByRole('checkbox', { name: 'Tour de table : avez-vous déjà reçu un message suspect ?' }).click();
  await page.getByRole('checkbox', { name: 'Jeu : vrai ou faux message ?' }).click();
  await expect(page.getByRole('checkbox', { name: 'Jeu : vrai ou faux message ?' })).toBeChecked();

  // Typed, never left: a reload keeps it, and says it was restored.
  const note = page.getByLabel('À revoir la prochaine fois');
  await note.fill('Reprendre le signalement au 33700.');
  await page.waitForTimeout(600); // the draft is written 400 ms after the last key
  await page.reload();
  await expect(note).toHaveValue('Reprendre le signalement au 33700.');
  await expect(page.getByText('Brouillon restauré', { exact: false })).toBeVisible();

  // One walk-in, then close: the note is saved with the session and written into the activity.
  await page.getByRole('form', { name: 'Personnes venues sans suivi' }).getByRole('button', { name: 'Ajouter une personne' }).click();
  await page.getByRole('button', { name: 'Clôturer la séance' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clôturer et enregistrer' }).click();
  await expect(page.getByText('Séance clôturée : l’atelier est enregistré dans les activités.')).toBeVisible();

  await navLink(page, 'Activités').click();
  await page.getByRole('link', { name: /^(?!Dupliquer).*Repérer les arnaques/ }).click();
  await openMoreDetails(page);
  const notes = (await page.getByLabel('Notes').inputValue()).replace(/[\u00a0\u202f]/g, ' ');
  expect(notes).toBe([
    'Étapes abordées : Tour de table : avez-vous déjà reçu un message suspect ? ; Jeu : vrai ou faux message ?',
    'À revoir la prochaine fois : Reprendre le signalement au 33700.',
  ].join('\n'));
});

test('expandable sections show an arrow and their state; the cancel dialog says “keep” or “cancel” the session', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page);
  const about = page.getByRole('button', { name: 'Le modèle de cette série' });
  await expect(about).toHaveAttribute('aria-expanded', 'false');
  await expect(about.locator('.disclosure-arrow')).toBeVisible();
  await about.click();
  await expect(about).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('Reconnaître un message frauduleux', { exact: false }).first()).toBeVisible();
  const move = sessionRow(page, 2).getByRole('button', { name: 'Déplacer' });
  await expect(move).toHaveAttribute('aria-expanded', 'false');
  await move.click();
  await expect(move).toHaveAttribute('aria-expanded', 'true');

  await sessionRow(page, 3).getByRole('button', { name: 'Annuler la séance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annuler cette séance ?' });
  await expect(dialog.getByRole('button')).toHaveText(['Garder la séance', 'Annuler la séance']);
  await dialog.getByRole('button', { name: 'Garder la séance' }).click();
  await expect(sessionRow(page, 3).getByText('Prévue', { exact: true })).toBeVisible();
  await sessionRow(page, 3).getByRole('button', { name: 'Annuler la séance' }).click();
  await dialog.getByRole('button', { name: 'Annuler la séance' }).click();
  await expect(sessionRow(page, 3).getByText('Annulée', { exact: true })).toBeVisible();
});

test('the calendar shows the sessions by month and by week, and keeps the view chosen', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 2);
  await openScreen(page, 'Ateliers');
  const calendar = page.getByRole('region', { name: 'Calendrier des séances' });
  const month = calendar.getByRole('table');
  await expect(month.getByRole('columnheader')).toHaveText(['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']);
  const today = month.locator('td[aria-current="date"]');
  await expect(today.getByRole('link', { name: '14:00 Repérer les arnaques' })).toBeVisible();
  await today.getByRole('link', { name: '14:00 Repérer les arnaques' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Participants suivis présents' })).toBeVisible();
  await page.goBack();

  await calendar.getByRole('button', { name: 'Semaine', exact: true }).click();
  await expect(calendar.getByRole('button', { name: 'Semaine', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const week = calendar.getByRole('list', { name: /^Semaine du / });
  await expect(week.getByRole('heading', { level: 3 })).toHaveCount(7);
  await expect(week.locator('li[aria-current="date"]')).toContainText('14:00 Repérer les arnaques');
  await expect(week.getByText('Aucune séance.')).toHaveCount(6);
  await calendar.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(calendar.getByRole('list', { name: /^Semaine du / }).getByRole('link', { name: '14:00 Repérer les arnaques' })).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/calendar-week-fr-1280.png`, fullPage: true });

  // The view is kept on this device.
  await page.reload();
  await expect(calendar.getByRole('button', { name: 'Semaine', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await calendar.getByRole('button', { name: 'Mois', exact: true }).click();
  await expect(calendar.getByRole('table')).toBeVisible();
  await calendar.getByRole('button', { name: 'Mois suivant' }).click();
  await calendar.getByRole('button', { name: 'Aujourd’hui' }).click();
  await expect(calendar.locator('td[aria-current="date"]')).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/calendar-month-fr-1280.png`, fullPage: true });
});

test('the series summary exports as a CSV file, one row per session', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 2);
  await sessionRow(page, 2).getByRole('button', { name: 'Annuler la séance' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler la séance' }).click();
  await sessionRow(page, 1).getByRole('link', { name: 'Animer' }).click();
  await page.getByRole('form', { name: 'Personnes venues sans suivi' }).getByRole('button', { name: 'Ajouter une personne' }).click();
  await page.getByLabel('À revoir la prochaine fois').fill('Le 33700, "signal spam" ; les SMS');
  await page.getByLabel('À revoir la prochaine fois').blur();
  await page.getByRole('link', { name: 'Retour' }).click();

  await page.getByRole('link', { name: 'Bilan de la série' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilan de série' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('relais-bilan-reperer-les-arnaques.csv');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(lines[0]).toBe('Séance;Date;Heure;Statut;Participants suivis présents;Personnes venues sans suivi;Total des présences;Étapes abordées;À revoir');
  expect(lines[1]).toMatch(/^1;\d{2}\/\d{2}\/\d{4};14:00;Prévue;0;1;1;;"Le 33700, ""signal spam"" ; les SMS"$/);
  expect(lines[2]).toMatch(/^2;\d{2}\/\d{2}\/\d{4};14:00;Annulée;;;;;$/);
  expect(lines[3]).toBe('');
  await expect(page.getByText('Bilan enregistré : relais-bilan-reperer-les-arnaques.csv')).toBeVisible();
});

test('a session dated after tomorrow cannot be closed yet, and the trainer is told why', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 2); // the second session is in a week
  await sessionRow(page, 2).getByRole('link', { name: 'Animer' }).click();
  await page.getByRole('form', { name: 'Personnes venues sans suivi' }).getByRole('button', { name: 'Ajouter une personne' }).click();
  await page.getByRole('button', { name: 'Clôturer la séance' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clôturer et enregistrer' }).click();
  await expect(page.getByText(/^L’activité n’a pas pu être enregistrée\s:\sLa date ne peut pas être postérieure au \d+ \S+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clôturer la séance' })).toBeVisible(); // still open
});
