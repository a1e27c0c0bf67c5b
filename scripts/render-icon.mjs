// Renders assets/icon.svg to assets/icon.png (512×512) for electron-builder, with the same headless
// Chromium the tests use. Run by hand when the icon changes: `node scripts/render-icon.mjs`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:512px;height:512px;display:block}</style>${svg}`);
await page.screenshot({ path: 'assets/icon.png', omitBackground: true });
await browser.close();
console.log('assets/icon.png written');
