/**
 * A departmental coordinator (issue 10): she enrols her five mediators' cards, imports the folder of
 * their 20 bundles at once, and finds on the dashboard what they logged — figures equal to the
 * generated truth, narrowed by a filter, a drill-down listing the right records, authors named — and
 * cannot change a mediator's activity.
 */
import { expect, test, type Page } from '@playwright/test';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openScreen, startApp } from '../support/app';
import { chooseFile, fingerprintIn } from '../support/sync';
import { makeTeam, TEAM, TEAM_PASSPHRASE, type Team } from '../support/team';
import { createSeriesFromStarter } from '../support/workshops';
import { saveButton } from '../support/activityForm';
import { holdTable } from '../support/database';

let team: Team;
test.beforeAll(async () => {
  team = await makeTeam();
});

async function enrolTeam(page: Page) {
  for (const card of team.cards) {
    await openScreen(page, 'Échanges');
    await chooseFile(page, 'Importer une carte', 'carte.relaiscard', card.bytes);
    const dialog = page.getByRole('dialog', { name: `Inscrire ${card.name}\u202f?` });
    await expect(dialog).toBeVisible();
    // The fingerprint the mediator reads out from her Settings (here: from her generated key).
    expect(await fingerprintIn(dialog)).toBe(card.fingerprint);
    await dialog.getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
    await expect(page.getByRole('list', { name: 'Appareils inscrits' }).getByText(card.name)).toBeVisible();
  }
}

async function importTeamFolder(page: Page) {
  await page.goto('/#/sync/team');
  await expect(page.getByRole('heading', { level: 1, name: 'Importer les fichiers de l’équipe' })).toBeVisible();
  await page.getByLabel('Phrase de passe des fichiers (facultatif)').fill(TEAM_PASSPHRASE);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir un dossier…' }).click()]);
  await chooser.setFiles(team.folder);
  await expect(page.getByRole('heading', { name: '20 fichiers prêts à importer' })).toBeVisible();
  const byKind = page.getByRole('list', { name: 'Contenu par type' });
  await expect(byKind).toContainText(`${team.truth.activities} Activité`);
  await page.getByRole('button', { name: 'Importer les 20 fichiers' }).click();
  await expect(page.getByRole('heading', { name: '20 fichiers importés sur 20' })).toBeVisible({ timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'Fichier par fichier' }).getByRole('row');
  await expect(rows).toHaveCount(21);
  await expect(rows.filter({ hasText: 'Importé' })).toHaveCount(20);
}

