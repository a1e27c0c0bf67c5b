/**
 * The architecture rules of `npm run lint` fail on a deliberate violation: screens reading the tables
 * directly (eslint.config.js), the app importing a test kit, and feature folders importing each other
 * in a loop (scripts/feature-loops.mjs). Each rule is also shown to accept the right way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFeatureLoops, describeLoops, featureGraph, findFeatureLoops } from './feature-loops.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });
const READ_THROUGH_DB = /Screens never touch the tables/;

async function problems(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('screens read through db/ (eslint.config.js)', () => {
  const violations: Array<[string, string]> = [
    ['a table read through getRelais().db', `import { getRelais } from '../../db';
export const read = () => getRelais().db.villages.where('deleted').equals(0).toArray();`],
    ['the database destructured, then a table read', `import { getRelais } from '../../db';
export function read() { const { db } = getRelais(); return db.places.toArray(); }`],
    ['the database kept in a variable', `import { getRelais } from '../../db';
export const database = getRelais().db;`],
    ['a transaction opened by a screen', `import type { Relais } from '../../db';
export const run = (relais: Relais) => relais.db.transaction('rw', relais.db.meta, async () => undefined);`],
    ['the schema imported', `import { RelaisDatabase } from '../../db/schema';
export const make = () => new RelaisDatabase('x');`],
    ['Dexie itself imported', `import Dexie from 'dexie';
export const min = Dexie.minKey;`],
    ['a sync internal imported instead of db/sync', `import { syncTable } from '../../db/sync/tables';
export const table = syncTable;`],
  ];

  for (const [what, code] of violations) {
    it(`refuses ${what} in a feature`, async () => {
      const found = await problems(code, 'renderer/src/features/villages/Violation.ts');
      expect(found.some((p) => READ_THROUGH_DB.test(p.message)), JSON.stringify(found)).toBe(true);
    });
  }

  it('refuses it in a component of ui/ and app/ as well', async () => {
    const code = `import { getRelais } from '../db';
export function Count() { return <p>{String(getRelais().db.activities.count())}</p>; }`;
    for (const path of ['renderer/src/ui/Violation.tsx', 'renderer/src/app/Violation.tsx']) {
      const found = await problems(code, path);
      expect(found.some((p) => p.rule === 'no-restricted-syntax' && READ_THROUGH_DB.test(p.message)), path).toBe(true);
    }
  });

  it('accepts reads through db/ and the database handed as is to a db/ function', async () => {
    const code = `import { getRelais } from '../../db';
import { liveVillages, liveVillageOfCommune } from '../../db/villages';
import { exportBundle } from '../../db/sync';
import { useRead, useRecord } from '../../ui/useRead';
export function useVillages() { return useRead(liveVillages); }
export function useOne(id: string) { return useRecord('village', id); }
export const find = (code: string) => liveVillageOfCommune(getRelais().db, code);
export const save = () => getRelais().villages.get('x');
export const bundle = exportBundle;`;
    expect(await problems(code, 'renderer/src/features/villages/Fine.ts')).toEqual([]);
  });

  it('lets db/ itself and tests read the tables', async () => {
    const code = `import type { RelaisDatabase } from './schema';
export const read = (db: RelaisDatabase) => db.villages.toArray();`;
    expect(await problems(code, 'renderer/src/db/Fine.ts')).toEqual([]);
    const test = `import { openRelais } from '../../db';
export const read = () => openRelais('t').db.villages.toArray();`;
    expect(await problems(test, 'renderer/src/features/villages/Fine.test.ts')).toEqual([]);
  });
});

describe('test kits stay out of the app (eslint.config.js)', () => {
  it('refuses a test kit imported by app code, in every layer', async () => {
    for (const path of ['renderer/src/features/sync/Violation.ts', 'renderer/src/db/Violation.ts', 'renderer/src/domain/sync/Violation.ts']) {
      const depth = path.split('/').length - 3;
      const code = `import { snapshot } from '${'../'.repeat(depth)}testkit/sync';\nexport const s = snapshot;`;
      const found = await problems(code, path);
      expect(found.some((p) => /Test kits/.test(p.message)), `${path}: ${JSON.stringify(found)}`).toBe(true);
    }
  });
});

describe('no import loop between feature folders (scripts/feature-loops.mjs)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function repository(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'feature-loops-'));
    dirs.push(dir);
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    return dir;
  }

  it('finds a loop of two folders and names the imports that make it', () => {
    const dir = repository({
      'renderer/src/features/villages/VillagePage.tsx': "import { SurveySummary } from '../surveys/SurveySummary';\n",
      'renderer/src/features/surveys/SurveySummary.tsx': 'export const SurveySummary = 1;\n',
      'renderer/src/features/surveys/SurveysPage.tsx': "import { useVillages } from '../villages/useVillages';\n",
      'renderer/src/features/villages/useVillages.ts': 'export const useVillages = 1;\n',
    });
    const { graph, loops } = checkFeatureLoops(dir);
    expect(loops).toEqual([['surveys', 'villages', 'surveys']]);
    expect(describeLoops(loops, graph)).toContain("renderer/src/features/villages/VillagePage.tsx imports '../surveys/SurveySummary'");
  });

  it('finds a longer loop through re-exports and folder indexes', () => {
    const graph = featureGraph([
      { path: 'renderer/src/features/home/Home.tsx', source: "import { Card } from '../sync';" },
      { path: 'renderer/src/features/sync/index.ts', source: "export { Card } from './Card';\nexport { x } from '../settings/x';" },
      { path: 'renderer/src/features/settings/x.ts', source: "const lazy = () => import('../home/Home');" },
    ]);
    expect(findFeatureLoops(graph)).toEqual([['home', 'sync', 'settings', 'home']]);
  });

  it('accepts imports that go one way, and ignores tests and imports inside a folder', () => {
    const graph = featureGraph([
      { path: 'renderer/src/features/villages/VillagePage.tsx', source: "import { SurveySummary } from '../surveys/SurveySummary';\nimport { x } from './x';" },
      { path: 'renderer/src/features/surveys/SurveysPage.tsx', source: "import { liveVillages } from '../../db/villages';" },
      { path: 'renderer/src/features/surveys/surveys.test.ts', source: "import { VillagePage } from '../villages/VillagePage';" },
    ]);
    expect(findFeatureLoops(graph)).toEqual([]);
  });

  it('finds none in the app as it is', () => {
    const { graph, loops } = checkFeatureLoops(root);
    expect(describeLoops(loops, graph)).toBe('');
  });
});
