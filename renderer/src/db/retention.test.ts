import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Relais } from './index';
import { openRelaisWithKeys } from '../testkit/db';
import { applyRetention, RETENTION_DAYS } from './retention';
import { dataOf, type Activity, type Beneficiary } from '../domain/records';

/** The data a person still has (nothing once anonymised). */
async function beneficiaryData(relais: Relais, id: string) {
  const stored = await relais.beneficiaries.get(id);
  return stored && !stored.erased ? dataOf(stored) : undefined;
}

const PERSON: Beneficiary = { code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 0, 15, 10);

function session(date: string, beneficiaryId: string): Activity {
  return {
    type: 'individuel', date, duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [], materiel: [],
    tags: [], beneficiaryIds: [beneficiaryId], autonomie: 'autonome', orienteVersStructure: false,
  };
}

let relais: Relais;
afterEach(async () => {
  vi.useRealTimers();
  await relais.db.delete();
});

describe('data protection: anonymise followed people one year after last use', () => {
  it('erases a person unused for a year, keeps one seen recently, and keeps activity counts', async () => {
    relais = openRelaisWithKeys(`retention-${Math.random()}`);
    vi.useFakeTimers({ now: START, toFake: ['Date'] });
    const forgotten = await relais.beneficiaries.create(PERSON);
    const stillFollowed = await relais.beneficiaries.create({ ...PERSON, code: 'B-0002' });
    const oldSession = await relais.activities.create(session('2025-01-15', forgotten.id));
    // Eleven months later, a new session with the second person.
    vi.setSystemTime(START + 330 * DAY);
    await relais.activities.create(session('2025-12-11', stillFollowed.id));

    const now = new Date(START + (RETENTION_DAYS + 1) * DAY);
    vi.setSystemTime(now);
    expect(await applyRetention(relais, now)).toBe(1);
    expect(await beneficiaryData(relais, forgotten.id)).toBeUndefined();
    expect(await relais.db.beneficiaries.get(forgotten.id)).toMatchObject({ erased: 1, deleted: 1 });
    expect(await beneficiaryData(relais, stillFollowed.id)).toMatchObject({ code: 'B-0002' });
    // The activity still counts its participant (the id), with no personal data behind it.
    expect((await relais.db.activities.get(oldSession.id))?.beneficiaryIds).toEqual([forgotten.id]);
    // Running again changes nothing.
    expect(await applyRetention(relais, now)).toBe(0);
  });

  it('keeps a person changed recently even without any activity', async () => {
    relais = openRelaisWithKeys(`retention-${Math.random()}`);
    vi.useFakeTimers({ now: START, toFake: ['Date'] });
    const person = await relais.beneficiaries.create(PERSON);
    vi.setSystemTime(START + 300 * DAY);
    await relais.beneficiaries.update(person.id, { ...PERSON, statutSocial: 'sans_emploi' });
    const now = new Date(START + (RETENTION_DAYS + 10) * DAY);
    expect(await applyRetention(relais, now)).toBe(0);
  });
});
