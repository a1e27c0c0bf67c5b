import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeTestDatabases, enrol, openTestRelais, snapshot } from '../testkit/sync';
import { exportBundle } from './sync';
import { entryCount } from '../domain/sync/packed';
import { ensureIdentity } from './identity';
import { combinedPreview, importTeamFiles, openTeamFiles, teamFilesOf, type TeamFile } from './teamImport';
import { LORMES } from '../testkit/records';
import type { Activity } from '../domain/records';
import type { Relais } from './index';
import { statsDifferFromRecount, readDashboard } from './stats/dashboard';

const PASSPHRASE = 'tous les villages ensemble';
const activity = (date: string): Activity => ({
  type: 'individuel', date, duree: 30, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [],
  materiel: [], tags: [], beneficiaryIds: [], structureEmployeuse: { nom: 'Mairie de Lormes' },
});

async function bundleOf(relais: Relais, activities: number, name: string): Promise<TeamFile> {
  for (let i = 0; i < activities; i++) await relais.activities.create(activity(`2026-03-${String(10 + i).padStart(2, '0')}`));
  const prepared = await exportBundle(relais.db, {
    kind: 'changes', protection: { type: 'passphrase', passphrase: PASSPHRASE, workFactor: 1 }, author: { name, structure: 'Mairie' }, app: 'test',
  });
  await prepared.commit();
  return teamFilesOf([{ name: `${name}.relais`, bytes: prepared.bytes }])[0];
}

afterEach(closeTestDatabases);

