import { appendFile, mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxWatcher } from './inboxWatcher';
import { isInboxCandidate, isTemporaryName, outboxFileName } from './names';
import { FolderAbsentError, writeToOutbox } from './outbox';
import { StabilityTracker } from './stability';
import { folderDisplayName, SyncFolderStore } from './store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relais-folders-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('temporary names of sync engines are never read', () => {
  it.each([
    ['Syncthing on Linux and macOS', '.syncthing.relais-aicha-2026-01-05-1200.relais.tmp'],
    ['Syncthing on Windows', '~syncthing~relais-aicha.relais.tmp'],
    ['a Nextcloud download', '.relais-aicha.relais.~1f2e3d'],
    ['a Nextcloud lock', '.~lock.relais-aicha.relais#'],
    ['an upload in progress', 'relais-aicha.relais.part'],
    ['a browser download', 'relais-aicha.relais.crdownload'],
    ['Relais own outbox temp file', '.relais-aicha.relais.0a1b2c3d4e5f.tmp'],
  ])('%s: %s', (_label, name) => {
    expect(isInboxCandidate(name)).toBe(false);
  });

  it('reads visible .relais files, any case, even Syncthing conflict copies (other content)', () => {
    expect(isInboxCandidate('relais-aicha-2026-01-05-1200.relais')).toBe(true);
    expect(isInboxCandidate('RELAIS-AICHA.RELAIS')).toBe(true);
    expect(isInboxCandidate('relais-aicha.sync-conflict-20260105-120000-ABCDEFG.relais')).toBe(true);
  });

  it('ignores other files and hidden files', () => {
    expect(isInboxCandidate('notes.txt')).toBe(false);
    expect(isInboxCandidate('carte.relaiscard')).toBe(false);
    expect(isInboxCandidate('.hidden.relais')).toBe(false);
    expect(isTemporaryName('relais-aicha.relais')).toBe(false);
  });
});

describe('outbox names', () => {
  it('keep the suggested name first, then -2, -3 before the extension', () => {
    expect(outboxFileName('relais-mediatheque-aicha-2026-01-05-1200-k3f9.relais', 0)).toBe('relais-mediatheque-aicha-2026-01-05-1200-k3f9.relais');
    expect(outboxFileName('relais-a.relais', 1)).toBe('relais-a-2.relais');
    expect(outboxFileName('relais-a', 2)).toBe('relais-a-3.relais');
  });

  it('keep safe characters only and stay within the name limit', () => {
    expect(outboxFileName('../../Médiathèque é.relais', 0)).toBe('M-diath-que-.relais');
    const long = outboxFileName(`${'a'.repeat(400)}.relais`, 9);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('-10.relais')).toBe(true);
  });
});

describe('the stability rule', () => {
  it('reads a file only once size and time stayed the same for the whole wait', () => {
    const tracker = new StabilityTracker(5000);
    const file = { name: 'a.relais', size: 100, mtimeMs: 1 };
    expect(tracker.observe([file], 0)).toEqual([]);
    expect(tracker.observe([file], 4999)).toEqual([]);
    expect(tracker.observe([file], 5000)).toEqual([file]);
  });

  it('starts the wait again when the file grows or is touched', () => {
    const tracker = new StabilityTracker(5000);
    tracker.observe([{ name: 'a.relais', size: 100, mtimeMs: 1 }], 0);
    expect(tracker.observe([{ name: 'a.relais', size: 200, mtimeMs: 1 }], 6000)).toEqual([]);
    expect(tracker.observe([{ name: 'a.relais', size: 200, mtimeMs: 2 }], 12_000)).toEqual([]);
    expect(tracker.observe([{ name: 'a.relais', size: 200, mtimeMs: 2 }], 17_000)).toHaveLength(1);
  });

  it('an old modification time is no proof (Syncthing keeps the sender\'s): two sightings are needed', () => {
    const tracker = new StabilityTracker(5000);
    expect(tracker.observe([{ name: 'a.relais', size: 100, mtimeMs: 0 }], 1_000_000)).toEqual([]);
  });

  it('never reads an empty file, and forgets files that went away', () => {
    const tracker = new StabilityTracker(0);
    tracker.observe([{ name: 'empty.relais', size: 0, mtimeMs: 1 }], 0);
    expect(tracker.observe([{ name: 'empty.relais', size: 0, mtimeMs: 1 }], 10)).toEqual([]);
    tracker.observe([], 20);
    expect(tracker.observe([{ name: 'empty.relais', size: 5, mtimeMs: 1 }], 30)).toEqual([]);
  });
});

