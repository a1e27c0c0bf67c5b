/**
 * The outbox: bundles the renderer made, put into a synced folder (or onto a USB stick) so that they
 * appear there whole or not at all, and never over another file. No Electron import: tested in Node.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BRIDGE_ERRORS, MAX_FILE_BYTES } from '../../shared/contract';
import { AtomicFileWriter, FileExistsError } from '../files';
import { outboxFileName } from './names';

/** How many other names are tried before giving up (each one a file already there). */
const MAX_NAME_ATTEMPTS = 50;

/** The chosen folder is not there: a USB stick unplugged, a network share down, a folder moved. */
export class FolderAbsentError extends Error {
  constructor() {
    super(`${BRIDGE_ERRORS.folderAbsent}: the folder is not available`);
    this.name = 'FolderAbsentError';
  }
}

/** True when `folder` is a directory we can see now. */
export async function folderAvailable(folder: string): Promise<boolean> {
  return stat(folder).then((info) => info.isDirectory(), () => false);
}

/**
 * Write `bytes` into `folder` under `suggestedName` (or the first free variant of it, see
 * `outboxFileName`): a hidden temporary file first, flushed, then linked or renamed into place, so a
 * sync engine or a reader never sees half a bundle under a `.relais` name. Returns the name written.
 */
export async function writeToOutbox(folder: string, suggestedName: string, bytes: Uint8Array): Promise<string> {
  if (!(await folderAvailable(folder))) throw new FolderAbsentError();
  const writer = await AtomicFileWriter.create(join(folder, outboxFileName(suggestedName, 0)), MAX_FILE_BYTES);
  await writer.write(bytes);
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt += 1) {
    const name = outboxFileName(suggestedName, attempt);
    try {
      await writer.commitWithoutOverwrite(join(folder, name));
      return name;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
  await writer.abort();
  throw new Error(`no free name for ${suggestedName} in the outbox`);
}
