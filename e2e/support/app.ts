/**
 * Shared steps for end-to-end tests: every test starts in a fresh browser context, so with an empty
 * database; `startApp` opens the app and completes the first run as a mediator would.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface FirstRunOptions {
  name?: string;
  role?: 'Médiateur·rice' | 'Coordinateur·rice' | 'Formateur·rice';
  structure?: string;
  /** The passphrase sealing this laptop's keys (a browser has no OS keychain). */
  keysPassphrase?: string;
}

/** Four uncommon words: accepted by the passphrase judge. */
export const KEYS_PASSPHRASE = 'lanterne-cirque-poivre-falaise';

/** Fills a passphrase field being chosen (and its confirmation) and waits for the judge to accept it. */
export async function choosePassphrase(scope: Page | Locator, label: string, passphrase: string, confirm = true): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(passphrase);
  if (confirm) await scope.getByLabel('Retapez la phrase de passe').fill(passphrase);
  await expect(scope.getByText('Solide', { exact: true })).toBeVisible();
}

/** Types this laptop's passphrase in the dialog that asks for it once per session. */
export async function unlockKeys(page: Page, passphrase = KEYS_PASSPHRASE): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Déverrouiller les clés de cet ordinateur' });
  await dialog.getByLabel('Phrase de passe de cet ordinateur').fill(passphrase);
  await dialog.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(dialog).toBeHidden();
}

export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(`/#${path}`);
}

/** Opens the app in French and completes the first-run form. */
export async function startApp(page: Page, options: FirstRunOptions = {}): Promise<void> {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
  await page.getByLabel('Votre nom affiché').fill(options.name ?? 'Aïcha Benali');
  await page.getByRole('radio', { name: options.role ?? 'Médiateur·rice' }).check();
  await page.getByLabel('Votre structure').fill(options.structure ?? 'Médiathèque de Lormes');
  // The button waits for the shell to say whether an OS keychain seals the keys; without one (a
  // browser, Linux with no keyring) the first run also chooses the passphrase that will.
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeEnabled();
  if (await page.getByLabel('Phrase de passe de cet ordinateur', { exact: true }).count() > 0) {
    await choosePassphrase(page, 'Phrase de passe de cet ordinateur', options.keysPassphrase ?? KEYS_PASSPHRASE);
  }
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
}

/** Picks a commune in a CommunePicker labelled `label` by typing `query` and choosing `name`. */
export async function pickCommune(page: Page, label: string | RegExp, query: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(query);
  await page.getByRole('option', { name: new RegExp(`^${name}\\b`) }).first().click();
}

/** A link of the sidebar, by its visible name. */
export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name });
}

/** Opens a screen from the sidebar and waits for its title (the screen's h1, which may differ from the link). */
export async function openScreen(page: Page, link: string, heading: string = link): Promise<void> {
  await navLink(page, link).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}
