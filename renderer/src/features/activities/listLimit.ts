/**
 * Above how many live activities the list stops reading them all into memory (issue 10, "a region on
 * one laptop").
 *
 * Below it the list reads every live activity once and filters in memory (`useActivityList`): instant
 * filters and an exact count, built for 100 000 (bench scenario 7). Decoded, 100 000 activities of the
 * bench's data hold 85 to 105 MB of JS heap, and their search texts (`searchIndex`) 27 MB more (measured
 * in Node with `--expose-gc`, `JSON.parse` of `bench/generate.ts` records: the same V8 objects the page
 * decodes). At 120 000, one read holds 100 to 130 MB and the list with its search texts 130 to 160 MB;
 * a live re-read (after any change) briefly holds the old list and the new one, 230 to 280 MB at most:
 * still under the 300 MB the whole-list read may take, which 150 000 would pass. Above
 * it (a region's million would be over a gigabyte and tens of seconds of decoding on the page's
 * thread) the list is paged: newest first, 200 at a time, filters scanned in bounded steps
 * (`usePagedActivities`).
 */
export const LIST_IN_MEMORY_LIMIT = 120_000;

/**
 * A tuning value, read once when the app starts: localStorage `relais.tuning.listInMemoryLimit`, a
 * whole number (the end-to-end test lowers it to try the paged list on a few hundred activities; a
 * support person can lower it on a laptop short of memory). Anything else is ignored.
 */
export const LIST_LIMIT_TUNING_KEY = 'relais.tuning.listInMemoryLimit';

function tunedLimit(): number {
  try {
    const raw = globalThis.localStorage?.getItem(LIST_LIMIT_TUNING_KEY);
    // Digits only: Number('') is 0, which would page every list.
    return raw && /^\d+$/.test(raw) ? Number(raw) : LIST_IN_MEMORY_LIMIT;
  } catch {
    // Storage refused (a locked-down profile): the default.
    return LIST_IN_MEMORY_LIMIT;
  }
}

/** The ceiling in force for this run of the app. */
export const listInMemoryLimit: number = tunedLimit();
