/**
 * The stability rule of the inbox: a file is read only once it has stopped changing. A sync engine or
 * a copy to a USB stick may show a file before its last byte is there, and Syncthing gives a received
 * file its sender's (old) modification time, so "old mtime" alone proves nothing: the same size and
 * modification time must be seen by scans at least `stableMs` apart. Pure and clock-free (the caller
 * passes `now`), so the rule is tested without waiting.
 */

export interface FileSighting {
  name: string;
  size: number;
  mtimeMs: number;
}

/** Size and modification time as one comparable value: any change of either starts the wait again. */
export function signatureOf(file: Pick<FileSighting, 'size' | 'mtimeMs'>): string {
  return `${file.size}:${file.mtimeMs}`;
}

export class StabilityTracker {
  /** Per name: its signature and when it was first seen with it. */
  private readonly seen = new Map<string, { signature: string; since: number }>();

  constructor(private readonly stableMs: number) {}

  /**
   * One scan of the folder: every candidate file with its size and time. Returns the files stable now
   * (unchanged for `stableMs`, not empty). Files gone from the folder are forgotten.
   */
  observe(files: readonly FileSighting[], now: number): FileSighting[] {
    const present = new Set(files.map((f) => f.name));
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    const stable: FileSighting[] = [];
    for (const file of files) {
      const signature = signatureOf(file);
      const known = this.seen.get(file.name);
      if (!known || known.signature !== signature) {
        this.seen.set(file.name, { signature, since: now });
        continue;
      }
      if (file.size > 0 && now - known.since >= this.stableMs) stable.push(file);
    }
    return stable;
  }

  /** Files seen but not yet stable: the caller scans again sooner while any wait. */
  get waiting(): number {
    return this.seen.size;
  }
}
