import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Relais } from './index';
import { openRelaisWithKeys } from '../testkit/db';
import { applyRetention } from './retention';
import { saveProfile } from './profile';
import { stampedRecord } from '../testkit/hostileCorpus';
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

const RETENTION_DAYS = 366;

describe('data protection: anonymise followed people one year after last use', () => {
  it('anonymises a person unused for a year as La Coop does, keeps one seen recently, and keeps activity counts', async () => {
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
    // Code (and year of birth) cleared; gender, age band, status, "already helped" kept for statistics.
    expect(await beneficiaryData(relais, forgotten.id)).toEqual({
      genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false, anonymiseLe: '2026-01-17',
    });
    expect(await relais.db.beneficiaries.get(forgotten.id)).toMatchObject({ erased: 0, deleted: 0 });
    expect(await beneficiaryData(relais, stillFollowed.id)).toMatchObject({ code: 'B-0002' });
    // The activity still counts its participant (the id), with no personal data behind it.
    expect((await relais.db.activities.get(oldSession.id))?.beneficiaryIds).toEqual([forgotten.id]);
    // Running again changes nothing.
    expect(await applyRetention(relais, now)).toBe(0);
  });

  it('keeps the age band as of the anonymisation, and takes the shorter retention of a structure', async () => {
    relais = openRelaisWithKeys(`retention-${Math.random()}`);
    vi.useFakeTimers({ now: START, toFake: ['Date'] });
    await saveProfile(relais.db, {
      displayName: 'Aïcha', role: 'mediateur', structure: 'Mairie',
      structures: [{ nom: 'Mairie', retentionMonths: 12 }, { nom: 'Centre social', retentionMonths: 3 }],
    });
    const withYear = await relais.beneficiaries.create({ ...PERSON, code: 'B-0003', anneeNaissance: 1990, trancheAge: 'vingt_cinq_trente_neuf' });
    const short = await relais.beneficiaries.create({ ...PERSON, code: 'B-0004' });
    const long = await relais.beneficiaries.create({ ...PERSON, code: 'B-0005' });
    await relais.activities.create({ ...session('2025-01-15', short.id), structureEmployeuse: { nom: 'Centre social' } });
    await relais.activities.create({ ...session('2025-01-15', long.id), structureEmployeuse: { nom: 'Mairie' } });
    await relais.activities.create({ ...session('2025-01-15', withYear.id), structureEmployeuse: { nom: 'Mairie' } });

    const fourMonths = new Date(START + 122 * DAY);
    vi.setSystemTime(fourMonths);
    expect(await applyRetention(relais, fourMonths)).toBe(1);
    expect(await beneficiaryData(relais, short.id)).toMatchObject({ anonymiseLe: '2025-05-17' });
    expect(await beneficiaryData(relais, long.id)).toMatchObject({ code: 'B-0005' });

    const later = new Date(START + 400 * DAY);
    vi.setSystemTime(later);
    expect(await applyRetention(relais, later)).toBe(2);
    // Born 1990, anonymised in 2026: 36, kept as "25 - 39" with no year of birth left.
    const person = await beneficiaryData(relais, withYear.id);
    expect(person).toMatchObject({ trancheAge: 'vingt_cinq_trente_neuf' });
    expect(person).not.toHaveProperty('anneeNaissance');
    expect(person).not.toHaveProperty('code');
  });

  it('anonymises only the people this laptop wrote: a copy received from another laptop follows its author', async () => {
    relais = openRelaisWithKeys(`retention-${Math.random()}`);
    vi.useFakeTimers({ now: START, toFake: ['Date'] });
    const mine = await relais.beneficiaries.create(PERSON);
    const theirs = stampedRecord({ ...PERSON, code: 'B-0009' }, START, 0, 'b2'.repeat(16));
    await relais.db.beneficiaries.put({ ...theirs, seq: 0 } as never);
    const later = new Date(START + 400 * DAY);
    vi.setSystemTime(later);
    expect(await applyRetention(relais, later)).toBe(1);
    expect(await beneficiaryData(relais, mine.id)).not.toHaveProperty('code');
    expect(await beneficiaryData(relais, theirs.id)).toMatchObject({ code: 'B-0009' });
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
