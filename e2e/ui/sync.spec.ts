/**
 * Sync by bundle files between two laptops, each a browser context with its own database:
 * coordinator B hands out her card; mediator A enrols it (comparing fingerprints), logs an activity and
 * exports a bundle encrypted to B; B, who enrolled A's card the same way, previews and imports it, and
 * finds A's activity. Re-imports, damaged copies and passphrase bundles get their answers.
 */
import { expect, test, type Page } from '@playwright/test';
import { openMoreDetails, saveButton } from '../support/activityForm';
import { navLink, openScreen, startApp } from '../support/app';
import { chooseFile, enrolCard, exportBundle, exportMyCard } from '../support/sync';

/** A short individual session at a distance, about e-mail. */
async function logActivity(page: Page): Promise<void> {
  await page.goto('/#/activities/new?type=individuel');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel accompagnement individuel' })).toBeVisible();
  await page.getByRole('radio', { name: '45 min' }).check();
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByRole('checkbox', { name: 'Courriel' }).check();
  await page.getByRole('radio', { name: 'Autonome avec guidage en cas de besoin' }).check();
  await page.getByRole('radio', { name: 'Non' }).check();
  await openMoreDetails(page); // tags are folded with the notes
  await page.getByLabel('Étiquettes').fill('envoi-relais');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
}

test('a mediator sends her activity to her coordinator by bundle file', async ({ browser }) => {
  test.setTimeout(180_000);
  const coordinator = await (await browser.newContext()).newPage();
  const mediator = await (await browser.newContext()).newPage();

  // B: coordinator, exports her card; A: mediator, exports hers. Each enrols the other's by fingerprint.
  await startApp(coordinator, { name: 'Bérénice Martin', role: 'Coordinateur·rice', structure: 'Département de la Nièvre' });
  await startApp(mediator);
  await enrolCard(mediator, await exportMyCard(coordinator), 'Bérénice Martin', coordinator);
  await enrolCard(coordinator, await exportMyCard(mediator), 'Aïcha Benali', mediator);

  // A logs an activity and exports a bundle for B.
  await logActivity(mediator);
  // Home counts what waits for an export.
  await navLink(mediator, 'Accueil').click();
  await expect(mediator.getByRole('region', { name: 'Changements à transmettre' })).toContainText(/\d+ changements? faits? ici non exportés? depuis le/);
  await openScreen(mediator, 'Échanges');
  await expect(mediator.getByRole('radio', { name: 'Pour un·e coordinateur·rice (sa carte)' })).toBeChecked();
  await expect(mediator.getByLabel('Destinataire')).toHaveValue(/.+/);
  const bundle = await exportBundle(mediator);
  await navLink(mediator, 'Accueil').click();
  await expect(mediator.getByRole('region', { name: 'Changements à transmettre' })).toContainText('Tout a été exporté.');
  await openScreen(mediator, 'Échanges');

  // B: opens it, sees who sent it and what will change, imports.
  await chooseFile(coordinator, 'Ouvrir des fichiers d’échange', 'echange-aicha.relais', bundle);
  const item = coordinator.getByRole('article', { name: 'echange-aicha.relais' });
  await expect(item.getByText('Aïcha Benali (Médiathèque de Lormes)')).toBeVisible();
  await expect(item.getByText('Inscrit ici — signature valide.')).toBeVisible();
  await expect(item.getByRole('list', { name: 'Ce que l’import changera' }).getByText('nouvelle fiche', { exact: true })).toBeVisible();
  await item.getByRole('button', { name: 'Importer' }).click();
  await expect(item.getByText(/Import terminé\s:\s1 nouvelle/)).toBeVisible();
  await navLink(coordinator, 'Activités').click();
  await expect(coordinator.getByRole('region', { name: 'Liste des activités' })
    .getByRole('link', { name: /Accompagnement individuel Courriel 45 minutes · À distance/ })).toBeVisible();

  // The same file again: recognised, nothing changes.
  await openScreen(coordinator, 'Échanges');
  await expect(coordinator.getByRole('table').getByText('echange-aicha.relais')).toBeVisible();
  await chooseFile(coordinator, 'Ouvrir des fichiers d’échange', 'echange-aicha.relais', bundle);
  await expect(coordinator.getByText(/Ce fichier a déjà été importé le/)).toBeVisible();

  // A damaged copy: refused with its message.
  const damaged = Buffer.from(bundle);
  damaged[Math.floor(damaged.length * 0.6)] ^= 0xff;
  await chooseFile(coordinator, 'Ouvrir des fichiers d’échange', 'abime.relais', damaged);
  await expect(coordinator.getByRole('article', { name: 'abime.relais' }).getByRole('alert'))
    .toHaveText('La partie chiffrée de ce fichier est endommagée : elle ne peut pas être déchiffrée. Demandez qu’on vous le renvoie.');

  // A passphrase bundle: the wrong passphrase is refused, the right one opens it.
  await mediator.getByRole('radio', { name: 'Tout (sauvegarde complète, pour un nouvel ordinateur)' }).check();
  await mediator.getByRole('radio', { name: 'Avec une phrase de passe' }).check();
  await mediator.getByLabel('Phrase de passe', { exact: true }).fill('le bus de Lormes passe à midi');
  await expect(mediator.getByText('Solide', { exact: true })).toBeVisible();
  const withPassphrase = await exportBundle(mediator);
  await chooseFile(coordinator, 'Ouvrir des fichiers d’échange', 'sauvegarde.relais', withPassphrase);
  const locked = coordinator.getByRole('article', { name: 'sauvegarde.relais' });
  await locked.getByLabel('Phrase de passe de ce fichier').fill('le bus de Lormes passe à minuit');
  await locked.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(locked.getByRole('alert')).toHaveText('Phrase de passe incorrecte.', { timeout: 30_000 });
  await locked.getByLabel('Phrase de passe de ce fichier').fill('le bus de Lormes passe à midi');
  await locked.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(locked.getByText('fiche inchangée', { exact: true })).toBeVisible({ timeout: 30_000 });
  await locked.getByRole('button', { name: 'Importer' }).click();
  await expect(locked.getByText(/Import terminé/)).toBeVisible();
});
