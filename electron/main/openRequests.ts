/**
 * Files the operating system asks Relais to open: a double-click on a `.relais` or `.relaiscard`
 * (associated by the installers), "Open with", or a second launch with a file while Relais runs.
 *
 * Main keeps their *paths* here and never sends one to the page: it tells the page that files wait,
 * the page asks for them through the checked bridge, and gets each file's base name and bytes — read
 * with the same shared size budget as the open dialog. Only regular files with one of the associated
 * extensions are ever read. No Electron import: tested in plain Node.
 */
import { isAbsolute, resolve } from 'node:path';
import { FILE_EXTENSIONS, MAX_FILE_BYTES, MAX_OPEN_FILES, OPENABLE_KINDS, type OpenableKind, type OpenFileRequest } from '../shared/contract';
import { readWithinBudget, safeBaseName } from './files';

/** The associated kind of a path, by its extension (any case), or null. */
export function openableKind(path: string): OpenableKind | null {
  const lower = path.toLowerCase();
  return OPENABLE_KINDS.find((kind) => FILE_EXTENSIONS[kind].some((ext) => lower.endsWith(`.${ext}`))) ?? null;
}

/**
 * The files named on a command line: every argument after the executable that is not a switch and
 * has an associated extension, made absolute against the launching instance's folder. Chromium may
 * add switches of its own to a second instance's argv, and in development argv[1] is the app's
 * script: neither has our extensions.
 */
export function filesInArgv(argv: readonly string[], workingDirectory: string): string[] {
  const files = argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && openableKind(arg) !== null)
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
  return [...new Set(files)];
}

/** A file that could not be handed over, and why (a bridge error code or a Node error code). */
export interface RefusedOpenRequest {
  name: string;
  kind: OpenableKind;
  error: unknown;
}

export class OpenRequestQueue {
  private paths: string[] = [];

  /** Queue the files; true when at least one is new (so the page should be told). */
  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((path) => openableKind(path) !== null && !this.paths.includes(path));
    this.paths.push(...fresh);
    this.paths = this.paths.slice(-MAX_OPEN_FILES); // a flood of launches keeps only the latest files
    return fresh.length > 0;
  }

  get size(): number {
    return this.paths.length;
  }

  /**
   * Read every waiting file and forget its path, with the open dialog's rule: the files of one
   * hand-over share one budget of MAX_FILE_BYTES. One that cannot be read is refused, the others go.
   */
  async take(): Promise<{ files: OpenFileRequest[]; refused: RefusedOpenRequest[] }> {
    const waiting = this.paths;
    this.paths = [];
    const files: OpenFileRequest[] = [];
    const refused: RefusedOpenRequest[] = [];
    for (const result of await readWithinBudget(waiting, MAX_FILE_BYTES)) {
      const kind = openableKind(result.path) as OpenableKind;
      const name = safeBaseName(result.path);
      if ('error' in result) refused.push({ kind, name, error: result.error });
      else files.push({ kind, name, bytes: result.bytes });
    }
    return { files, refused };
  }
}