test('a coordinator imports her team\'s folder and reads the territory on the dashboard', async ({ page }) => {
  test.setTimeout(180_000);
  const { truth } = team;
  await startApp(page, { name: 'Claire Martin', role: 'Coordinateur·rice', structure: 'Conseil départemental de la Nièvre' });
  await enrolTeam(page);
  await importTeamFolder(page);

  // The report of the import is saved as text, one line per file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer le rapport' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^rapport-import-.*\.txt$/);

  // The mediators view: each enrolled device, its four files, none missing, heard from today.
  await openScreen(page, 'Médiateurs');
  const devices = page.getByRole('table', { name: 'Appareils de l’équipe' });
  for (const who of TEAM) {
    const row = devices.getByRole('row').filter({ hasText: who.name });
    await expect(row).toContainText(who.structure);
    await expect(row.getByRole('cell').nth(1)).toHaveText('4');
    await expect(row.getByRole('cell').nth(4)).toHaveText('0');
    await expect(row).toContainText('Aujourd’hui');
  }

  await openScreen(page, 'Tableau de bord', 'Tableau de bord du territoire');
  const figures = page.getByRole('list', { name: 'Chiffres clés' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.activities));
  await expect(figures.getByRole('listitem').filter({ hasText: 'personnes accompagnées' })).toContainText(String(truth.people));
  await expect(figures.getByRole('listitem').filter({ hasText: 'accompagnements individuels' })).toContainText(String(truth.individuel));
  await expect(figures.getByRole('listitem').filter({ hasText: 'ateliers collectifs' })).toContainText(String(truth.collectif));
  // People by gender: each mediator's followed person, a man by her record as last edited, counts once
  // per accompaniment (twice each); the workshops' two women and everyone else "non communiqué".
  const perGenre = page.getByRole('table', { name: 'Personnes par genre' });
  expect(truth.genre.masculin).toBe(2 * TEAM.length);
  for (const [label, code] of [['Masculin', 'masculin'], ['Féminin', 'feminin'], ['Non communiqué', 'non_communique']]) {
    await expect(perGenre.getByRole('row', { name: label }).getByRole('cell')).toHaveText(String(truth.genre[code]));
  }
  // Every mediator is named in the per-mediator table.
  const perAuthor = page.getByRole('table', { name: 'Activités par médiateur' });
  for (const who of TEAM) await expect(perAuthor).toContainText(who.name);

  // A filter narrows the figures.
  await page.getByRole('combobox', { name: 'Commune', exact: true }).selectOption({ label: 'Lormes (58145)' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.lormes));

  // Two filters besides the type have no count rows: the figures are recounted from the activities, and
  // the page says so; back to one filter, it says nothing.
  const recounted = page.getByText('Pas de totaux tenus à jour pour ces filtres');
  const thematique = page.getByRole('combobox', { name: 'Thématique', exact: true });
  await thematique.selectOption({ label: 'Bureautique' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités?$/ }).locator('.stat')).toHaveText(String(truth.bureautiqueInLormesDates.length));
  await expect(recounted).toBeVisible();
  await thematique.selectOption({ label: 'Tous' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.lormes));
  await expect(recounted).toHaveCount(0);
  // The charts are redrawn with the narrowed numbers, not left showing the territory's (each chart's
  // host says which numbers it drew).
  const charts = page.locator('.dashboard-section .chart');
  await expect(charts.first()).toHaveAttribute('data-drawn', /.+/);
  await expect.poll(() => charts.evaluateAll((hosts) => hosts.every((h) => (h as HTMLElement).dataset.drawn === (h as HTMLElement).dataset.want))).toBe(true);

  // The type with the commune: Lormes's workshops, read from the count rows (no "recounted" note).
  const type = page.getByRole('combobox', { name: 'Type d’activité' });
  await type.selectOption({ label: 'Atelier collectif' });
  const workshops = truth.lormesWorkshops;
  expect(workshops.activities).toBeGreaterThan(0);
  expect(workshops.activities).toBeLessThan(truth.lormes);
  const figure = (label: RegExp) => figures.getByRole('listitem').filter({ hasText: label }).locator('.stat');
  await expect(figure(/activités?$/)).toHaveText(String(workshops.activities));
  await expect(figure(/personnes? accompagnées?/)).toHaveText(String(workshops.people));
  await expect(figure(/ateliers? collectifs?$/)).toHaveText(String(workshops.activities));
  await expect(figure(/accompagnements? individuels?$/)).toHaveText('0');
  await expect(figure(/d’accompagnement$/)).toHaveText(new Intl.NumberFormat('fr-FR').format(Math.round(workshops.minutes / 6) / 10));
  await expect(page.getByText('Pas de totaux tenus à jour pour ces filtres')).toHaveCount(0);
  await expect.poll(() => charts.evaluateAll((hosts) => hosts.every((h) => (h as HTMLElement).dataset.drawn === (h as HTMLElement).dataset.want))).toBe(true);
  await type.selectOption({ label: 'Tous' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.lormes));

  // While the figures for new filters are being counted (seconds at a region's scale), the page says so
  // and keeps the previous ones, marked busy; then it shows the new ones and says nothing.
  const status = page.getByRole('status').filter({ hasText: 'Calcul des chiffres pour ces filtres…' });
  const release = await holdTable(page, 'activityStats');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(status).toBeVisible();
  await expect(page.locator('[aria-busy="true"]').getByRole('list', { name: 'Chiffres clés' })).toBeVisible();
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.lormes));
  await release();
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.activities));
  await expect(status).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Commune', exact: true }).selectOption({ label: 'Lormes (58145)' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(truth.lormes));

  // The printed report: no filters, no sidebar, the period said; every table printed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('search', { name: 'Filtres du tableau de bord' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByText('Période\u202f: toutes les activités')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Activités par thématique' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // A drill-down lists the records behind a figure: the bureautique activities in Lormes.
  const perTheme = page.getByRole('table', { name: 'Activités par thématique' });
  const bureautique = perTheme.getByRole('row').filter({ hasText: 'Bureautique' });
  await expect(bureautique).toContainText(String(truth.bureautiqueInLormesDates.length));
  await bureautique.getByRole('link', { name: 'Voir les activités : Bureautique' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités derrière le chiffre' })).toBeVisible();
  const listed = page.getByRole('list', { name: 'Activités derrière le chiffre' }).getByRole('listitem');
  await expect(listed).toHaveCount(truth.bureautiqueInLormesDates.length);
  await expect(listed.first()).toContainText(/Aïcha Benali|Bruno Petit|Chloé Martin|David Leroy|Emma Roux/);

  // A mediator's activity is read-only here: its author is named, no form, no delete.
  await listed.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activité (lecture seule)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'seul son auteur peut la modifier' })).toContainText(/Médiathèque de Lormes|Tiers-lieu|France Services/);
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await openScreen(page, 'Activités');
  await expect(page.getByText('Lecture seule').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Supprimer/ })).toHaveCount(0);

  // Five followed people all coded B-0001, told apart by their authors, and filtered by whose they are.
  await openScreen(page, 'Personnes suivies');
  const people = page.getByRole('list', { name: 'Personnes suivies' }).getByRole('listitem');
  await expect(people).toHaveCount(TEAM.length);
  for (const who of TEAM) await expect(people.filter({ hasText: `B-0001 (${who.name} · ` })).toHaveCount(1);
  const authorFilter = page.getByRole('combobox', { name: 'Auteur' });
  await authorFilter.selectOption(await authorFilter.locator('option', { hasText: 'Bruno Petit' }).getAttribute('value'));
  await expect(people).toHaveCount(1);
  await expect(people).toContainText('B-0001 (Bruno Petit · ');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByRole('combobox', { name: 'Structure' }).selectOption('Médiathèque de Lormes');
  await expect(people).toHaveCount(2);
  await expect(people.filter({ hasText: /Aïcha Benali|Chloé Martin/ })).toHaveCount(2);

  // Her home counts only her own work: nothing logged here, nothing of hers waits to be exported.
  await openScreen(page, 'Accueil', 'Bonjour Claire Martin');
  // Her home is the territory: the team's month, and who went quiet (nobody: all sent today).
  await expect(page.getByRole('heading', { name: 'Votre territoire' })).toBeVisible();
  await expect(page.getByText('médiateur sans nouvelles (sur 5)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vos prochaines séances' })).toHaveCount(0);
  await expect(page.getByText(/changements? faits? ici non exportés?/)).toHaveCount(0);
  await expect(page.getByText(/enregistrements reçus de votre équipe/)).toBeVisible();
});

