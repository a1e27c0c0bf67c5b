import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Relais } from './index';
import { openRelaisWithKeys } from '../testkit/db';
import { liveActivitiesByDate } from './activities';
import type { Activity } from '../domain/records';
import { LORMES } from '../testkit/records';

let relais: Relais;
afterEach(() => relais.db.delete());

const activity = (date: string): Activity => ({
  type: 'individuel', date, duree: 30, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [],
  materiel: [], tags: [], beneficiaryIds: [],
});

describe('reading activities by date in chunks (exports)', () => {
  it('gives each live activity of the period once, in date order, whatever the chunk size and the ties', async () => {
    relais = openRelaisWithKeys(`chunks-${Math.random()}`);
    const dates = ['2026-01-01', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-03', '2026-01-05', '2026-01-05', '2026-02-01'];
    const created = [];
    for (const date of dates) created.push(await relais.activities.create(activity(date)));
    await relais.activities.remove(created[3].id);
    const live = created.filter((_, i) => i !== 3);
    const expected = (from?: string, to?: string) => live
      .filter((a) => (!from || a.date >= from) && (!to || a.date <= to))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)).map((a) => a.id);
    for (const size of [1, 2, 3, 5, 100]) {
      for (const [from, to] of [[undefined, undefined], ['2026-01-02', '2026-01-05'], ['2026-01-04', undefined]] as const) {
        const seen: string[] = [];
        for await (const chunk of liveActivitiesByDate(relais.db, from, to, size)) seen.push(...chunk.map((a) => a.id));
        expect(seen, `size ${size} from ${from} to ${to}`).toEqual(expected(from, to));
      }
    }
  });
});
