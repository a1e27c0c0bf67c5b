import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_ERRORS, MAX_NAME_LENGTH } from '../shared/contract';

/**
 * Faults injected into node:fs/promises as files.ts sees it, so that the failure paths (disk full
 * half-way through a write, a rename refused, a file growing while read) really run.
 */
const faults = vi.hoisted(() => ({
  failWriteAfterBytes: null as number | null,
  failRename: false,
  statSizeLie: null as number | null,
  renames: [] as Array<[string, string]>,
  opened: [] as string[],
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (...args) => {
    faults.opened.push(String(args[0]));
    const handle = await actual.open(...args);
    if (faults.failWriteAfterBytes === null) return handle;
    const limit = faults.failWriteAfterBytes;
    // Write part of the data for real, then fail like a full disk.
    const write = async (bytes: Uint8Array, offset: number) => {
      await handle.write(bytes, offset, Math.min(limit, bytes.byteLength - offset));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    return Object.assign(Object.create(handle), { write, close: () => handle.close(), sync: () => handle.sync() });
  };
  const rename: typeof actual.rename = async (from, to) => {
    faults.renames.push([String(from), String(to)]);
    if (faults.failRename) throw Object.assign(new Error('EXDEV: rename refused'), { code: 'EXDEV' });
    return actual.rename(from, to);
  };
  const stat = (async (path: Parameters<typeof actual.stat>[0]) => {
    const info = await actual.stat(path);
    if (faults.statSizeLie !== null) Object.defineProperty(info, 'size', { value: faults.statSizeLie });
    return info;
  }) as typeof actual.stat;
  return { ...actual, open, rename, stat };
});

const { AtomicFileWriter, FileTooLargeError, readFileLimited, safeBaseName, writeFileAtomic } = await import('./files');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relais-files-'));
  Object.assign(faults, { failWriteAfterBytes: null, failRename: false, statSizeLie: null, renames: [], opened: [] });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the bytes, through a temp file in the same directory renamed over the target', async () => {
    const target = join(dir, 'export.relais');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect(faults.renames).toHaveLength(1);
    const [from, to] = faults.renames[0];
    expect(to).toBe(target);
    expect(from).not.toBe(target);
    expect(dirname(from)).toBe(dir);
    expect(await readdir(dir)).toEqual(['export.relais']); // no temp file left
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the existing file intact and no partial file when the write fails half-way', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'precious');
    faults.failWriteAfterBytes = 4;
    await expect(writeFileAtomic(target, new Uint8Array(64).fill(7))).rejects.toThrow('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['export.json']);
    expect(faults.renames).toHaveLength(0);
  });

  it('creates no file at all when the first write of a new file fails', async () => {
    faults.failWriteAfterBytes = 1;
    await expect(writeFileAtomic(join(dir, 'new.csv'), new Uint8Array(10))).rejects.toThrow('ENOSPC');
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves the existing file intact and cleans up when the rename fails', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'precious');
    faults.failRename = true;
    await expect(writeFileAtomic(target, new Uint8Array([9]))).rejects.toThrow('EXDEV');
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), new Uint8Array([1]))).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readFileLimited', () => {
  it('reads a file at or under the limit', async () => {
    const path = join(dir, 'ok.bin');
    await writeFile(path, Buffer.alloc(100, 5));
    const bytes = await readFileLimited(path, 100);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBe(100);
    expect(bytes.every((b) => b === 5)).toBe(true);
  });

  it('reads an empty file', async () => {
    const path = join(dir, 'empty.json');
    await writeFile(path, '');
    expect((await readFileLimited(path, 10)).byteLength).toBe(0);
  });

  it('reads a file larger than one chunk intact', async () => {
    const path = join(dir, 'big.bin');
    const data = Buffer.alloc(300 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = i % 251;
    await writeFile(path, data);
    expect(Buffer.from(await readFileLimited(path, data.length)).equals(data)).toBe(true);
  });

  it('refuses a file over the limit, with the bridge error code', async () => {
    const path = join(dir, 'big.bin');
    await writeFile(path, Buffer.alloc(101));
    const attempt = readFileLimited(path, 100);
    await expect(attempt).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(attempt).rejects.toThrow(BRIDGE_ERRORS.fileTooLarge);
  });

  it('refuses an oversize file from its size alone, without opening it', async () => {
    const path = join(dir, 'huge.bin');
    await writeFile(path, Buffer.alloc(1000));
    await expect(readFileLimited(path, 999)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(faults.opened).not.toContain(path);
  });

  it('refuses a file that is bigger than stat said (it grew while being read)', async () => {
    const path = join(dir, 'growing.bin');
    await writeFile(path, Buffer.alloc(200 * 1024));
    faults.statSizeLie = 10;
    await expect(readFileLimited(path, 100 * 1024)).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it('refuses a directory', async () => {
    await mkdir(join(dir, 'folder'));
    await expect(readFileLimited(join(dir, 'folder'), 100)).rejects.toThrow('not a regular file');
  });
});

describe('safeBaseName', () => {
  it.each([
    ['/home/marie/Documents/export.relais', 'export.relais'],
    ['C:\\Users\\Marie\\export.relais', 'export.relais'],
    ['relative/dir/x.csv', 'x.csv'],
    ['/trailing/slash/', 'slash'],
    ['plain.pdf', 'plain.pdf'],
    ['/tmp/evil\u0000\nname.json', 'evilname.json'],
  ])('%s -> %s', (path, expected) => {
    expect(safeBaseName(path)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const name = safeBaseName(`/x/${'a'.repeat(500)}.relais`);
    expect(name).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('.relais')).toBe(true);
  });
});

describe('AtomicFileWriter (streamed saves)', () => {
  it('shows nothing at the target until committed, then the whole file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relais-stream-'));
    const target = join(dir, 'export.csv');
    await writeFile(target, 'old');
    const writer = await AtomicFileWriter.create(target);
    await writer.write(new TextEncoder().encode('a;b\r\n'));
    await writer.write(new TextEncoder().encode('c;d\r\n'));
    expect(await readFile(target, 'utf8')).toBe('old');
    await writer.commit();
    expect(await readFile(target, 'utf8')).toBe('a;b\r\nc;d\r\n');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file and no temp file when aborted, or when the size limit is passed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relais-stream-'));
    const target = join(dir, 'export.xlsx');
    await writeFile(target, 'old');
    const aborted = await AtomicFileWriter.create(target);
    await aborted.write(new Uint8Array(10));
    await aborted.abort();
    const limited = await AtomicFileWriter.create(target, 15);
    await limited.write(new Uint8Array(10));
    await expect(limited.write(new Uint8Array(10))).rejects.toThrow(BRIDGE_ERRORS.fileTooLarge);
    await expect(limited.commit()).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['export.xlsx']);
  });
});
