/**
 * Fifteen a day (issue 13, mediators): an individual activity with its usual details — today, the
 * usual place, duration and equipment, one theme, the person's autonomy — in at most 5 clicks or at
 * most 20 key presses, counted (e2e/support/counting.ts) and printed. Then what makes the next one
 * fast: focus after saving, save and start the next, duplicate, the shortcuts and their help panel,
 * the folded details remembered.
 */
import { expect, test, type Page } from '@playwright/test';
import { activityLink, moreDetails, openMoreDetails, saveAndNewButton, saveButton } from '../support/activityForm';
import { openApp, openScreen, pickCommune, startApp } from '../support/app';
import { EffortCounter } from '../support/counting';

const SHOTS = process.env.SHOTS;

async function loadDemo(page: Page): Promise<void> {
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/éléments de démonstration présents/)).toBeVisible();
}

/** What the list says about the newest activity it shows, and the activity's values through its form. */
async function expectLogged(page: Page, row: RegExp, details: { place: string; duration: string; materiel: string; autonomie: string }) {
  const list = page.getByRole('region', { name: 'Liste des activités' });
  const link = activityLink(list, row.source).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier l’activité' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lieu', exact: true }).locator('option:checked')).toHaveText(details.place);
  await expect(page.getByRole('radio', { name: details.duration })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: details.materiel })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Courriel' })).toBeChecked();
  await expect(page.getByRole('radio', { name: details.autonomie })).toBeChecked();
  await page.getByRole('button', { name: 'Annuler' }).click();
}

