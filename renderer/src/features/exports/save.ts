/**
 * Writing an export through the platform's streamed save: the save dialog first (nothing is read
 * before the person chose where), then the bytes in pieces of about a megabyte (fewer IPC calls than
 * one per chunk of rows), then the file is put in place — or thrown away on a failure or a cancel.
 */
import { platform, type FileKind } from '../../platform';

export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
}

const PIECE_BYTES = 1 << 20;

export type SavedExport<T> = { saved: false } | { saved: true; fileName: string; result: T };

export async function saveInPieces<T>(suggestedName: string, kind: FileKind, produce: (sink: ByteSink) => Promise<T>): Promise<SavedExport<T>> {
  const { stream } = await platform.beginSave({ suggestedName, kind });
  if (!stream) return { saved: false };
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const piece = new Uint8Array(pendingBytes);
    let offset = 0;
    for (const part of pending) {
      piece.set(part, offset);
      offset += part.byteLength;
    }
    pending = [];
    pendingBytes = 0;
    await platform.writeSave({ stream, bytes: piece });
  };
  const sink: ByteSink = {
    write: async (bytes) => {
      pending.push(bytes);
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= PIECE_BYTES) await flush();
    },
  };
  try {
    const result = await produce(sink);
    await flush();
    const saved = await platform.finishSave({ stream });
    return { saved: true, fileName: saved.fileName ?? suggestedName, result };
  } catch (error) {
    await platform.abortSave({ stream }).catch(() => undefined);
    throw error;
  }
}
