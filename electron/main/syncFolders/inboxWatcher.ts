/**
 * The inbox: a folder main watches for bundles that other devices (through Syncthing, Nextcloud, a
 * network share or a USB stick) put there. Main never opens a bundle: it finds the files that stopped
 * changing (./stability.ts), hashes them, and tells the page they wait; the page reads each one through
 * the checked bridge, imports it, and settles it as done or to retry (a truncated file, still arriving).
 *
 * Watching is `fs.watch` where the system gives it, plus a rescan on a timer: watch events are lost on
 * network shares, on some USB file systems and when the folder itself disappears and comes back. A
 * folder that is not there (USB stick unplugged) is reported once and tried again at each rescan.
 * No Electron import: tested in plain Node.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, watch, type FSWatcher } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BRIDGE_ERRORS, MAX_FILE_BYTES, type InboxFile } from '../../shared/contract';
import { FileTooLargeError } from '../files';
import { isInboxCandidate } from './names';
import { signatureOf, StabilityTracker, type FileSighting } from './stability';

export interface InboxWatcherOptions {
  folder: string;
  /** Called when files wait or the folder's availability changed (the page then asks what). */
  onChange: () => void;
  /** Unchanged for this long before a file is read (default 5 s). */
  stableMs?: number;
  /** Rescan this often even without watch events (default 60 s). */
  rescanMs?: number;
  /** A file settled "retry" is handed again after this long even if unchanged (default 5 min). */
  retryMs?: number;
  /** Use fs.watch (default true; tests of the rule drive `scan` by hand). */
  watch?: boolean;
  now?: () => number;
}

interface ReadyFile extends InboxFile {
  path: string;
  signature: string;
}

type Handled = { signature: string; retryAt?: number };

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** O_NOFOLLOW where the system has it (POSIX): a file swapped for a link after the scan is not followed. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Read a regular file of the inbox whole, never through a symbolic link, within MAX_FILE_BYTES. The file
 * is opened once and checked on that very handle, so what is read is what was checked.
 */
async function readRegularFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > MAX_FILE_BYTES) throw new FileTooLargeError(MAX_FILE_BYTES);
    const bytes = new Uint8Array(info.size);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break; // shrank meanwhile: the hash will not match
      offset += bytesRead;
    }
    return offset === bytes.length ? bytes : bytes.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

export class InboxWatcher {
  private readonly tracker: StabilityTracker;
  private readonly ready = new Map<string, ReadyFile>();
  private readonly handled = new Map<string, Handled>();
  private fsWatcher: FSWatcher | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = 0;
  private scanning: Promise<void> | undefined;
  private stopped = true;
  private availableNow: boolean | undefined;
  private readonly stableMs: number;
  private readonly rescanMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;

  constructor(private readonly options: InboxWatcherOptions) {
    this.stableMs = options.stableMs ?? 5000;
    this.rescanMs = options.rescanMs ?? 60_000;
    this.retryMs = options.retryMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    this.tracker = new StabilityTracker(this.stableMs);
  }

  /** Undefined before the first scan; false while the folder is not there. */
  get available(): boolean | undefined {
    return this.availableNow;
  }

  get folder(): string {
    return this.options.folder;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.unwatch();
  }

  /** Files ready and not settled yet (again after a page reload: the page keeps its own in-flight set). */
  waiting(): InboxFile[] {
    return [...this.ready.values()].map(({ token, name, sha256, size }) => ({ token, name, sha256, size }));
  }

  /** The bytes of a waiting file, only if they are still those that were hashed. */
  async read(token: string): Promise<Uint8Array> {
    const file = this.ready.get(token);
    if (!file) throw new Error(`${BRIDGE_ERRORS.invalidArgument}: no such inbox file`);
    const bytes = await readRegularFile(file.path).catch((error: unknown) => {
      this.ready.delete(token); // gone or unreadable: the next scan sees what is there
      throw error;
    });
    if (sha256Hex(bytes) !== file.sha256) {
      this.ready.delete(token);
      throw new Error(`${BRIDGE_ERRORS.inboxFileChanged}: the file changed since it was announced`);
    }
    return bytes;
  }

