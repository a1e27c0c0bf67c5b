/**
 * The synced folders as the bridge serves them: the chosen paths (./store.ts), the outbox writes
 * (./outbox.ts) and the inbox watcher (./inboxWatcher.ts), behind opaque handles and file tokens. No
 * Electron import: the dialog that chooses a folder is handed in by the caller.
 */
import { BRIDGE_ERRORS, type InboxFile, type SyncFolderInfo, type SyncFolderRole, type SyncFoldersState } from '../../shared/contract';
import { InboxWatcher, type InboxWatcherOptions } from './inboxWatcher';
import { folderAvailable, writeToOutbox } from './outbox';
import { folderDisplayName, SyncFolderStore } from './store';

export type WatcherTuning = Pick<InboxWatcherOptions, 'stableMs' | 'rescanMs' | 'retryMs' | 'watch'>;

export class SyncFolderService {
  private watcher: InboxWatcher | undefined;
  private loaded: Promise<void> = Promise.resolve();

  constructor(private readonly store: SyncFolderStore, private readonly onChange: () => void, private readonly tuning: WatcherTuning = {}) {}

  /** Load the saved folders and start watching the inbox (calls made meanwhile wait for it). */
  start(): Promise<void> {
    this.loaded = this.store.load().then(() => this.watchInbox());
    return this.loaded;
  }

  stop(): void {
    this.watcher?.stop();
    this.watcher = undefined;
  }

  async state(): Promise<SyncFoldersState> {
    await this.loaded;
    const state: SyncFoldersState = {};
    for (const role of ['inbox', 'outbox'] as const) {
      const folder = this.store.get(role);
      if (!folder) continue;
      const available = role === 'inbox' && this.watcher?.available !== undefined ? this.watcher.available : await folderAvailable(folder.path);
      const info: SyncFolderInfo = { handle: folder.handle, displayName: folderDisplayName(folder.path), available };
      state[role] = info;
    }
    return state;
  }

  async choose(role: SyncFolderRole, path: string): Promise<SyncFoldersState> {
    await this.loaded;
    await this.store.set(role, path);
    if (role === 'inbox') this.watchInbox();
    return this.state();
  }

  async forget(role: SyncFolderRole): Promise<SyncFoldersState> {
    await this.loaded;
    await this.store.forget(role);
    if (role === 'inbox') this.watchInbox();
    return this.state();
  }

  /** Write into the outbox named by `handle`; refused when the outbox changed since the page learnt it. */
  async writeOutbox(handle: string, suggestedName: string, bytes: Uint8Array): Promise<string> {
    await this.loaded;
    const folder = this.store.byHandle('outbox', handle);
    if (!folder) throw new Error(`${BRIDGE_ERRORS.folderChanged}: the outbox is not that folder any more`);
    return writeToOutbox(folder.path, suggestedName, bytes);
  }

  inboxFiles(): InboxFile[] {
    return this.watcher?.waiting() ?? [];
  }

  readInbox(token: string): Promise<Uint8Array> {
    if (!this.watcher) throw new Error(`${BRIDGE_ERRORS.invalidArgument}: no inbox`);
    return this.watcher.read(token);
  }

  settleInbox(token: string, outcome: 'done' | 'retry'): void {
    this.watcher?.settle(token, outcome);
  }

  /** Look at the inbox now (the page's "check now", and a USB stick just plugged in). */
  async rescan(): Promise<void> {
    await this.watcher?.scan();
  }

  private watchInbox(): void {
    this.watcher?.stop();
    const folder = this.store.get('inbox');
    this.watcher = folder ? new InboxWatcher({ folder: folder.path, onChange: this.onChange, ...this.tuning }) : undefined;
    this.watcher?.start();
  }
}
