import { describe, expect, it } from 'vitest';
import { isRecordKind, RECORD_KINDS, tableOf, validatorOf } from './kinds';
import { isPersonalData } from './sync/bundle';
import type { SyncRecord } from './sync/merge';

function record(fields: Record<string, unknown>, erased: 0 | 1 = 0): SyncRecord {
  return {
    id: '01890000-0000-7000-8000-000000000001', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    authorDevice: 'aaaaaaaaaaaaaaaa', versions: {}, deleted: erased, erased, ...fields,
  };
}

describe('the record kinds registry', () => {
  it('lists each kind once, each with its own table and validator', () => {
    expect(RECORD_KINDS).toEqual(expect.arrayContaining([
      'village', 'survey', 'activity', 'place', 'beneficiary', 'workshopTemplate', 'workshopSeries', 'workshopSession',
    ]));
    expect(new Set(RECORD_KINDS).size).toBe(RECORD_KINDS.length);
    expect(new Set(RECORD_KINDS.map(tableOf)).size).toBe(RECORD_KINDS.length);
    expect(new Set(RECORD_KINDS.map(validatorOf)).size).toBe(RECORD_KINDS.length);
  });

  it('knows a kind from any other string, inherited names included', () => {
    expect(isRecordKind('village')).toBe(true);
    expect(isRecordKind('villages')).toBe(false);
    expect(isRecordKind('toString')).toBe(false);
    expect(isRecordKind(undefined)).toBe(false);
  });

  it('says which records are personal data: followed people, records linked to them, never an erasure', () => {
    expect(isPersonalData({ kind: 'beneficiary', record: record({ code: 'B-0001' }) })).toBe(true);
    expect(isPersonalData({ kind: 'beneficiary', record: record({}, 1) })).toBe(false);
    expect(isPersonalData({ kind: 'activity', record: record({ beneficiaryIds: ['p1'] }) })).toBe(true);
    expect(isPersonalData({ kind: 'activity', record: record({ beneficiaryIds: [] }) })).toBe(false);
    expect(isPersonalData({ kind: 'activity', record: record({ beneficiaryIds: 'p1' }) })).toBe(false);
    // A series lists who is enrolled, a session who came: linked to followed people as much as an activity.
    expect(isPersonalData({ kind: 'workshopSeries', record: record({ participantIds: ['p1'] }) })).toBe(true);
    expect(isPersonalData({ kind: 'workshopSeries', record: record({ participantIds: [] }) })).toBe(false);
    expect(isPersonalData({ kind: 'workshopSession', record: record({ presents: ['p1'] }) })).toBe(true);
    expect(isPersonalData({ kind: 'workshopSession', record: record({ presents: [] }) })).toBe(false);
    for (const kind of ['village', 'survey', 'place', 'workshopTemplate', 'workshopSeries', 'workshopSession'] as const) {
      expect(isPersonalData({ kind, record: record({ beneficiaryIds: ['p1'] }) }), kind).toBe(false);
    }
  });
});