describe('importing many files at once', () => {
  it('opens each, previews them together, imports the ready ones and says for each what became of it', async () => {
    const [coordinator, aicha, bruno, stranger] = [openTestRelais('c'), openTestRelais('a'), openTestRelais('b'), openTestRelais('s')];
    await enrol(coordinator, aicha, bruno);
    const files = [
      await bundleOf(aicha, 2, 'aicha-1'), await bundleOf(bruno, 3, 'bruno-1'), await bundleOf(aicha, 1, 'aicha-2'),
      await bundleOf(stranger, 1, 'stranger'), ...teamFilesOf([{ name: 'broken.relais', bytes: new Uint8Array([1, 2, 3]) }]),
    ];
    files.push({ name: 'aicha-1-copy.relais', read: files[0].read });
    const progress: number[] = [];
    const opened = await openTeamFiles(coordinator.db, files, { passphrase: PASSPHRASE, identity: async () => { throw new Error('not asked'); }, onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(opened.map((f) => f.outcome.status)).toEqual(['ready', 'ready', 'ready', 'held', 'refused', 'ready']);
    const preview = combinedPreview(opened);
    expect(preview).toMatchObject({ ready: 4, byKind: { activity: 8 }, records: 8 });
    expect(preview.counts.new).toBe(8); // the copy counts again in the preview: the import recognises it
    const done = await importTeamFiles(coordinator.db, opened);
    expect(done.map((f) => f.outcome.status)).toEqual(['imported', 'imported', 'imported', 'held', 'refused', 'alreadyImported']);
    expect((await readDashboard(coordinator.db, {})).totals.activities).toBe(6);
    expect(await statsDifferFromRecount(coordinator.db)).toEqual([]);
  });

  it('asks for the passphrase of a file that has one, and stops between files on cancel', async () => {
    const [coordinator, aicha] = [openTestRelais('c'), openTestRelais('a')];
    await enrol(coordinator, aicha);
    const files = [await bundleOf(aicha, 1, 'one'), await bundleOf(aicha, 1, 'two')];
    const locked = await openTeamFiles(coordinator.db, files, { identity: async () => '' });
    expect(locked.map((f) => f.outcome.status)).toEqual(['needsPassphrase', 'needsPassphrase']);
    const opened = await openTeamFiles(coordinator.db, files, { passphrase: PASSPHRASE, identity: async () => '' });
    const stop = new AbortController();
    const done = await importTeamFiles(coordinator.db, opened, { signal: stop.signal, onProgress: () => stop.abort() });
    expect(done.map((f) => f.outcome.status)).toEqual(['imported', 'notImported']);
    expect(await coordinator.db.activities.count()).toBe(1);
  });

  it('writes the files together: a failure in the third leaves the database exactly as it was, and every file says why', async () => {
    const [coordinator, aicha, bruno] = [openTestRelais('c'), openTestRelais('a'), openTestRelais('b')];
    await enrol(coordinator, aicha, bruno);
    const first = await bundleOf(aicha, 2, 'aicha-0');
    await importTeamFiles(coordinator.db, await openTeamFiles(coordinator.db, [first], { passphrase: PASSPHRASE, identity: async () => '' }));
    const files = [await bundleOf(aicha, 2, 'aicha-1'), await bundleOf(bruno, 3, 'bruno-1'), await bundleOf(aicha, 1, 'aicha-2'), await bundleOf(bruno, 1, 'bruno-2')];
    const opened = await openTeamFiles(coordinator.db, files, { passphrase: PASSPHRASE, identity: async () => '' });
    const before = await snapshot(coordinator.db);
    // The third file's records are written, then its history entry fails (a full disk, say).
    coordinator.db.importHistory.hook('creating', (_key, row) => {
      if (row.fileName === 'aicha-2.relais') throw new Error('disk full');
    });
    const done = await importTeamFiles(coordinator.db, opened);
    expect(done.map((f) => f.outcome.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(done.map((f) => (f.outcome as { culprit?: string }).culprit)).toEqual(Array(4).fill('aicha-2.relais'));
    expect(await snapshot(coordinator.db)).toBe(before);
    expect(await statsDifferFromRecount(coordinator.db)).toEqual([]);
  });

  it('reads a file only when its turn comes, one at a time, again for those whose records were not kept; one that changed meanwhile is refused alone', async () => {
    const [coordinator, aicha, bruno] = [openTestRelais('c'), openTestRelais('a'), openTestRelais('b')];
    await enrol(coordinator, aicha, bruno);
    const made = [await bundleOf(aicha, 2, 'aicha-1'), await bundleOf(bruno, 3, 'bruno-1'), await bundleOf(aicha, 2, 'aicha-2'), await bundleOf(bruno, 2, 'bruno-2')];
    const reads: string[] = [];
    let reading = 0;
    let mostAtOnce = 0;
    // A folder's files as the platform hands them: read on demand. The third changes after the preview.
    const files: TeamFile[] = made.map((file, i) => ({
      name: file.name,
      read: async () => {
        reading += 1;
        mostAtOnce = Math.max(mostAtOnce, reading);
        reads.push(file.name);
        await new Promise((resolve) => setTimeout(resolve, 1));
        reading -= 1;
        if (i === 2 && reads.filter((name) => name === file.name).length > 1) throw new Error('RELAIS_CHOSEN_FILE_CHANGED: aicha-2.relais');
        return file.read();
      },
    }));
    const opened = await openTeamFiles(coordinator.db, files, { passphrase: PASSPHRASE, identity: async () => '', keepRecords: 5 });
    expect(reads).toEqual(['aicha-1.relais', 'bruno-1.relais', 'aicha-2.relais', 'bruno-2.relais']);
    const done = await importTeamFiles(coordinator.db, opened, { recordsAtOnce: 4 });
    // Kept from the preview: not read again. The others: read again at their turn, one at a time.
    expect(reads.slice(4)).toEqual(['aicha-2.relais', 'bruno-2.relais']);
    expect(mostAtOnce).toBe(1);
    expect(done.map((f) => f.outcome.status)).toEqual(['imported', 'imported', 'refused', 'imported']);
    const refused = done[2].outcome;
    expect(refused.status === 'refused' && String(refused.error)).toContain('RELAIS_CHOSEN_FILE_CHANGED');
    expect(await coordinator.db.activities.count()).toBe(7);
    expect(await statsDifferFromRecount(coordinator.db)).toEqual([]);
  });

  it('keeps the opened records of the first files only, opens the others again at their turn, and writes them in bounded groups', async () => {
    const [coordinator, aicha, bruno] = [openTestRelais('c'), openTestRelais('a'), openTestRelais('b')];
    await enrol(coordinator, aicha, bruno);
    const files = [
      await bundleOf(aicha, 2, 'aicha-1'), await bundleOf(bruno, 3, 'bruno-1'), await bundleOf(aicha, 2, 'aicha-2'), await bundleOf(bruno, 2, 'bruno-2'),
    ];
    const opened = await openTeamFiles(coordinator.db, files, { passphrase: PASSPHRASE, identity: async () => '', keepRecords: 5 });
    const held = opened.map((f) => (f.outcome.status === 'ready' ? (f.outcome.opened ? entryCount(f.outcome.opened.entries) : 0) : 0));
    expect(held).toEqual([2, 3, 0, 0]);
    expect(combinedPreview(opened).records).toBe(9);
    const progress: number[] = [];
    const done = await importTeamFiles(coordinator.db, opened, { recordsAtOnce: 4, onProgress: (n) => progress.push(n) });
    expect(done.map((f) => f.outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    // Once written, no file's records are held any more (not even those the preview kept).
    expect(opened.filter((f) => f.outcome.status === 'ready' && f.outcome.opened)).toEqual([]);
    expect(progress.at(-1)).toBe(9);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await coordinator.db.activities.count()).toBe(9);
    expect(await coordinator.db.importHistory.count()).toBe(4);
    expect(await statsDifferFromRecount(coordinator.db)).toEqual([]);
  });

  it('a later file carrying a record an earlier file brought (edited since) merges with what that file wrote, into an empty database or not', async () => {
    for (const start of ['empty', 'holding records'] as const) {
      const [coordinator, aicha] = [openTestRelais('c'), openTestRelais('a')];
      await enrol(coordinator, aicha);
      const options = { passphrase: PASSPHRASE, identity: async () => '' };
      if (start === 'holding records') await importTeamFiles(coordinator.db, await openTeamFiles(coordinator.db, [await bundleOf(aicha, 1, 'before')], options));
      const first = await bundleOf(aicha, 2, 'first');
      const edited = (await aicha.db.activities.orderBy('seq').last())!;
      await aicha.activities.update(edited.id, { ...activity(edited.date), duree: 95 });
      const second = await bundleOf(aicha, 1, 'second');
      const done = await importTeamFiles(coordinator.db, await openTeamFiles(coordinator.db, [first, second], options));
      expect(done.map((f) => f.outcome.status)).toEqual(['imported', 'imported']);
      expect(done.map((f) => (f.outcome.status === 'imported' ? f.outcome.report.counts : undefined))).toMatchObject([{ new: 2, updated: 0 }, { new: 1, updated: 1 }]);
      expect((await coordinator.db.activities.get(edited.id))?.duree).toBe(95);
      expect(await coordinator.db.activities.count()).toBe(start === 'empty' ? 3 : 4);
      expect(await statsDifferFromRecount(coordinator.db)).toEqual([]);
      await closeTestDatabases();
    }
  });

  it('property: whichever file fails to be written, nothing of the folder is; without a failure, all of it is', async () => {
    const run = async (sizes: number[], failing: number | null) => {
      const [coordinator, aicha, bruno] = [openTestRelais('c'), openTestRelais('a'), openTestRelais('b')];
      await enrol(coordinator, aicha, bruno);
      const files: TeamFile[] = [];
      for (const [i, n] of sizes.entries()) files.push(await bundleOf(i % 2 ? bruno : aicha, n, `file-${i}`));
      const opened = await openTeamFiles(coordinator.db, files, { passphrase: PASSPHRASE, identity: async () => '' });
      // This laptop's own keys and identity are made before any import's transaction (as importBundle
      // does), the first time: made here, so that "before" is the database the import found.
      await ensureIdentity(coordinator.db);
      const before = await snapshot(coordinator.db);
      const culprit = failing === null ? undefined : `file-${failing % sizes.length}.relais`;
      coordinator.db.importHistory.hook('creating', (_key, row) => {
        if (row.fileName === culprit) throw new Error('disk full');
      });
      const done = await importTeamFiles(coordinator.db, opened);
      if (culprit) {
        expect(done.every((f) => f.outcome.status === 'failed')).toBe(true);
        expect(await snapshot(coordinator.db)).toBe(before);
      } else {
        expect(done.every((f) => f.outcome.status === 'imported')).toBe(true);
        expect(await coordinator.db.activities.count()).toBe(sizes.reduce((a, b) => a + b, 0));
      }
      expect(await statsDifferFromRecount(coordinator.db)).toEqual([]);
      await closeTestDatabases();
    };
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 5 }), fc.option(fc.nat(4)), run), { numRuns: 8 });
  }, 120_000);
});