test('a folder of more than a hundred files imports whole: each file read when its turn comes, the copies recognised', async ({ page }) => {
  test.setTimeout(300_000);
  // The team's 20 bundles and 81 copies of them under other names (files sent twice): 101 files, more
  // than the open dialog's hundred.
  const big = await mkdtemp(join(tmpdir(), 'relais-region-'));
  const names = (await readdir(team.folder)).sort();
  for (const name of names) await copyFile(join(team.folder, name), join(big, name));
  for (let i = 0; i < 81; i++) await copyFile(join(team.folder, names[i % names.length]), join(big, `copie-${String(i).padStart(2, '0')}-${names[i % names.length]}`));
  await startApp(page, { name: 'Claire Martin', role: 'Coordinateur·rice', structure: 'Conseil départemental de la Nièvre' });
  await enrolTeam(page);
  await page.goto('/#/sync/team');
  await page.getByLabel('Phrase de passe des fichiers (facultatif)').fill(TEAM_PASSPHRASE);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir un dossier…' }).click()]);
  await chooser.setFiles(big);
  await expect(page.getByRole('heading', { name: '101 fichiers prêts à importer' })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Importer les 101 fichiers' }).click();
  await expect(page.getByRole('heading', { name: '20 fichiers importés sur 101' })).toBeVisible({ timeout: 120_000 });
  const rows = page.getByRole('table', { name: 'Fichier par fichier' }).getByRole('row');
  await expect(rows).toHaveCount(102);
  await expect(rows.filter({ hasText: 'Déjà importé' })).toHaveCount(81);
  await openScreen(page, 'Tableau de bord', 'Tableau de bord du territoire');
  const figures = page.getByRole('list', { name: 'Chiffres clés' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ })).toContainText(String(team.truth.activities));
});

