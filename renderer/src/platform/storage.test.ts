import { describe, expect, it, vi } from 'vitest';
import { isStorageFull, isStorageLow, readStorageStatus, requestPersistentStorage } from './storage';

const MB = 1024 * 1024;

describe('storage', () => {
  it('warns when less than 10 % or 200 MB are left', () => {
    expect(isStorageLow({ usage: 100 * MB, quota: 10_000 * MB })).toBe(false);
    expect(isStorageLow({ usage: 9_950 * MB, quota: 10_000 * MB })).toBe(true); // 50 MB left
    expect(isStorageLow({ usage: 850 * MB, quota: 1_000 * MB })).toBe(true); // 15 % left, but only 150 MB
    expect(isStorageLow({ usage: 0, quota: 1_000 * MB })).toBe(false);
    expect(isStorageLow({})).toBe(false);
  });

  it('asks for persistence once, and reports what the browser answers', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true), estimate: vi.fn(async () => ({ usage: 5, quota: 50 })) };
    expect(await requestPersistentStorage(storage as unknown as StorageManager)).toBe(true);
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(await readStorageStatus(storage as unknown as StorageManager)).toEqual({ persisted: false, usage: 5, quota: 50 });
    expect(await requestPersistentStorage(undefined)).toBeUndefined();
    expect(await readStorageStatus({ persisted: () => Promise.reject(new Error('x')) } as unknown as StorageManager)).toEqual({});
  });

  it('recognises a full disk in the error or in the one Dexie wraps', () => {
    expect(isStorageFull(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isStorageFull(new Error('other'))).toBe(false);
  });
});
