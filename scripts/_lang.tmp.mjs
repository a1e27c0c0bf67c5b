import { chromium } from 'playwright-core';
const lang = process.env.L;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', `--lang=${lang}`], env: { ...process.env, LANG: process.env.LANGENV ?? 'C', LANGUAGE: process.env.LANGUAGEENV ?? '' } });
const context = await browser.newContext(process.env.CTX ? { locale: process.env.CTX } : {});
const page = await context.newPage();
await page.setContent('<input type="date" value="2026-12-02"> <input type="date">');
await page.screenshot({ path: `/tmp/date-${process.env.TAG}.png`, clip: { x: 0, y: 0, width: 400, height: 40 } });
console.log(process.env.TAG, await page.evaluate(() => navigator.language));
await browser.close();
