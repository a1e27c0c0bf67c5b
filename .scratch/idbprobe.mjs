// Opens the kept 300k profile, times raw IndexedDB reads the home page makes.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['/work/main/scripts/serve-static.mjs', '/tmp/bench-dist', '4320'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const ctx = await chromium.launchPersistentContext('/tmp/ui300k', { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:4320/bench/index.html');
const out = await page.evaluate(async () => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('relais'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const time = async (label, make) => { const t = performance.now(); const v = await new Promise((res, rej) => { const r = make(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); }); return `${label}: ${(performance.now() - t).toFixed(0)} ms (${typeof v === 'number' ? v : Array.isArray(v) ? v.length : ''})`; };
  const tx = (s) => db.transaction(s, 'readonly').objectStore(s);
  const lines = [];
  lines.push(await time('activities count()', () => tx('activities').count()));
  lines.push(await time('activities seq>0 count', () => tx('activities').index('seq').count(IDBKeyRange.lowerBound(0, true))));
  lines.push(await time('activities seq>0 count again', () => tx('activities').index('seq').count(IDBKeyRange.lowerBound(0, true))));
  lines.push(await time('beneficiaries seq>0 count', () => tx('beneficiaries').index('seq').count(IDBKeyRange.lowerBound(0, true))));
  lines.push(await time('ownChanges count', () => tx('ownChanges').count()));
  lines.push(await time('activityStats getAll', () => tx('activityStats').getAll()));
  return lines;
});
console.log(out.join('\n'));
await ctx.close(); server.kill();
