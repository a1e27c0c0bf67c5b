/** Live reads shared by the village and survey screens (redraw on every change, no manual refresh). */
import { useLiveQuery } from 'dexie-react-hooks';
import { getRelais } from '../../db';
import type { Stored, Village } from '../../domain/records';
import { live, newestFirst } from './villageQueries';

/** Live villages, newest first; `undefined` while loading. */
export function useLiveVillages(): Stored<Village>[] | undefined {
  return useLiveQuery(async () => newestFirst(live(await getRelais().db.villages.where('deleted').equals(0).toArray())), []);
}

/** One village (deleted ones too, so the page can say so); `null` when it does not exist. */
export function useVillage(id: string | undefined): Stored<Village> | null | undefined {
  return useLiveQuery(async () => (id ? (await getRelais().villages.get(id)) ?? null : null), [id]);
}