test('a coordinator exports what the dashboard shows: a mediator and a thématique, and the dashboard\'s filters carried over', async ({ page }) => {
  test.setTimeout(180_000);
  const { truth } = team;
  await startApp(page, { name: 'Claire Martin', role: 'Coordinateur·rice', structure: 'Conseil départemental de la Nièvre' });
  await enrolTeam(page);
  await importTeamFolder(page);

  // On the exports page, the dashboard's filter bar: Bruno Petit's bureautique activities.
  const expected = truth.log.filter((a) => a.author === 'Bruno Petit' && a.thematiques.includes('bureautique'));
  expect(expected.length).toBeGreaterThan(1);
  await openScreen(page, 'Exports');
  const bar = page.getByRole('search', { name: 'Filtres de l’export' });
  const mediator = bar.getByRole('combobox', { name: 'Médiateur' });
  await mediator.selectOption((await mediator.locator('option', { hasText: 'Bruno Petit' }).getAttribute('value'))!);
  await bar.getByRole('combobox', { name: 'Thématique' }).selectOption({ label: 'Bureautique' });
  await expect(page.getByRole('status').filter({ hasText: 'sélectionnées par ces filtres' })).toHaveText(`${expected.length} activités sélectionnées par ces filtres.`);
  await page.getByRole('radio', { name: /^CSV/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  const [header, ...rows] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(await download.path())).trim().split('\r\n');
  expect(header.split(';').at(-1)).toBe('ID CRA');
  // Exactly her bureautique activities, one row per person helped (a workshop's four, one otherwise).
  expect(rows).toHaveLength(expected.reduce((sum, a) => sum + a.people, 0));
  expect([...new Set(rows.map((row) => row.split(';').at(-1)))].sort()).toEqual(expected.map((a) => a.id).sort());
  for (const row of rows) expect(row).toContain('Bureautique');

  // From the dashboard: a commune chosen there, "export these activities" opens the exports with it.
  await openScreen(page, 'Tableau de bord', 'Tableau de bord du territoire');
  await page.getByRole('combobox', { name: 'Commune', exact: true }).selectOption({ label: 'Lormes (58145)' });
  await page.getByRole('link', { name: 'Exporter ces activités' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  await expect(bar.getByRole('combobox', { name: 'Commune', exact: true })).toHaveValue('58145');
  await expect(bar.getByRole('combobox', { name: 'Médiateur' })).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'sélectionnées par ces filtres' })).toHaveText(`${truth.lormes} activités sélectionnées par ces filtres.`);
  await page.getByRole('radio', { name: /^CSV/ }).check();
  const [lormes] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  const lormesRows = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(await lormes.path())).trim().split('\r\n').slice(1);
  const lormesIds = new Set(lormesRows.map((row) => row.split(';').at(-1)));
  expect(lormesIds.size).toBe(truth.lormes);
});

test('the home page fits the role: a trainer sees her next sessions, a mediator her day', async ({ page, browser }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 2);
  await openScreen(page, 'Accueil', 'Bonjour Aïcha Benali');
  const sessions = page.getByRole('list', { name: 'Vos prochaines séances' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').first()).toContainText('Repérer les arnaques');
  await sessions.getByRole('link', { name: /^Animer la séance \W+Repérer les arnaques/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Participants suivis présents' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Votre territoire' })).toHaveCount(0);

  const mediator = await (await browser.newContext()).newPage();
  await startApp(mediator, { name: 'Bruno Petit' });
  await expect(mediator.getByRole('heading', { name: 'Vos prochaines séances' })).toHaveCount(0);
  await expect(mediator.getByRole('heading', { name: 'Votre journée' })).toHaveCount(0);
  await mediator.getByRole('link', { name: /Nouvel accompagnement/ }).first().click();
  await mediator.getByRole('radio', { name: 'À distance' }).check();
  await mediator.getByRole('radio', { name: '30 min' }).check();
  await mediator.getByRole('checkbox', { name: 'Courriel' }).check();
  await saveButton(mediator).click();
  await expect(mediator.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  await openScreen(mediator, 'Accueil', 'Bonjour Bruno Petit');
  await expect(mediator.getByRole('list', { name: 'Votre journée' }).getByRole('listitem')).toHaveCount(1);
  await expect(mediator.locator('.home-stat').filter({ hasText: 'accompagnement ou atelier aujourd’hui' })).toContainText('1');
});
