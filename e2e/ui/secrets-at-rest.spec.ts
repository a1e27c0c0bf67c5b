/**
 * Secrets sealed at rest, checked the way a thief would: a coordinator's browser profile on disk (a
 * persistent Chromium profile in a temporary folder) goes through the first run, exports her card and a
 * signed bundle, imports a bundle encrypted to her card, unlocks her keys again after a reload; then the
 * browser is closed and every file of the profile is read. No private key may be found there — not its
 * bytes, not as a JWK `d`, not as an `AGE-SECRET-KEY-1…` — nor the vault key, nor the passphrase; while
 * the public key and the age recipient are found (the search is not blind).
 *
 * The private bytes are known to the test because the page's WebCrypto is watched from an init script:
 * every key generated extractable (as keys are, just before they are sealed) is exported, in memory only.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bech32 } from '@scure/base';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';
import { KEYS_PASSPHRASE, openScreen, startApp, unlockKeys } from '../support/app';
import { enrolCard, exportMyCard } from '../support/sync';

declare global {
  interface Window {
    __generatedSecrets?: Array<{ algorithm: string; bytes: number[] }>;
  }
}

/** Runs in the page before the app: records what every generated extractable key holds. */
function watchGeneratedKeys(): void {
  const original = crypto.subtle.generateKey.bind(crypto.subtle);
  window.__generatedSecrets = [];
  crypto.subtle.generateKey = (async (...args: Parameters<SubtleCrypto['generateKey']>) => {
    const generated = await original(...args);
    const key = 'privateKey' in generated ? generated.privateKey : generated;
    if (key.extractable) {
      const format = key.type === 'secret' ? 'raw' : 'pkcs8';
      const bytes = new Uint8Array(await crypto.subtle.exportKey(format, key));
      window.__generatedSecrets!.push({ algorithm: key.algorithm.name, bytes: [...(format === 'pkcs8' ? bytes.slice(16) : bytes)] });
    }
    return generated;
  }) as SubtleCrypto['generateKey'];
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await filesUnder(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path());
}

async function chooseFile(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('nothing secret can be read from the profile\'s files after first run, export and import', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const profileDir = await mkdtemp(join(tmpdir(), 'relais-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      ...chromiumLaunchOptions(), baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 }, acceptDownloads: true,
    });
    await context.addInitScript(watchGeneratedKeys);
    const coordinator = context.pages()[0] ?? await context.newPage();

    // Bérénice, coordinator, on the laptop whose disk will be read: first run, then her card.
    await startApp(coordinator, { name: 'Bérénice Martin', role: 'Coordinateur·rice', structure: 'Département de la Nièvre' });
    await openScreen(coordinator, 'Échanges');
    const card = await download(coordinator, 'Exporter ma carte');
    const { signingKey, ageRecipient } = JSON.parse(card.toString('utf8')) as { signingKey: string; ageRecipient: string };
    const generated = await coordinator.evaluate(() => window.__generatedSecrets ?? []);
    expect(generated.map((g) => g.algorithm).sort()).toEqual(['AES-GCM', 'Ed25519', 'X25519']);

    // Aïcha, a mediator on another laptop, sends her a bundle encrypted to that card.
    const mediator = await (await browser.newContext()).newPage();
    await startApp(mediator);
    // Each enrols the other, fingerprints compared: Aïcha encrypts only to enrolled cards, Bérénice
    // imports only from enrolled keys.
    await enrolCard(mediator, card, 'Bérénice Martin', coordinator);
    await enrolCard(coordinator, await exportMyCard(mediator), 'Aïcha Benali', mediator);
    await openScreen(mediator, 'Échanges');
    await mediator.getByRole('radio', { name: 'Tout (sauvegarde complète, pour un nouvel ordinateur)' }).check();
    const toCoordinator = await download(mediator, 'Exporter le fichier');

    // Bérénice imports it (her age key decrypts), and exports a signed bundle of her own.
    await chooseFile(coordinator, 'Ouvrir des fichiers d’échange', 'echange-aicha.relais', toCoordinator);
    const item = coordinator.getByRole('article', { name: 'echange-aicha.relais' });
    await item.getByRole('button', { name: 'Importer' }).click();
    await expect(item.getByText(/Import terminé/)).toBeVisible();
    await coordinator.getByRole('radio', { name: 'Tout (sauvegarde complète, pour un nouvel ordinateur)' }).check();
    await coordinator.getByRole('radio', { name: 'Sans chiffrement' }).check();
    await download(coordinator, 'Exporter le fichier');

    // The next day (a reload): the keys are asked for once, then unsealed from the profile.
    await coordinator.reload();
    await openScreen(coordinator, 'Échanges');
    const [again] = await Promise.all([coordinator.waitForEvent('download'), (async () => {
      await coordinator.getByRole('button', { name: 'Exporter ma carte' }).click();
      await unlockKeys(coordinator);
    })()]);
    expect(JSON.parse((await readFile(await again.path())).toString('utf8')).signingKey).toBe(signingKey);
    await context.close();

    // What a copied disk holds.
    const everywhere = await filesUnder(profileDir);
    const storage = everywhere.filter((path) => /IndexedDB|leveldb|Local Storage|Session Storage/i.test(path));
    expect(storage.some((path) => path.includes('IndexedDB'))).toBe(true);
    const contents = new Map<string, Buffer>();
    for (const path of everywhere) if ((await stat(path)).size < 64 * 1024 * 1024) contents.set(path, await readFile(path));
    const holding = (needle: Buffer, paths: Iterable<string>) => [...paths].filter((path) => contents.get(path)?.includes(needle));

    // Not blind: the public halves are stored in clear, and found.
    expect(holding(Buffer.from(signingKey), storage)).not.toEqual([]);
    expect(holding(Buffer.from(ageRecipient), storage)).not.toEqual([]);

    const secrets: Array<[string, Buffer]> = [['the passphrase', Buffer.from(KEYS_PASSPHRASE)]];
    for (const { algorithm, bytes } of generated) {
      const raw = Buffer.from(bytes);
      secrets.push([`${algorithm} key bytes`, raw], [`${algorithm} key as base64url (a JWK "d")`, Buffer.from(raw.toString('base64url'))]);
      secrets.push([`${algorithm} key as base64`, Buffer.from(raw.toString('base64'))], [`${algorithm} key as hex`, Buffer.from(raw.toString('hex'))]);
      if (algorithm === 'X25519') {
        const identity = bech32.encodeFromBytes('AGE-SECRET-KEY-', new Uint8Array(raw)).toUpperCase();
        secrets.push(['the age identity', Buffer.from(identity)], ['the age identity, lower case', Buffer.from(identity.toLowerCase())]);
      }
    }
    for (const [what, needle] of secrets) expect(holding(needle, contents.keys()), what).toEqual([]);
    expect(holding(Buffer.from('AGE-SECRET-KEY-1'), storage), 'an age identity prefix in the stored data').toEqual([]);
    expect(holding(Buffer.from('"d":"'), storage), 'a private JWK in the stored data').toEqual([]);
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
});