test('an individual activity with its usual details: at most 5 clicks or 20 key presses (counts printed)', async ({ page }, testInfo) => {
  await startApp(page);
  await loadDemo(page);
  await openScreen(page, 'Activités');

  // The day's first activity: nothing is remembered on this laptop yet.
  const first = new EffortCounter(page);
  await first.click(page.getByRole('link', { name: 'Nouvel accompagnement' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel accompagnement individuel' })).toBeVisible();
  await first.click(page.getByRole('radio', { name: 'Lieu d’activité' }));
  await first.choose(page.getByRole('combobox', { name: 'Lieu', exact: true }), 'Médiathèque de Lormes — Lormes');
  await first.click(page.getByRole('radio', { name: '30 min' }));
  await first.click(page.getByRole('checkbox', { name: 'Ordinateur' }));
  await first.click(page.getByRole('checkbox', { name: 'Courriel' }));
  await first.click(page.getByRole('radio', { name: 'Autonome avec guidage en cas de besoin' }));
  await first.click(saveButton(page));
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();

  // The next one, with the mouse: the place, duration and equipment are remembered.
  const mouse = new EffortCounter(page);
  await mouse.click(page.getByRole('link', { name: 'Nouvel accompagnement' }));
  await expect(page.getByRole('checkbox', { name: 'Ordinateur' })).toBeChecked();
  await mouse.click(page.getByRole('checkbox', { name: 'Courriel' }));
  await mouse.click(page.getByRole('radio', { name: 'Autonome', exact: true }));
  await mouse.click(saveButton(page));
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  await expect(page.getByText('Activité enregistrée.').last()).toBeVisible();

  // And one with the keyboard alone, from where the focus landed after saving.
  const keyboard = new EffortCounter(page);
  await keyboard.press('Alt+KeyN');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel accompagnement individuel' })).toBeVisible();
  // The cursor waits on the themes, one Tab stop: letters jump to a theme.
  await expect(page.getByRole('checkbox', { name: 'Diagnostic numérique' })).toBeFocused();
  await keyboard.type('c');
  await expect(page.getByRole('checkbox', { name: 'Courriel' })).toBeFocused();
  await keyboard.press('Space');
  await keyboard.press('Tab'); // equipment (remembered)
  await expect(page.getByRole('checkbox', { name: 'Ordinateur' })).toBeFocused();
  await keyboard.press('Tab'); // followed person: none, anonymous
  await keyboard.press('Tab'); // "create a followed person"
  await keyboard.press('Tab'); // autonomy
  await keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Autonome avec guidage en cas de besoin' })).toBeChecked();
  await keyboard.press('Control+KeyS');
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();

  const report = [
    `first activity of the day (nothing remembered): ${first.summary()}`,
    `usual activity with the mouse: ${mouse.summary()}`,
    `usual activity with the keyboard: ${keyboard.summary()}`,
  ];
  for (const line of report) testInfo.annotations.push({ type: 'effort', description: line });
  console.log(`Effort to log an individual activity:\n  ${report.join('\n  ')}`);
  expect(mouse.clicks).toBeLessThanOrEqual(5);
  expect(keyboard.presses).toBeLessThanOrEqual(20);
  expect(keyboard.keys).toBeLessThanOrEqual(20);

  // All three were saved with their usual details.
  await page.reload();
  const expected = { place: 'Médiathèque de Lormes — Lormes', duration: '30 min', materiel: 'Ordinateur' };
  await expect(page.locator('.list-count')).toHaveText('13 activités'); // the demo's 10, and these 3
  await expectLogged(page, /Courriel 30 minutes · Lormes/, { ...expected, autonomie: 'Autonome avec guidage en cas de besoin' });
});

test('after saving, the cursor is on the saved activity; save and start the next keeps place and day', async ({ page }) => {
  await startApp(page);
  await loadDemo(page);
  await openApp(page, '/activities/new?type=individuel');
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByLabel('Date').fill('2026-03-10');
  await page.getByRole('checkbox', { name: 'Bureautique' }).check();
  // The shortcut is shown on the button and announced to screen readers.
  await expect(saveAndNewButton(page)).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+S');
  await expect(saveAndNewButton(page)).toContainText('Ctrl+Maj+S');
  await saveAndNewButton(page).click();

  // A fresh form, same day and same place, the cursor on the themes, nothing to restore.
  await expect(page.getByText('Activité enregistrée.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel accompagnement individuel' })).toBeVisible();
  await expect(page.getByLabel('Date')).toHaveValue('2026-03-10');
  await expect(page.getByRole('radio', { name: 'À distance' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Bureautique' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Diagnostic numérique' })).toBeFocused();
  await page.getByRole('checkbox', { name: 'Réseaux sociaux' }).check();
  await saveButton(page).click();

  // The list, with the cursor on the activity just saved (an old date: far down the list).
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  const saved = activityLink(page.getByRole('region', { name: 'Liste des activités' }), 'Réseaux sociaux');
  await expect(saved).toBeFocused();
  await expect(saved).toContainText('10 mars 2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier l’activité' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Réseaux sociaux' })).toBeChecked();

});

test('an activity is duplicated from the list or its form', async ({ page }) => {
  await startApp(page);
  await loadDemo(page);
  await openScreen(page, 'Activités');
  const list = page.getByRole('region', { name: 'Liste des activités' });
  const source = activityLink(list, 'Premiers pas sur la tablette');
  await expect(source).toHaveCount(1);
  await list.getByRole('link', { name: /^Dupliquer l’activité « Premiers pas sur la tablette »/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Copie d’une activité' })).toBeVisible();
  await expect(page.getByLabel('Titre de l’atelier')).toHaveValue('Premiers pas sur la tablette');
  await saveButton(page).click();
  await expect(activityLink(list, 'Premiers pas sur la tablette')).toHaveCount(2);

  // From the edit form too.
  await activityLink(list, 'Premiers pas sur la tablette').first().click();
  await page.getByRole('link', { name: 'Dupliquer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Copie d’une activité' })).toBeVisible();
  await saveButton(page).click();
  await expect(activityLink(list, 'Premiers pas sur la tablette')).toHaveCount(3);
});

test('shortcuts are shown, and "?" opens the keyboard help (the sidebar button too)', async ({ page }) => {
  await startApp(page);
  await openScreen(page, 'Activités');
  const newLink = page.getByRole('link', { name: 'Nouvel accompagnement' });
  await expect(newLink).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
  await expect(newLink).toContainText('Alt+N');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('region', { name: 'Partout' })).toContainText('Alt+NNouvel accompagnement individuel');
  await expect(help.getByRole('region', { name: 'Dans le formulaire d’une activité' })).toContainText('Ctrl+SEnregistrer');
  await expect(help.getByRole('button', { name: 'Fermer' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Typing "?" in a field types it, and the sidebar button opens the same help.
  await page.getByLabel('Rechercher').fill('');
  await page.getByLabel('Rechercher').press('?');
  await expect(page.getByLabel('Rechercher')).toHaveValue('?');
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: /^Raccourcis clavier/ }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Fermer' }).click();

  // Alt+W opens a new workshop from anywhere.
  await page.keyboard.press('Alt+KeyW');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel atelier collectif' })).toBeVisible();
  if (SHOTS) {
    await page.keyboard.press('?');
    await page.screenshot({ path: `${SHOTS}/shortcuts-help-fr-1280.png` });
  }
});

test('the folded details remember being open or closed, and open by themselves on an error', async ({ page }) => {
  await startApp(page);
  await openApp(page, '/activities/new?type=individuel');
  await expect(moreDetails(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Notes')).toBeHidden();
  await openMoreDetails(page);
  await page.reload();
  await expect(moreDetails(page)).toHaveAttribute('aria-expanded', 'true');
  await moreDetails(page).click();
  await expect(moreDetails(page)).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(moreDetails(page)).toHaveAttribute('aria-expanded', 'false');

  // Notes count their characters; too long, the error summary item opens the section and focuses the field.
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByRole('checkbox', { name: 'Courriel' }).check();
  await openMoreDetails(page);
  const notes = page.getByLabel('Notes');
  await notes.fill('Aide pour un courriel.');
  await expect(page.getByText('22 / 4 000 caractères')).toBeVisible();
  await notes.fill('x'.repeat(4003));
  await expect(page.getByText('3 caractères en trop')).toBeVisible();
  await expect(notes).toHaveValue('x'.repeat(4003)); // typing is never cut
  await moreDetails(page).click();
  await saveButton(page).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(moreDetails(page)).toHaveAttribute('aria-expanded', 'true');
  await moreDetails(page).click();
  await summary.getByRole('button', { name: 'Notes — 4000 caractères au plus.' }).click();
  await expect(moreDetails(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(notes).toBeFocused();
});

test('dates before 2015 or after tomorrow are refused, with the bound in the message', async ({ page }) => {
  await startApp(page);
  await loadDemo(page);
  await openApp(page, '/activities/new?type=individuel');
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByRole('checkbox', { name: 'Courriel' }).check();
  const date = page.getByLabel('Date');
  await expect(date).toHaveAttribute('min', '2015-01-01');
  await date.fill('2014-12-31');
  await saveButton(page).click();
  await expect(page.getByText('La date ne peut pas être antérieure au 1 janvier 2015.').first()).toBeVisible();
  await date.fill('2099-01-01');
  await saveButton(page).click();
  await expect(page.locator('.error-summary')).toContainText(/Date — La date ne peut pas être postérieure au \d+ \S+ \d{4}\./);
  // The summary item takes the cursor to the date.
  await page.locator('.error-summary').getByRole('button', { name: /^Date — / }).click();
  await expect(date).toBeFocused();
  // Nothing was stored: the demo's ten activities only.
  await openScreen(page, 'Activités');
  await expect(page.locator('.list-count')).toHaveText('10 activités');

  // A village diagnostic too.
  await openScreen(page, 'Villages');
  await page.getByRole('link', { name: /Arvieu/ }).first().click();
  await page.getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await page.getByLabel('Date du diagnostic').fill('0026-03-16');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('La date ne peut pas être antérieure au 1 janvier 2015.');
});

test('a followed person’s page lists their activities and workshops; their code finds their activities', async ({ page }) => {
  await startApp(page);
  await openApp(page, '/activities/new?type=individuel');
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByRole('checkbox', { name: 'Courriel' }).check();
  await page.getByRole('button', { name: 'Créer une personne suivie' }).click();
  const person = page.getByRole('group', { name: 'Nouvelle personne suivie' });
  await person.getByRole('radio', { name: 'Féminin' }).check();
  await person.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await person.getByLabel('Statut').selectOption({ label: 'Retraité·e' });
  await person.getByRole('button', { name: 'Créer et choisir cette personne' }).click();
  await expect(page.getByLabel('Personne suivie', { exact: true }).locator('option:checked')).toHaveText('B-0001');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  // Another, for nobody: not in her history.
  await openApp(page, '/activities/new?type=individuel');
  await page.getByRole('checkbox', { name: 'Santé' }).check();
  await saveButton(page).click();
  await expect(page.locator('.list-count')).toHaveText('2 activités');

  // Searching her code finds her activity only.
  await page.getByLabel('Rechercher').fill('B-0001');
  await expect(page.locator('.list-count')).toHaveText('1 activité');
  await expect(activityLink(page, 'Courriel')).toBeVisible();

  // A workshop series she is enrolled in.
  await openScreen(page, 'Ateliers');
  await page.getByRole('link', { name: 'Modèles d’ateliers' }).click();
  await page.getByRole('button', { name: 'Créer une série : Repérer les arnaques' }).click();
  await page.getByRole('radio', { name: 'Dans une commune (sans lieu enregistré)' }).check();
  await pickCommune(page, 'Commune', 'Lormes', 'Lormes');
  await page.getByRole('button', { name: 'Créer la série' }).click();
  await page.getByLabel('Inscrire une personne déjà suivie').selectOption({ label: 'B-0001' });
  await expect(page.getByRole('list', { name: 'Participants suivis' }).getByText('B-0001')).toBeVisible();

  await openScreen(page, 'Personnes suivies');
  await page.getByRole('link', { name: /B-0001/ }).click();
  const history = page.getByRole('region', { name: 'Historique de B-0001' });
  await expect(history.getByRole('heading', { level: 3, name: '1 activité' })).toBeVisible();
  await expect(history.getByRole('link', { name: /Courriel/ })).toBeVisible();
  await expect(history.getByRole('link', { name: /Santé/ })).toHaveCount(0);
  await expect(history.getByRole('heading', { level: 3, name: '1 série d’ateliers' })).toBeVisible();
  await expect(history).toContainText('Repérer les arnaques · 0 séance suivie sur 1');
  await history.getByRole('link', { name: /Voir ses activités/ }).click();
  await expect(page.getByLabel('Rechercher')).toHaveValue('B-0001');
  await expect(page.locator('.list-count')).toHaveText('1 activité');
});

test('empty states say what is true on a fresh install', async ({ page }) => {
  await startApp(page);
  const toSurvey = page.getByRole('region', { name: 'Villages sans diagnostic' });
  await expect(toSurvey).toContainText('Vous ne suivez encore aucun village.');
  await expect(toSurvey).not.toContainText('Tous vos villages');
  await expect(page.getByRole('region', { name: 'Changements à transmettre' })).toContainText('Rien à exporter pour l’instant');
  await expect(page.getByRole('region', { name: 'Changements à transmettre' })).not.toContainText('Tout a été exporté');
  await openScreen(page, 'Diagnostics');
  await expect(page.getByText('ajoutez d’abord un village', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Ajouter un village' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('village');
});

test('an exchange file is named after the structure, the sender and the date, in safe characters', async ({ page }) => {
  await startApp(page, { name: 'Aïcha Benali / CNFS', structure: 'Médiathèque de Lormes 🏡' });
  await openApp(page, '/activities/new?type=individuel');
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByRole('checkbox', { name: 'Courriel' }).check();
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  await openScreen(page, 'Échanges');
  await page.getByRole('radio', { name: 'Sans chiffrement' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le fichier' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^relais-mediatheque-de-lormes-aicha-benali-cnfs-\d{4}-\d{2}-\d{2}-\d{4}\.relais$/);
});

test('the village page shows the whole diagnostic and the département by name', async ({ page }) => {
  await startApp(page);
  await loadDemo(page);
  await openScreen(page, 'Villages');
  await page.getByRole('link', { name: /Lormes/ }).first().click();
  await expect(page.locator('.village-facts')).toContainText('DépartementNièvre (58)');
  const latest = page.getByRole('region', { name: 'Dernier diagnostic' });
  await expect(latest).toContainText('Nombre de points d’accès publics à internet6');
  await expect(latest).toContainText('Lieux présents dans le villageMédiathèque de Lormes, France Services de Lormes');
  await expect(latest).toContainText('Fibre arrivée dans le bourg ; les hameaux restent en ADSL.');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/village-fr-1280.png`, fullPage: true });
});
