/**
 * Synced folders (issue 14), through the UI, with the desktop shell stood in for (e2e/support/
 * desktopShell.ts): the mediator chooses an outbox and sends; the file lands in the coordinator's
 * inbox, which holds it (the sender is not enrolled there) until the coordinator compares fingerprints
 * and enrols her from its preview; the next file imports with no click and a notice; the same bytes
 * again are recognised and skipped. A browser without the shell explains why the folders are absent.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { navLink, openScreen, startApp } from '../support/app';
import { arriveInInbox, quitApp, setFolderAvailable, takeOutbox, useFakeDesktopShell } from '../support/desktopShell';
import { enrolCard, exportMyCard, fingerprintIn, myFingerprint } from '../support/sync';

async function followSomeone(page: Page, code: string): Promise<void> {
  await navLink(page, 'Personnes suivies').click();
  await page.getByRole('link', { name: 'Nouvelle personne suivie' }).click();
  await page.getByLabel('Code').fill(code);
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await page.getByLabel('Statut').selectOption({ label: 'Retraité·e' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('link', { name: new RegExp(code) })).toBeVisible();
}

/** Serious and critical axe violations of the screen shown (WCAG 2 A and AA), one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function folderSection(page: Page) {
  return page.getByRole('region', { name: 'Dossiers synchronisés' });
}

async function chooseFolder(page: Page, label: 'Dossier d’envoi' | 'Dossier de réception', shown: string): Promise<void> {
  await openScreen(page, 'Paramètres');
  const row = folderSection(page).getByRole('group', { name: label });
  await row.getByRole('button', { name: 'Choisir un dossier…' }).click();
  await expect(row.getByText(shown)).toBeVisible();
}

/** The mediator presses "Send now"; returns the one file her outbox received. */
async function sendNow(page: Page): Promise<{ fileName: string; bytes: number[] }> {
  await openScreen(page, 'Paramètres');
  await folderSection(page).getByRole('button', { name: 'Envoyer maintenant' }).click();
  const files: Array<{ fileName: string; bytes: number[] }> = [];
  await expect.poll(async () => files.push(...await takeOutbox(page)), { timeout: 30_000 }).toBe(1);
  await expect(page.getByText('1 fichier d’échange déposé dans le dossier d’envoi.').last()).toBeVisible();
  expect(files[0].fileName).toMatch(/^relais-mediatheque-de-lormes-aicha-benali-.*\.relais$/);
  return files[0];
}

test('the outbox sends, the inbox holds a stranger\'s bundle, imports an enrolled sender\'s with no click, and skips a file seen before', async ({ browser }) => {
  test.setTimeout(240_000);
  const coordinator = await (await browser.newContext()).newPage();
  const mediator = await (await browser.newContext()).newPage();
  await useFakeDesktopShell(coordinator);
  await useFakeDesktopShell(mediator);
  await startApp(coordinator, { name: 'Bérénice Martin', role: 'Coordinateur·rice', structure: 'Département de la Nièvre' });
  await startApp(mediator);

  // Aïcha enrols her coordinator (the outbox writes to enrolled coordinators only), but Bérénice has
  // not enrolled Aïcha yet.
  await enrolCard(mediator, await exportMyCard(coordinator), 'Bérénice Martin', coordinator);
  await chooseFolder(mediator, 'Dossier d’envoi', 'Nextcloud / Relais-envoi');
  await chooseFolder(coordinator, 'Dossier de réception', 'Nextcloud / Relais-arrivee');
  await expect(folderSection(coordinator).getByText('Nextcloud / Relais-arrivee')).toBeVisible();
  expect(await seriousViolations(coordinator)).toEqual([]);

  // 1. A stranger's bundle waits for a decision; the coordinator enrols her from its preview.
  await followSomeone(mediator, 'B-0001');
  const first = await sendNow(mediator);
  await arriveInInbox(coordinator, first.fileName, first.bytes);
  await expect(coordinator.getByText('Un fichier d’échange d’Aïcha Benali attend votre décision (écran Échanges).')).toBeVisible({ timeout: 30_000 });
  await openScreen(coordinator, 'Échanges');
  const inbox = coordinator.getByRole('region', { name: 'Arrivés dans le dossier de réception' });
  await expect(inbox.getByText('Appareil non inscrit ici').first()).toBeVisible();
  expect(await seriousViolations(coordinator)).toEqual([]);
  await inbox.getByRole('button', { name: 'Ouvrir l’aperçu' }).click();
  const preview = coordinator.getByRole('article', { name: first.fileName });
  await expect(preview.getByText('Fichier retenu : il n’est pas importé.'.replace(' :', '\u00a0:'))).toBeVisible({ timeout: 30_000 });
  const aichaPrint = await myFingerprint(mediator);
  await preview.getByRole('button', { name: 'Inscrire cet appareil…' }).click();
  const dialog = coordinator.getByRole('dialog', { name: 'Inscrire Aïcha Benali\u202f?' });
  expect(await fingerprintIn(dialog)).toBe(aichaPrint);
  await dialog.getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
  await preview.getByRole('button', { name: 'Importer' }).click();
  await expect(preview.getByText(/Import terminé\s:\s1 nouvelle/)).toBeVisible();
  await expect(inbox.getByRole('button', { name: 'Ouvrir l’aperçu' })).toHaveCount(0);

  // 2. Now enrolled: the next bundle imports with no click, and a notice says what came in.
  await followSomeone(mediator, 'B-0002');
  const second = await sendNow(mediator);
  await arriveInInbox(coordinator, second.fileName, second.bytes);
  await expect(coordinator.getByText('Paquet d’Aïcha Benali importé\u00a0: 1 fiche nouvelle ou modifiée.')).toBeVisible({ timeout: 30_000 });
  await navLink(coordinator, 'Personnes suivies').click();
  await expect(coordinator.getByRole('link', { name: /B-0002/ })).toBeVisible();

  // 3. The same bytes again, under another name: recognised, not imported twice, no notice.
  await arriveInInbox(coordinator, 'copie-du-meme-envoi.relais', second.bytes);
  await openScreen(coordinator, 'Échanges');
  const history = inbox.getByRole('table');
  await expect(history.getByRole('row')).toHaveCount(3); // header, the held-then-imported one, the imported one
  await expect(history.getByRole('cell', { name: second.fileName })).toBeVisible();
  await expect(history.getByRole('cell', { name: 'copie-du-meme-envoi.relais' })).toHaveCount(0);

  // 4. The home card: last received, and a folder that went away (a USB stick) said plainly.
  await setFolderAvailable(coordinator, 'inbox', false);
  await openScreen(coordinator, 'Accueil', 'Bonjour Bérénice Martin');
  const card = coordinator.getByRole('region', { name: 'Dossiers synchronisés' });
  await expect(card.getByText('Dernière réception')).toBeVisible();
  await expect(card.getByText(/Le dossier de réception est introuvable/)).toBeVisible();
  expect(await seriousViolations(coordinator)).toEqual([]);
});

