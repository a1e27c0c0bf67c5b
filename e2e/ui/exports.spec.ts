/**
 * Exports in the national formats and the places import, through the screens, downloaded and read
 * back as files (the browser platform's streamed save ends in a download).
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { navLink, openScreen, pickCommune, startApp } from '../support/app';
import { openMoreDetails, saveButton } from '../support/activityForm';

const EXAMPLE = fileURLToPath(new URL('../../reference/lieux-mediation-numerique/exemple-valide.csv', import.meta.url));

async function textOf(download: Download): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(await download.path()));
}

/** An anonymous individual session at home in Lormes: a woman over 70, helped before. */
async function logAnonymousSession(page: Page): Promise<void> {
  await openScreen(page, 'Activités');
  await page.getByRole('link', { name: 'Nouvel accompagnement' }).click();
  await page.getByRole('radio', { name: '30 min' }).check();
  await page.getByRole('radio', { name: 'À domicile' }).check();
  await pickCommune(page, 'Commune', 'Lormes', 'Lormes');
  await page.getByRole('checkbox', { name: 'Réseaux sociaux communication' }).check();
  await expect(page.getByText('Structure employeuse : Médiathèque de Lormes')).toBeVisible();
  await openMoreDetails(page);
  const person = page.getByRole('group', { name: 'Informations facultatives sur la personne' });
  await person.getByLabel('Genre').selectOption({ label: 'Féminin' });
  await person.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await person.getByLabel('J’ai déjà accompagné cette personne').check();
  await page.getByLabel('Notes').fill('Revoir "WhatsApp"; la semaine prochaine');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
}

test('exports the activity report as French CSV and every kind as one XLSX workbook', async ({ page }) => {
  await startApp(page);
  await logAnonymousSession(page);
  await navLink(page, 'Exports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();

  // CSV of the activities, as French Excel opens it: BOM, ";", La Coop's columns.
  await page.getByRole('radio', { name: /^CSV/ }).check();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^relais-cra-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await textOf(csvDownload);
  expect(csv.startsWith('\uFEFFDate;Enregistré le;Dernière modification le;Type;Participants;Bénéficiaire;Canaux d’accompagnement;')).toBe(true);
  const [, row] = csv.split('\r\n');
  expect(row).toContain(';Accompagnement individuel;1;Bénéficiaire anonyme;À domicile;;;Lormes;58140;58145;30;;;Réseaux sociaux communication;');
  expect(row).toContain(';Féminin;70 ans et plus;Non communiqué ou hétérogène;"Revoir ""WhatsApp""; la semaine prochaine";');
  await expect(page.getByText(/1 ligne enregistrée dans relais-cra-/)).toBeVisible();

  // CSV takes one kind at a time; XLSX takes them all, one sheet each.
  await page.getByRole('checkbox', { name: 'Personnes suivies' }).check();
  await expect(page.getByText('En CSV, choisissez un seul type à la fois.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exporter', exact: true })).toBeDisabled();
  await page.getByRole('radio', { name: /^XLSX/ }).check();
  await page.getByRole('checkbox', { name: 'Diagnostics de village' }).check();
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^relais-export-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(await xlsxDownload.path()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Activités', 'Bénéficiaires', 'Diagnostics']);
  const activities = workbook.getWorksheet('Activités')!;
  expect(activities.getCell('A1').value).toBe('Date');
  expect(activities.getCell('A2').value).toBeInstanceOf(Date);
  expect(activities.getCell('M2').value).toBe(30);
  expect(activities.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

  // A period with no activity exports the header only.
  await page.getByRole('checkbox', { name: 'Personnes suivies' }).uncheck();
  await page.getByRole('checkbox', { name: 'Diagnostics de village' }).uncheck();
  await page.getByRole('radio', { name: /^CSV/ }).check();
  await page.getByLabel('Du', { exact: true }).fill('2020-01-01');
  await page.getByLabel('Au', { exact: true }).fill('2020-12-31');
  const [empty] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  expect((await textOf(empty)).trim().split('\r\n')).toHaveLength(1);
});

test('imports the national places CSV with a preview and per-row errors, then exports it back', async ({ page }) => {
  const example = await readFile(EXAMPLE, 'utf8');
  const [header, row] = example.trim().split('\n');
  // A second row whose postcode breaks the schema's pattern: refused, with its line and column.
  const broken = row.replace('"structure-1"', '"structure-2"').replace('"51100"', '"511"');
  const file = join(tmpdir(), `lieux-${Date.now()}.csv`);
  await writeFile(file, `${header}\n${row}\n${broken}\n`);

  await startApp(page);
  await openScreen(page, 'Lieux', 'Lieux de médiation');
  await page.getByRole('link', { name: 'Importer un fichier national' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des lieux' })).toBeVisible();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir un fichier CSV' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByText('Lignes lues : 2 · nouveaux lieux : 1 · mis à jour : 0 · inchangés : 0 · refusés : 1')).toBeVisible();
  const refused = page.getByRole('table');
  await expect(refused.getByRole('row').nth(1)).toContainText('3');
  await expect(refused.getByRole('row').nth(1)).toContainText('« code_postal » n’a pas le format du schéma');
  // Nothing written before confirming.
  await page.goto('/#/places');
  await expect(page.getByText('Aucun lieu pour l’instant', { exact: false })).toBeVisible();

  await page.getByRole('link', { name: 'Importer un fichier national' }).click();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir un fichier CSV' }).click()]);
  await again.setFiles(file);
  await page.getByRole('button', { name: 'Importer 1 lieu' }).click();
  await expect(page.getByRole('region', { name: 'Liste des lieux' }).getByRole('link', { name: /Anonymal/ })).toContainText('Reims (51100)');

  // Re-importing the same file changes nothing.
  await page.getByRole('link', { name: 'Importer un fichier national' }).click();
  const [third] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir un fichier CSV' }).click()]);
  await third.setFiles(file);
  await expect(page.getByText('Lignes lues : 2 · nouveaux lieux : 0 · mis à jour : 0 · inchangés : 1 · refusés : 1')).toBeVisible();
  await expect(page.getByText('Aucun lieu nouveau ou modifié dans ce fichier.')).toBeVisible();

  // Exported back in the national schema: the same row as the example's.
  await navLink(page, 'Exports').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les lieux (CSV national)' }).click()]);
  const exported = (await textOf(download)).trim().split('\r\n');
  expect(exported[0]).toBe(header.replace(/"/g, ''));
  expect(exported[1]).toContain('structure-1,43493312300029,Anonymal,Reims,51100,51454');
  expect(exported[1]).toContain(',Hubik,Itinérant,');
});