  /**
   * The page is done with a file (`done`: imported, skipped, held or refused, whatever it decided), or
   * wants it again later (`retry`: truncated, still arriving): handed again when it changes, or after
   * `retryMs` unchanged.
   */
  settle(token: string, outcome: 'done' | 'retry'): void {
    const file = this.ready.get(token);
    if (!file) return;
    this.ready.delete(token);
    this.handled.set(file.name, outcome === 'done' ? { signature: file.signature } : { signature: file.signature, retryAt: this.now() + this.retryMs });
    if (outcome === 'retry') this.schedule(this.retryMs);
  }

  /** One look at the folder (the timer and watch events call it; tests call it directly). */
  scan(): Promise<void> {
    this.scanning ??= this.scanOnce().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const sightings = await this.sightings();
    if (sightings === null) {
      this.setAvailable(false);
      this.unwatch();
      this.schedule(this.rescanMs);
      return;
    }
    this.setAvailable(true);
    this.ensureWatch();
    const now = this.now();
    let added = false;
    for (const file of this.tracker.observe(sightings, now)) {
      if (this.isSettled(file, now) || this.isReady(file)) continue;
      const path = join(this.options.folder, file.name);
      const sha256 = await readRegularFile(path).then(sha256Hex, () => undefined);
      const after = await lstat(path).catch(() => undefined);
      // Changed while hashed: the next scans start the wait again.
      if (sha256 === undefined || !after || signatureOf(after) !== signatureOf(file)) continue;
      const token = randomBytes(16).toString('hex');
      this.ready.set(token, { token, name: file.name, sha256, size: file.size, path, signature: signatureOf(file) });
      added = true;
    }
    if (added) this.options.onChange();
    const unsettled = sightings.some((file) => !this.isSettled(file, now) && !this.isReady(file));
    this.schedule(unsettled ? this.stableMs : this.rescanMs);
  }

  /** Candidate files with their size and time, or null when the folder is not there. */
  private async sightings(): Promise<FileSighting[] | null> {
    const entries = await readdir(this.options.folder, { withFileTypes: true }).catch(() => null);
    if (entries === null) return null;
    const files: FileSighting[] = [];
    for (const entry of entries) {
      // Regular files only: a symbolic link could point anywhere on this machine.
      if (!entry.isFile() || !isInboxCandidate(entry.name)) continue;
      const info = await lstat(join(this.options.folder, entry.name)).catch(() => undefined);
      if (info?.isFile()) files.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
    }
    return files;
  }

  private isSettled(file: FileSighting, now: number): boolean {
    const handled = this.handled.get(file.name);
    if (!handled || handled.signature !== signatureOf(file)) return false;
    return handled.retryAt === undefined || now < handled.retryAt;
  }

  private isReady(file: FileSighting): boolean {
    return [...this.ready.values()].some((r) => r.name === file.name && r.signature === signatureOf(file));
  }

  private setAvailable(available: boolean): void {
    if (this.availableNow === available) return;
    this.availableNow = available;
    this.options.onChange();
  }

  /** The next scan in `ms`, unless one is already due sooner. */
  private schedule(ms: number): void {
    if (this.stopped) return;
    const due = Date.now() + ms;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.scan().catch(() => this.schedule(this.rescanMs));
    }, ms);
  }

  private ensureWatch(): void {
    if (this.fsWatcher || this.options.watch === false || this.stopped) return;
    try {
      this.fsWatcher = watch(this.options.folder, { persistent: false }, () => this.schedule(300));
      this.fsWatcher.on('error', () => this.unwatch());
    } catch {
      this.fsWatcher = undefined; // the rescan timer still runs
    }
  }

  private unwatch(): void {
    this.fsWatcher?.close();
    this.fsWatcher = undefined;
  }
}