test('the outbox writes every hour while open, on quit, and again when an absent folder is back', async ({ browser }) => {
  test.setTimeout(180_000);
  const coordinator = await (await browser.newContext()).newPage();
  const mediator = await (await browser.newContext()).newPage();
  await useFakeDesktopShell(mediator);
  await mediator.clock.install();
  await startApp(coordinator, { name: 'Bérénice Martin', role: 'Coordinateur·rice', structure: 'Département de la Nièvre' });
  await startApp(mediator);
  await enrolCard(mediator, await exportMyCard(coordinator), 'Bérénice Martin', coordinator);
  await chooseFolder(mediator, 'Dossier d’envoi', 'Nextcloud / Relais-envoi');
  const outbox: Array<{ fileName: string }> = [];
  const received = async () => outbox.push(...await takeOutbox(mediator));

  // Every hour while open, when something changed.
  await followSomeone(mediator, 'B-0001');
  await received();
  expect(outbox).toEqual([]);
  await mediator.clock.fastForward('01:00:01');
  await expect.poll(received, { timeout: 30_000 }).toBe(1);

  // Nothing changed: the next hour writes nothing.
  await mediator.clock.fastForward('01:00:01');
  await mediator.waitForTimeout(1000);
  expect(await received()).toBe(1);

  // The USB stick is out: Send now says so; once it is back, Relais tries again by itself.
  await setFolderAvailable(mediator, 'outbox', false);
  await followSomeone(mediator, 'B-0002');
  await openScreen(mediator, 'Paramètres');
  await folderSection(mediator).getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(mediator.getByText('Le dossier d’envoi est introuvable\u00a0: rien n’a été envoyé. Relais réessaiera.')).toBeVisible();
  await expect(folderSection(mediator).getByText(/Le dossier d’envoi est introuvable \(clé USB débranchée/)).toBeVisible();
  await setFolderAvailable(mediator, 'outbox', true);
  await mediator.clock.fastForward('01:05');
  await expect.poll(received, { timeout: 30_000 }).toBe(2);

  // Quitting writes what changed since.
  await followSomeone(mediator, 'B-0003');
  await quitApp(mediator);
  expect(await received()).toBe(3);
  expect(new Set(outbox.map((file) => file.fileName)).size).toBe(3);
});

test('a browser keeps manual files: Settings says why there are no synced folders', async ({ page }) => {
  await startApp(page);
  await openScreen(page, 'Paramètres');
  const section = folderSection(page);
  await expect(section.getByText(/ne sont disponibles que dans l’application de bureau/)).toBeVisible();
  await expect(section.getByRole('button')).toHaveCount(0);
});
