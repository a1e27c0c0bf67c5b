import { afterEach, describe, expect, it, vi } from 'vitest';

/** The ceiling as the app would read it at start, with `stored` in localStorage (or no storage at all). */
async function limitWith(stored: string | null | 'throws'): Promise<{ limit: number; fallback: number }> {
  vi.resetModules();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => {
      if (stored === 'throws') throw new Error('storage refused');
      return key === 'relais.tuning.listInMemoryLimit' ? stored : null;
    },
  });
  const module = await import('./listLimit');
  return { limit: module.listInMemoryLimit, fallback: module.LIST_IN_MEMORY_LIMIT };
}

afterEach(() => vi.unstubAllGlobals());

describe('the activity list\'s in-memory ceiling (a tuning value read once at start)', () => {
  it('is 120,000 unless lowered, above the 100,000 of bench scenario 7', async () => {
    const { limit, fallback } = await limitWith(null);
    expect(limit).toBe(120_000);
    expect(fallback).toBe(120_000);
  });

  it('takes a whole number from localStorage, and ignores anything else', async () => {
    expect((await limitWith('100')).limit).toBe(100);
    expect((await limitWith('0')).limit).toBe(0);
    for (const junk of ['', 'beaucoup', '-5', '12.5', 'Infinity']) expect((await limitWith(junk)).limit, junk).toBe(120_000);
    expect((await limitWith('throws')).limit).toBe(120_000);
  });
});
