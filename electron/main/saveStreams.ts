/**
 * Streamed saves (contract: beginSave / writeSave / finishSave / abortSave): each open save is an
 * AtomicFileWriter behind a random token, the only thing the page ever holds. Main still never reads
 * what it writes; it bounds how much and how many.
 */
import { randomBytes } from 'node:crypto';
import { BRIDGE_ERRORS, MAX_OPEN_SAVE_STREAMS, MAX_STREAMED_FILE_BYTES, type FileKind, type SaveFileResult } from '../shared/contract';
import { AtomicFileWriter, safeBaseName } from './files';

interface OpenSave {
  writer: AtomicFileWriter;
  kind: FileKind;
}

export class SaveStreams {
  private readonly open = new Map<string, OpenSave>();

  constructor(private readonly maxBytes = MAX_STREAMED_FILE_BYTES, private readonly maxOpen = MAX_OPEN_SAVE_STREAMS) {}

  /** Start writing to `path` (already chosen in the save dialog); returns the token. */
  async begin(path: string, kind: FileKind): Promise<string> {
    if (this.open.size >= this.maxOpen) throw new Error(`${BRIDGE_ERRORS.invalidArgument}: too many saves open`);
    const writer = await AtomicFileWriter.create(path, this.maxBytes);
    const token = randomBytes(16).toString('hex');
    this.open.set(token, { writer, kind });
    return token;
  }

  private get(token: string): OpenSave {
    const save = this.open.get(token);
    if (!save) throw new Error(`${BRIDGE_ERRORS.invalidArgument}: no such save`);
    return save;
  }

  async write(token: string, bytes: Uint8Array): Promise<void> {
    const save = this.get(token);
    try {
      await save.writer.write(bytes);
    } catch (error) {
      this.open.delete(token); // the writer threw its pieces away
      throw error;
    }
  }

  async finish(token: string): Promise<SaveFileResult & { kind: FileKind; bytes: number }> {
    const save = this.get(token);
    this.open.delete(token);
    await save.writer.commit();
    return { saved: true, fileName: safeBaseName(save.writer.target), kind: save.kind, bytes: save.writer.bytesWritten };
  }

  async abort(token: string): Promise<void> {
    const save = this.open.get(token);
    this.open.delete(token);
    await save?.writer.abort();
  }

  /** Throw away every unfinished save (the window closed mid-export). */
  async abortAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((token) => this.abort(token)));
  }
}