describe('atomic outbox writes', () => {
  it('puts the whole file under its name, and leaves no temporary file', async () => {
    const name = await writeToOutbox(dir, 'relais-a.relais', new Uint8Array([1, 2, 3]));
    expect(name).toBe('relais-a.relais');
    expect(await readdir(dir)).toEqual(['relais-a.relais']);
    expect([...(await readFile(join(dir, name)))]).toEqual([1, 2, 3]);
  });

  it('never overwrites: a taken name gets the next free variant', async () => {
    await writeFile(join(dir, 'relais-a.relais'), 'someone else');
    await writeFile(join(dir, 'relais-a-2.relais'), 'someone else too');
    expect(await writeToOutbox(dir, 'relais-a.relais', new Uint8Array([9]))).toBe('relais-a-3.relais');
    expect(await readFile(join(dir, 'relais-a.relais'), 'utf8')).toBe('someone else');
    expect((await readdir(dir)).sort()).toEqual(['relais-a-2.relais', 'relais-a-3.relais', 'relais-a.relais']);
  });

  it('many writers at once never clash and never lose a file', async () => {
    const names = await Promise.all(Array.from({ length: 12 }, (_, i) => writeToOutbox(dir, 'relais-same.relais', new Uint8Array([i]))));
    expect(new Set(names).size).toBe(12);
    const contents = await Promise.all(names.map(async (n) => (await readFile(join(dir, n)))[0]));
    expect(contents.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('says the folder is absent (a USB stick unplugged) instead of creating it', async () => {
    const stick = join(dir, 'CLE-USB', 'relais');
    await expect(writeToOutbox(stick, 'relais-a.relais', new Uint8Array([1]))).rejects.toBeInstanceOf(FolderAbsentError);
    await expect(writeToOutbox(stick, 'relais-a.relais', new Uint8Array([1]))).rejects.toThrow('RELAIS_FOLDER_ABSENT');
    await expect(readdir(join(dir, 'CLE-USB'))).rejects.toThrow();
    await mkdir(stick, { recursive: true }); // plugged back in: the next try works
    expect(await writeToOutbox(stick, 'relais-a.relais', new Uint8Array([1]))).toBe('relais-a.relais');
  });
});

describe('the folder store', () => {
  it('remembers paths in main, hands a new opaque handle at every choice, and survives a restart', async () => {
    const file = join(dir, 'sync-folders.json');
    const store = new SyncFolderStore(file);
    await store.load();
    const first = await store.set('inbox', '/media/marie/CLE/relais');
    const second = await store.set('inbox', '/media/marie/CLE/relais');
    expect(first.handle).toMatch(/^[0-9a-f]{32}$/);
    expect(second.handle).not.toBe(first.handle);
    const again = new SyncFolderStore(file);
    await again.load();
    expect(again.get('inbox')).toEqual(second);
    expect(again.byHandle('inbox', first.handle)).toBeUndefined();
    await again.forget('inbox');
    expect(again.get('inbox')).toBeUndefined();
  });

  it('treats a damaged file as no folder chosen', async () => {
    const file = join(dir, 'sync-folders.json');
    await writeFile(file, '{"inbox":{"path":"/x","handle":"not-a-handle"}}');
    const store = new SyncFolderStore(file);
    await store.load();
    expect(store.get('inbox')).toBeUndefined();
  });

  it('shows the last two names of a folder, never its path', () => {
    expect(folderDisplayName('/media/marie/CLE-USB/relais')).toBe('CLE-USB / relais');
    expect(folderDisplayName('C:\\Users\\marie\\Nextcloud\\Relais\\arrivee')).toBe('Relais / arrivee');
  });
});

describe('the inbox watcher', () => {
  let clock = 0;
  const changes = vi.fn();
  function watcher(folder = dir, retryMs = 60_000) {
    return new InboxWatcher({ folder, onChange: changes, stableMs: 5000, retryMs, watch: false, now: () => clock });
  }
  beforeEach(() => {
    clock = 0;
    changes.mockClear();
  });

  it('hands a file only after it stopped changing, with its hash, and its bytes on request', async () => {
    const inbox = watcher();
    await writeFile(join(dir, 'b.relais'), 'first half');
    await inbox.scan();
    expect(inbox.waiting()).toEqual([]);
    clock = 3000;
    await appendFile(join(dir, 'b.relais'), ' and the rest');
    await inbox.scan();
    clock = 7000; // 4 s since the last change: not yet
    await inbox.scan();
    expect(inbox.waiting()).toEqual([]);
    clock = 8000;
    await inbox.scan();
    const [file] = inbox.waiting();
    expect(file).toMatchObject({ name: 'b.relais', size: 23, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(new TextDecoder().decode(await inbox.read(file.token))).toBe('first half and the rest');
    expect(changes).toHaveBeenCalled();
  });

  it('never hands what a sync engine is still writing under its temporary name', async () => {
    const inbox = watcher();
    await writeFile(join(dir, '.syncthing.b.relais.tmp'), 'partial');
    await writeFile(join(dir, '.b.relais.~a1b2'), 'partial');
    await writeFile(join(dir, 'b.relais.part'), 'partial');
    await inbox.scan();
    clock = 10_000;
    await inbox.scan();
    expect(inbox.waiting()).toEqual([]);
    // The engine renames the finished file: now it is a candidate, and waits its turn.
    await rename(join(dir, '.syncthing.b.relais.tmp'), join(dir, 'b.relais'));
    await inbox.scan();
    clock = 15_000;
    await inbox.scan();
    expect(inbox.waiting().map((f) => f.name)).toEqual(['b.relais']);
  });

  it('a file settled done is not handed again; the same bytes under a new name are (the page skips them by hash)', async () => {
    const inbox = watcher();
    await writeFile(join(dir, 'a.relais'), 'bundle');
    await inbox.scan();
    clock = 5000;
    await inbox.scan();
    const [first] = inbox.waiting();
    inbox.settle(first.token, 'done');
    clock = 100_000;
    await inbox.scan();
    expect(inbox.waiting()).toEqual([]);
    await writeFile(join(dir, 'copy.relais'), 'bundle');
    await inbox.scan();
    clock = 105_000;
    await inbox.scan();
    const [copy] = inbox.waiting();
    expect(copy.sha256).toBe(first.sha256);
  });

  it('a truncated file settled "retry" comes back when it changes, or after the retry delay', async () => {
    const inbox = watcher(dir, 60_000);
    const path = join(dir, 'short.relais');
    await writeFile(path, 'trunc');
    await utimes(path, 1000, 1000);
    await inbox.scan();
    clock = 5000;
    await inbox.scan();
    inbox.settle(inbox.waiting()[0].token, 'retry');
    clock = 30_000;
    await inbox.scan();
    expect(inbox.waiting()).toEqual([]); // unchanged, delay not over
    clock = 66_000;
    await inbox.scan();
    expect(inbox.waiting().map((f) => f.size)).toEqual([5]); // handed again after the delay
    inbox.settle(inbox.waiting()[0].token, 'retry');
    await writeFile(path, 'truncated no more');
    await inbox.scan();
    clock = 72_000;
    await inbox.scan();
    expect(inbox.waiting().map((f) => f.size)).toEqual([17]); // changed: handed as soon as stable
  });

  it('refuses to hand bytes that changed since they were hashed (rewritten mid-sync)', async () => {
    const inbox = watcher();
    const path = join(dir, 'a.relais');
    await writeFile(path, 'version one');
    await inbox.scan();
    clock = 5000;
    await inbox.scan();
    const [file] = inbox.waiting();
    await writeFile(path, 'version two!');
    await expect(inbox.read(file.token)).rejects.toThrow('RELAIS_INBOX_FILE_CHANGED');
    expect(inbox.waiting()).toEqual([]);
  });

  it('says when the folder is absent, and finds it again when it is back (USB stick)', async () => {
    const stick = join(dir, 'stick');
    const inbox = watcher(stick);
    await inbox.scan();
    expect(inbox.available).toBe(false);
    expect(changes).toHaveBeenCalledTimes(1);
    await inbox.scan();
    expect(changes).toHaveBeenCalledTimes(1); // said once, not at every rescan
    await mkdir(stick);
    await writeFile(join(stick, 'a.relais'), 'bundle');
    await inbox.scan();
    expect(inbox.available).toBe(true);
    clock = 5000;
    await inbox.scan();
    expect(inbox.waiting().map((f) => f.name)).toEqual(['a.relais']);
  });

  it('never reads through a link put in place of a file after it was announced', async () => {
    const { symlink, unlink } = await import('node:fs/promises');
    await writeFile(join(dir, 'secret.txt'), 'not yours');
    await mkdir(join(dir, 'in'));
    const inbox = watcher(join(dir, 'in'));
    await writeFile(join(dir, 'in', 'a.relais'), 'bundle');
    await inbox.scan();
    clock = 5000;
    await inbox.scan();
    const [file] = inbox.waiting();
    await unlink(join(dir, 'in', 'a.relais'));
    await symlink(join(dir, 'secret.txt'), join(dir, 'in', 'a.relais'));
    await expect(inbox.read(file.token)).rejects.toThrow();
  });

  it('never follows a symbolic link out of the folder', async () => {
    const { symlink } = await import('node:fs/promises');
    await writeFile(join(dir, 'secret.txt'), 'not yours');
    const inbox = watcher(join(dir, 'in'));
    await mkdir(join(dir, 'in'));
    await symlink(join(dir, 'secret.txt'), join(dir, 'in', 'evil.relais'));
    await inbox.scan();
    clock = 5000;
    await inbox.scan();
    expect(inbox.waiting()).toEqual([]);
  });
});
