/**
 * The browser's storage for this origin (IndexedDB lives there, in Electron too): ask that it be kept
 * (persistent: the browser will not evict it to free space), and how full it is, to warn before a write
 * fails. Works the same in Electron and in a browser; where the API is missing, says "unknown".
 */

export interface StorageStatus {
  /** Whether the browser promised to keep the data; undefined when it cannot say. */
  persisted?: boolean;
  /** Bytes used by this origin, and the most it may use (a share of the free disk). */
  usage?: number;
  quota?: number;
}

/** Warn when less than this share of the quota, or fewer than this many bytes, are left. */
const WARN_SHARE_LEFT = 0.1;
const WARN_BYTES_LEFT = 200 * 1024 * 1024;

/** The decision, pure: is the space left low enough to warn the person now, before a write fails? */
export function isStorageLow(status: StorageStatus): boolean {
  if (status.usage === undefined || !status.quota) return false;
  const left = status.quota - status.usage;
  return left < WARN_BYTES_LEFT || left / status.quota < WARN_SHARE_LEFT;
}

/** Ask, once at start-up, that the data be kept; answers whether it is. Never throws. */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | undefined> {
  try {
    if (!storage?.persist) return undefined;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return undefined;
  }
}

export async function readStorageStatus(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageStatus> {
  const status: StorageStatus = {};
  try {
    if (storage?.persisted) status.persisted = await storage.persisted();
    if (storage?.estimate) {
      const { usage, quota } = await storage.estimate();
      status.usage = usage;
      status.quota = quota;
    }
  } catch {
    // An unknown status is shown as unknown.
  }
  return status;
}

/** Whether `error` (or one it wraps: Dexie keeps the browser's in `inner`) says the disk or quota is full. */
export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner;
  }
  return false;
}
