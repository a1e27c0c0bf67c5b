import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_ERRORS, bridgeErrorCode } from '../shared/contract';

// A 16-byte budget lets the "all files of one hand-over together" limit be tested without 512 MiB files.
vi.mock('../shared/contract', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../shared/contract')>()),
  MAX_FILE_BYTES: 16,
}));

const { filesInArgv, openableKind, OpenRequestQueue } = await import('./openRequests');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relais-open-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openableKind', () => {
  it.each([
    ['echange.relais', 'bundle'],
    ['ECHANGE.RELAIS', 'bundle'],
    ['carte-berenice.relaiscard', 'card'],
    ['/home/marie/Téléchargements/carte.RelaisCard', 'card'],
    ['notes.txt', null],
    ['export.relais.exe', null],
    ['relais', null],
    ['dist/electron/main/main.cjs', null],
  ])('%s -> %s', (path, kind) => {
    expect(openableKind(path)).toBe(kind);
  });
});

describe('filesInArgv', () => {
  it('keeps the associated files after the executable, made absolute against the launching folder', () => {
    const argv = ['/opt/Relais/relais', '--allow-file-access-from-files', 'echange.relais', '/tmp/carte.relaiscard', '--', 'notes.txt'];
    expect(filesInArgv(argv, '/home/marie')).toEqual([join('/home/marie', 'echange.relais'), '/tmp/carte.relaiscard']);
  });

  it('ignores the development script, switches that look like files, and repeats', () => {
    const argv = ['/usr/lib/electron', 'dist/electron/main/main.cjs', '--user-data-dir=/x/y.relais', 'a.relais', 'a.relais'];
    expect(filesInArgv(argv, '/w')).toEqual([join('/w', 'a.relais')]);
  });

  it('never reads argv[0], even if the executable were named like a bundle', () => {
    expect(filesInArgv(['/opt/evil.relais'], '/w')).toEqual([]);
  });
});

describe('OpenRequestQueue', () => {
  it('hands over kind, base name and bytes, never the path, and forgets what it handed over', async () => {
    await writeFile(join(dir, 'echange.relais'), 'bundle');
    await writeFile(join(dir, 'carte.relaiscard'), 'card');
    const queue = new OpenRequestQueue();
    expect(queue.add([join(dir, 'echange.relais'), join(dir, 'carte.relaiscard')])).toBe(true);
    const { files, refused } = await queue.take();
    expect(refused).toEqual([]);
    expect(files.map(({ kind, name, bytes }) => ({ kind, name, text: new TextDecoder().decode(bytes) }))).toEqual([
      { kind: 'bundle', name: 'echange.relais', text: 'bundle' },
      { kind: 'card', name: 'carte.relaiscard', text: 'card' },
    ]);
    expect(JSON.stringify(files.map(({ kind, name }) => ({ kind, name })))).not.toContain(dir);
    expect(queue.size).toBe(0);
    expect((await queue.take()).files).toEqual([]);
  });

  it('says whether something new arrived (so the page is told once), and ignores other files', () => {
    const queue = new OpenRequestQueue();
    expect(queue.add([join(dir, 'a.relais')])).toBe(true);
    expect(queue.add([join(dir, 'a.relais')])).toBe(false);
    expect(queue.add([join(dir, 'notes.txt'), '/etc/passwd'])).toBe(false);
    expect(queue.size).toBe(1);
  });

  it('refuses files over the shared budget of one hand-over, and still hands over the others', async () => {
    await writeFile(join(dir, 'a.relais'), 'x'.repeat(10));
    await writeFile(join(dir, 'b.relais'), 'y'.repeat(10));
    await writeFile(join(dir, 'c.relaiscard'), 'z'.repeat(5));
    const queue = new OpenRequestQueue();
    queue.add([join(dir, 'a.relais'), join(dir, 'b.relais'), join(dir, 'c.relaiscard')]);
    const { files, refused } = await queue.take();
    expect(files.map((f) => f.name)).toEqual(['a.relais', 'c.relaiscard']);
    expect(refused.map((r) => ({ name: r.name, kind: r.kind, code: bridgeErrorCode(r.error) }))).toEqual([
      { name: 'b.relais', kind: 'bundle', code: BRIDGE_ERRORS.fileTooLarge },
    ]);
    // The message names the real limit, not what was left of it.
    expect(String(refused[0].error)).toContain('16 bytes');
  });

  it('refuses a missing file and a folder named like a bundle', async () => {
    await mkdir(join(dir, 'dossier.relais'));
    const queue = new OpenRequestQueue();
    queue.add([join(dir, 'missing.relais'), join(dir, 'dossier.relais')]);
    const { files, refused } = await queue.take();
    expect(files).toEqual([]);
    expect(refused.map((r) => r.name)).toEqual(['missing.relais', 'dossier.relais']);
  });

  it('reads a link named like a bundle as the file it names, within the same budget', async () => {
    await writeFile(join(dir, 'big.bin'), 'x'.repeat(100));
    await symlink(join(dir, 'big.bin'), join(dir, 'lien.relais'));
    const queue = new OpenRequestQueue();
    queue.add([join(dir, 'lien.relais')]);
    const { files, refused } = await queue.take();
    expect(files).toEqual([]);
    expect(bridgeErrorCode(refused[0].error)).toBe(BRIDGE_ERRORS.fileTooLarge);
  });

  it('keeps at most the latest 100 files of a flood of launches', () => {
    const queue = new OpenRequestQueue();
    queue.add(Array.from({ length: 150 }, (_, i) => join(dir, `f${i}.relais`)));
    expect(queue.size).toBe(100);
  });
});
