import { describe, expect, it } from 'vitest';
import type { Activity } from '../records';
import { LORMES } from '../../testkit/records';
import { accumulateChange, dimensionsOf, EVERY_TYPE, STAT_KEY_SEPARATOR, statKey, type StatRow } from './activityStats';

const activity: Activity & { authorDevice: string } = {
  type: 'individuel', date: '2026-03-15', duree: 45, typeLieu: 'domicile', commune: LORMES, thematiques: ['email', 'aide_aux_demarches_administratives'],
  thematiquesDemarche: ['logement'], materiel: [], tags: ['senior'], beneficiaryIds: [], structureEmployeuse: { nom: 'Mairie de Lormes' },
  authorDevice: 'dev-a',
};
const live = { ...activity, deleted: 0, erased: 0 };

describe('the rows an activity counts in', () => {
  it('one per dimension value under its type, and `all` also under every type: as many as when the type had rows of its own', () => {
    expect(dimensionsOf(activity, undefined)).toEqual([
      ['all', '', EVERY_TYPE], ['all', '', 'individuel'], ['author', 'dev-a', 'individuel'], ['structure', 'Mairie de Lormes', 'individuel'],
      ['commune', '58145', 'individuel'], ['dept', '58', 'individuel'], ['them', 'email', 'individuel'],
      ['them', 'aide_aux_demarches_administratives', 'individuel'], ['dem', 'logement', 'individuel'], ['tag', 'senior', 'individuel'],
    ]);
    // Before schema 16: all, type, author, structure, commune, dept, two thématiques, a démarche, a tag.
    expect(dimensionsOf(activity, undefined)).toHaveLength(10);
  });

  it('keys a row by dimension, value, type and month, so a range of months of one type is one key range', () => {
    expect(statKey('commune', '58145', 'collectif', '2026-03')).toBe(['commune', '58145', 'collectif', '2026-03'].join(STAT_KEY_SEPARATOR));
    expect(statKey('all', '', EVERY_TYPE, '2026-03')).toBe(`all${STAT_KEY_SEPARATOR}${STAT_KEY_SEPARATOR}${STAT_KEY_SEPARATOR}2026-03`);
    const months = ['2026-01', '2026-02', '2026-03'].map((month) => statKey('commune', '58145', 'collectif', month));
    expect([...months, statKey('commune', '58145', 'individuel', '2026-02'), statKey('commune', '581450', 'collectif', '2026-02')].sort().slice(0, 3)).toEqual(months);
  });

  it('moves an activity whose type changes from its type\'s rows to the other\'s, the rows of every type unchanged', () => {
    const deltas = new Map<string, StatRow>();
    accumulateChange(deltas, live, { ...live, type: 'collectif' });
    const moved = (type: string) => [...deltas.values()].filter((row) => row.type === type).map((row) => [row.dim, row.value, row.activities]);
    expect(moved('individuel').every(([, , n]) => n === -1)).toBe(true);
    expect(moved('collectif').every(([, , n]) => n === 1)).toBe(true);
    expect(moved('individuel').map(([dim, value]) => [dim, value])).toEqual(moved('collectif').map(([dim, value]) => [dim, value]));
    const everyType = deltas.get(statKey('all', '', EVERY_TYPE, '2026-03'))!;
    expect([everyType.activities, everyType.individuel, everyType.collectif]).toEqual([0, -1, 1]);
  });
});
