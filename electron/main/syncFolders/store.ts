/**
 * Where the inbox and the outbox are: paths chosen in the OS dialog, kept by main in a small JSON file
 * of the user-data folder. The page knows each folder only by an opaque handle (32 random hex digits,
 * new at every choice) and a display name; a call naming an old handle (the folder changed meanwhile)
 * is refused instead of writing to the wrong place. No Electron import: tested in Node.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SYNC_FOLDER_ROLES, type SyncFolderRole } from '../../shared/contract';
import { writeFileAtomic } from '../files';

export interface StoredFolder {
  path: string;
  handle: string;
}

type Stored = Partial<Record<SyncFolderRole, StoredFolder>>;

const HANDLE = /^[0-9a-f]{32}$/;

function parse(text: string): Stored {
  const raw: unknown = JSON.parse(text);
  const stored: Stored = {};
  if (typeof raw !== 'object' || raw === null) return stored;
  for (const role of SYNC_FOLDER_ROLES) {
    const entry = (raw as Record<string, unknown>)[role] as Partial<StoredFolder> | undefined;
    if (entry && typeof entry.path === 'string' && entry.path.length > 0 && typeof entry.handle === 'string' && HANDLE.test(entry.handle)) {
      stored[role] = { path: entry.path, handle: entry.handle };
    }
  }
  return stored;
}

export class SyncFolderStore {
  private folders: Stored = {};

  constructor(private readonly file: string) {}

  /** Read the saved choice (a missing or damaged file means no folder chosen). */
  async load(): Promise<void> {
    this.folders = await readFile(this.file, 'utf8').then(parse, () => ({}));
  }

  get(role: SyncFolderRole): StoredFolder | undefined {
    return this.folders[role];
  }

  /** The folder of `role` if `handle` is still its handle. */
  byHandle(role: SyncFolderRole, handle: string): StoredFolder | undefined {
    const folder = this.folders[role];
    return folder && folder.handle === handle ? folder : undefined;
  }

  async set(role: SyncFolderRole, path: string): Promise<StoredFolder> {
    const folder = { path, handle: randomBytes(16).toString('hex') };
    this.folders = { ...this.folders, [role]: folder };
    await this.save();
    return folder;
  }

  async forget(role: SyncFolderRole): Promise<void> {
    const { [role]: _gone, ...rest } = this.folders;
    this.folders = rest;
    await this.save();
  }

  private save(): Promise<void> {
    return writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(this.folders)));
  }
}

/** What the page is shown of a path: its last two segments ("CLE-USB / relais"), never the whole path. */
export function folderDisplayName(path: string): string {
  const parts = path.split(/[/\\]/).filter((part) => part.length > 0);
  // eslint-disable-next-line no-control-regex
  return parts.slice(-2).join(' / ').replace(/[\u0000-\u001f\u007f]/g, '');
}
