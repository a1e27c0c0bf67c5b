/**
 * The files of the folder the person chose last ("import a folder"): their paths stay here, the page
 * gets a name, a size and a token for each, and reads one file at a time when the import comes to it.
 * A region's folder (300 bundles, hundreds of megabytes) then never crosses the bridge in one message
 * (a very large IPC message can crash the app) nor sits in the page whole.
 *
 * A file is read only if it is still the one chosen: same size and modification time, else
 * RELAIS_CHOSEN_FILE_CHANGED (a bundle rewritten by a sync tool meanwhile is opened again by a new
 * choice, not half-old). A new choice forgets the tokens of the last one.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { BRIDGE_ERRORS, BridgeArgumentError, type ChosenFile } from '../shared/contract';
import { FileTooLargeError, readFileLimited, safeBaseName } from './files';

interface Chosen {
  path: string;
  /** Its base name, as the page was told it (and as an error names it). */
  name: string;
  size: number;
  mtimeMs: number;
}

export class ChosenFileChangedError extends Error {
  constructor(name: string) {
    super(`${BRIDGE_ERRORS.chosenFileChanged}: ${name} is not the file chosen any more`);
    this.name = 'ChosenFileChangedError';
  }
}

export class ChosenFiles {
  private chosen = new Map<string, Chosen>();

  constructor(private readonly maxBytes: number) {}

  /** Name, size and token of each path (in order); the files that are not regular files are left out. */
  async choose(paths: readonly string[]): Promise<ChosenFile[]> {
    this.chosen = new Map();
    const files: ChosenFile[] = [];
    for (const path of paths) {
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) continue;
      const token = randomBytes(16).toString('hex');
      const name = safeBaseName(path);
      this.chosen.set(token, { path, name, size: info.size, mtimeMs: info.mtimeMs });
      files.push({ name, size: info.size, token });
    }
    return files;
  }

  /** The bytes of a file of the last choice, if it is still the file chosen. */
  async read(token: string): Promise<Uint8Array> {
    const file = this.chosen.get(token);
    if (!file) throw new BridgeArgumentError('token is not a file of the last choice');
    const info = await stat(file.path).catch(() => undefined);
    if (!info?.isFile() || info.size !== file.size || info.mtimeMs !== file.mtimeMs) throw new ChosenFileChangedError(file.name);
    if (file.size > this.maxBytes) throw new FileTooLargeError(this.maxBytes);
    // Rewritten during the read (grown past, or short of, the size chosen): not the file chosen either.
    const bytes = await readFileLimited(file.path, file.size).catch((error: unknown) => {
      throw error instanceof FileTooLargeError ? new ChosenFileChangedError(file.name) : error;
    });
    if (bytes.byteLength !== file.size) throw new ChosenFileChangedError(file.name);
    return bytes;
  }
}
