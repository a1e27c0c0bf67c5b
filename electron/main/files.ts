/**
 * Bytes to and from disk, with no Electron import so it is tested in plain Node.
 * Main is the only process that touches the file system; these are its two primitives.
 */
import { randomBytes } from 'node:crypto';
import { access, link, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { BRIDGE_ERRORS, MAX_NAME_LENGTH } from '../shared/contract';

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`${BRIDGE_ERRORS.fileTooLarge}: file larger than ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * A file written in pieces that appears at `target` only when complete: the pieces go to a temp file in
 * the *same directory* (rename is only atomic within one file system), which is flushed to disk and
 * renamed over the target on `commit`. On `abort`, or any failure, the temp file is removed and
 * whatever was at the target is untouched. `maxBytes` bounds the whole file.
 */
export class AtomicFileWriter {
  private written = 0;
  private done = false;

  private constructor(readonly target: string, private readonly temp: string, private handle: FileHandle | undefined, private readonly maxBytes: number) {}

  static async create(target: string, maxBytes = Number.POSITIVE_INFINITY): Promise<AtomicFileWriter> {
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx'); // wx: never follow or clobber something already there
    return new AtomicFileWriter(target, temp, handle, maxBytes);
  }

  get bytesWritten(): number {
    return this.written;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.done || !this.handle) throw new Error('file already finished');
    if (this.written + bytes.byteLength > this.maxBytes) {
      await this.abort();
      throw new FileTooLargeError(this.maxBytes);
    }
    try {
      await writeAll(this.handle, bytes);
      this.written += bytes.byteLength;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async commit(): Promise<void> {
    if (this.done || !this.handle) throw new Error('file already finished');
    try {
      await this.handle.sync();
      await this.handle.close();
      this.handle = undefined;
      await rename(this.temp, this.target);
      this.done = true;
    } catch (error) {
      await this.abort();
      throw error;
    }
    await syncDirectory(dirname(this.target));
  }

  /**
   * Like `commit`, but never replaces a file already at the target: throws `FileExistsError` (the temp
   * file is kept, to be committed under another name). A hard link is the atomic "create only if
   * absent"; file systems without links (FAT32/exFAT USB sticks) fall back to a check then a rename:
   * a tiny race, only against a writer choosing the very same name (outbox names are unique per device).
   */
  async commitWithoutOverwrite(target: string): Promise<void> {
    if (this.done) throw new Error('file already finished');
    if (this.handle) {
      try {
        await this.handle.sync();
        await this.handle.close();
      } catch (error) {
        await this.abort();
        throw error;
      }
      this.handle = undefined;
    }
    try {
      await link(this.temp, target);
      await unlink(this.temp);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') throw new FileExistsError(target);
      if (!LINK_UNSUPPORTED.has(errnoOf(error) ?? '')) {
        await this.abort();
        throw error;
      }
      if (await exists(target)) throw new FileExistsError(target);
      await rename(this.temp, target).catch(async (renameError: unknown) => {
        await this.abort();
        throw renameError;
      });
    }
    this.done = true;
    await syncDirectory(dirname(target));
  }

  /** Throw the pieces away (idempotent). */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await unlink(this.temp).catch(() => undefined);
  }
}

/** A file is already where a write that must never overwrite wanted to put its own. */
export class FileExistsError extends Error {
  constructor(readonly target: string) {
    super(`file already exists: ${basename(target)}`);
    this.name = 'FileExistsError';
  }
}

/** Errors of link(2) on file systems that have no hard links (vfat, exFAT, some network shares). */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL', 'EXDEV']);

/** The errno code of a Node file-system error (`ENOENT`…), if any. */
export function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/**
 * Replace `target` with `bytes` so that a crash or a full disk never leaves a half-written file (see
 * AtomicFileWriter).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const writer = await AtomicFileWriter.create(target);
  await writer.write(bytes);
  await writer.commit();
}

/** FileHandle.write may write less than asked: loop until every byte is down. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}

/** Persist the rename itself (POSIX); Windows cannot open a directory, and does not need to. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/**
 * Read a whole regular file, refusing it if it is over `maxBytes`: checked with stat first (cheap
 * refusal) and again while reading, because the file may grow between the two.
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a regular file: ${basename(path)}`);
  if (info.size > maxBytes) throw new FileTooLargeError(maxBytes);
  const handle = await open(path, 'r');
  try {
    return await readAtMost(handle, info.size, maxBytes);
  } finally {
    await handle.close();
  }
}

async function readAtMost(handle: FileHandle, expected: number, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const chunkSize = Math.max(64 * 1024, Math.min(expected + 1, 16 * 1024 * 1024));
  for (;;) {
    // Once the expected size is read, only a small probe is needed to confirm the end of file.
    const chunk = new Uint8Array(total >= expected ? 64 * 1024 : chunkSize);
    const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw new FileTooLargeError(maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].byteLength === total) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export type BudgetedRead = { path: string; bytes: Uint8Array } | { path: string; error: unknown };

/**
 * Read files one after the other against one shared budget of `maxBytes`: the renderer holds them all
 * in memory at once, so the limit applies to their sum, not to each file alone. A file that does not
 * fit what is left (reported against the whole limit), is not a regular file, or cannot be read gets
 * its error; the others are still read.
 */
export async function readWithinBudget(paths: readonly string[], maxBytes: number): Promise<BudgetedRead[]> {
  const results: BudgetedRead[] = [];
  let budget = maxBytes;
  for (const path of paths) {
    try {
      const bytes = await readFileLimited(path, budget);
      budget -= bytes.byteLength;
      results.push({ path, bytes });
    } catch (error) {
      results.push({ path, error: error instanceof FileTooLargeError ? new FileTooLargeError(maxBytes) : error });
    }
  }
  return results;
}

/**
 * The files directly inside `folder` whose extension is one of `extensions` (not sub-folders, not
 * links elsewhere), sorted by name, at most `limit`: what "import a folder" reads.
 */
export async function filesOfKindIn(folder: string, extensions: readonly string[], limit: number): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const wanted = new Set(extensions.map((ext) => `.${ext.toLowerCase()}`));
  return entries
    .filter((entry) => entry.isFile() && wanted.has(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, limit)
    .map((name) => join(folder, name));
}

/**
 * The last segment of a path (either separator, whatever the OS), without control characters and
 * bounded in length: the only form of a path the renderer is ever told.
 */
export function safeBaseName(path: string): string {
  const last = path.split(/[/\\]/).filter((part) => part.length > 0).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.length > MAX_NAME_LENGTH ? clean.slice(clean.length - MAX_NAME_LENGTH) : clean;
}
