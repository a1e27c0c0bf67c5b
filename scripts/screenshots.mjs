// Screenshots of every main screen, in French and English, at 1280×800 and 1024×640, with the
// demo data loaded: `node scripts/screenshots.mjs [dist] [outDir] [languages…]` after
// `npm run build:renderer`. Languages default to fr and en; the pseudo-languages en-XA (accented,
// longer) and ar-XB (right to left) show cut-off and mirrored layouts (docs/i18n.md).
// SCREENS=/a,/b limits the screens; FULL_PAGE=1 takes whole pages (long forms, Settings). For looking at
// what we build; not part of the tests.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const dist = process.argv[2] ?? 'dist/renderer';
const outDir = process.argv[3] ?? 'screenshots';
// SCREENSHOTS_PORT lets several checkouts take screenshots side by side.
const port = Number(process.env.SCREENSHOTS_PORT ?? 4399);
const screens = (process.env.SCREENS?.split(',') ?? ['/', '/villages', '/surveys', '/activities', '/activities/new?type=individuel', '/activities/new?type=collectif', '/places', '/places/new', '/places/import', '/beneficiaries', '/beneficiaries/new', '/workshops', '/workshops/templates', '/sync', '/exports', '/settings']);
const languages = process.argv.length > 4 ? process.argv.slice(4) : ['fr', 'en'];
const sizes = [{ width: 1280, height: 800 }, { width: 1024, height: 640 }];

mkdirSync(outDir, { recursive: true });
const server = spawn(process.execPath, ['scripts/serve-static.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 600));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: sizes[0] });
  const page = await context.newPage();
  const base = `http://127.0.0.1:${port}/`;
  await page.goto(base);
  await page.screenshot({ path: `${outDir}/first-run-fr-1280.png` });
  await page.getByLabel('Votre nom affiché').fill('Aïcha Benali');
  await page.getByRole('radio', { name: 'Médiateur·rice' }).check();
  await page.getByLabel('Votre structure').fill('Médiathèque de Lormes');
  // A browser has no OS keychain: the first run also chooses the passphrase sealing the keys.
  await page.getByLabel('Phrase de passe de cet ordinateur', { exact: true }).fill('lanterne-cirque-poivre-falaise');
  await page.getByLabel('Retapez la phrase de passe').fill('lanterne-cirque-poivre-falaise');
  await page.getByText('Solide', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.goto(`${base}#/settings`);
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await page.getByText(/éléments de démonstration présents/).waitFor();
  for (const lang of languages) {
    await page.evaluate((l) => localStorage.setItem('relais.language', l), lang);
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const screen of screens) {
        await page.goto(`${base}#${screen}`);
        await page.reload();
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForTimeout(900);
        const name = screen.replace(/[/?=&]+/g, '-').replace(/^-|-$/g, '') || 'home';
        await page.screenshot({ path: `${outDir}/${name}-${lang}-${size.width}.png`, fullPage: process.env.FULL_PAGE === '1' });
      }
    }
  }
  console.log(`screenshots in ${outDir}/`);
} finally {
  await browser.close();
  server.kill();
}
