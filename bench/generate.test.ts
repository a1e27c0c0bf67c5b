import { describe, expect, it } from 'vitest';
import { dataOf } from '../renderer/src/domain/records';
import { isStamp } from '../renderer/src/domain/hlc';
import { isIdOfAuthor, UUID_PATTERN } from '../renderer/src/domain/ids';
import { validateActivity } from '../renderer/src/domain/activity';
import { validateBeneficiary } from '../renderer/src/domain/beneficiary';
import { validatePlace } from '../renderer/src/domain/place';
import { validateSurvey } from '../renderer/src/domain/survey';
import { validateVillage } from '../renderer/src/domain/village';
import {
  AUTHORED_TABLES, TABLES, countRecords, datasetHash, datasetMix, editOnDevice, datasetInParts, generateDataset, jsonBytes, type TableName,
} from './generate';

const VALIDATORS: Record<TableName, (data: never) => unknown[]> = {
  villages: validateVillage,
  places: validatePlace,
  beneficiaries: validateBeneficiary,
  surveys: validateSurvey,
  activities: validateActivity,
};

describe('bench data generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(datasetHash(generateDataset(500, 7))).toBe(datasetHash(generateDataset(500, 7)));
    expect(datasetHash(generateDataset(500, 7))).not.toBe(datasetHash(generateDataset(500, 8)));
  });

  it('hands out the same records in parts (the 1M seed), the activities a chunk at a time', () => {
    const whole = generateDataset(1500, 7);
    const parts = [...datasetInParts(1500, 7, { chunk: 400 })];
    expect(parts.map((p) => p.activities.length)).toEqual([400, 400, 400, whole.activities.length - 1200]);
    const joined = { ...parts[0], activities: parts.flatMap((p) => p.activities) };
    expect(datasetHash(joined)).toBe(datasetHash(whole));
    expect([...datasetInParts(1500, 7, { chunk: 400, activities: 500 })].map((p) => p.activities.length)).toEqual([400, 100]);
  });

  it('makes exactly the requested number of records, mostly activities of both types', () => {
    const dataset = generateDataset(2000, 1);
    expect(countRecords(dataset)).toBe(2000);
    expect(dataset.activities.length).toBe(datasetMix(2000).activities);
    const types = new Set(dataset.activities.map((a) => a.type));
    expect(types).toEqual(new Set(['individuel', 'collectif']));
  });

  it('makes records the domain validators accept, with a stamp for every data field', () => {
    const dataset = generateDataset(3000, 3);
    const ids = new Set<string>();
    for (const table of TABLES) {
      for (const record of dataset[table]) {
        const data = dataOf(record);
        expect(VALIDATORS[table](data as never), `${table} ${record.id}`).toEqual([]);
        expect(record.id).toMatch(UUID_PATTERN);
        expect(isIdOfAuthor(record.id, record.authorDevice)).toBe(true);
        // Only its author edits an activity or a followed person (the write rules refuse anything else).
        if (AUTHORED_TABLES.includes(table)) expect(Object.values(record.versions).every((s) => s.endsWith(record.authorDevice))).toBe(true);
        expect(Object.keys(record.versions).sort()).toEqual([...Object.keys(data), 'deleted'].sort());
        expect(Object.values(record.versions).every(isStamp)).toBe(true);
        ids.add(record.id);
      }
    }
    expect(ids.size).toBe(3000);
  });

  it('links activities to records that exist', () => {
    const dataset = generateDataset(1000, 5);
    const places = new Set(dataset.places.map((p) => p.id));
    const people = new Set(dataset.beneficiaries.map((b) => b.id));
    for (const activity of dataset.activities) {
      if (activity.placeId) expect(places.has(activity.placeId)).toBe(true);
      for (const id of activity.beneficiaryIds) expect(people.has(id)).toBe(true);
    }
  });

  it('makes records of a realistic size (between 0.6 and 2 kB of JSON on average, versions included)', () => {
    const dataset = generateDataset(2000, 9);
    const average = jsonBytes(TABLES.flatMap((t) => dataset[t] as object[])) / 2000;
    expect(average).toBeGreaterThan(600);
    expect(average).toBeLessThan(2000);
  });

  it('edits the chosen fraction later (reference data on another device, the rest by its author), keeping records valid', () => {
    const base = generateDataset(2000, 11);
    const other = 'f'.repeat(32);
    const { dataset, editedIds } = editOnDevice(base, { fraction: 0.1, device: other, millis: Date.UTC(2026, 0, 1), seed: 2 });
    expect(editedIds.size).toBeGreaterThan(120);
    expect(editedIds.size).toBeLessThan(280);
    for (const table of TABLES) {
      dataset[table].forEach((record, i) => {
        const before = base[table][i];
        if (!editedIds.has(record.id)) return expect(record).toBe(before);
        expect(VALIDATORS[table](dataOf(record) as never)).toEqual([]);
        const changed = Object.keys(record.versions).filter((f) => record.versions[f] !== before.versions[f]);
        expect(changed).toHaveLength(1);
        expect(record.versions[changed[0]].endsWith(`-${AUTHORED_TABLES.includes(table) ? record.authorDevice : other}`)).toBe(true);
      });
    }
    expect(datasetHash(dataset)).not.toBe(datasetHash(base));
  });

  it('stamps nothing after June 2025, so edits made on 1–2 July pass the bundle checks (replaced stamps older)', () => {
    const base = generateDataset(20_000, 20240601);
    const edits = Date.UTC(2025, 6, 1, 9);
    for (const table of TABLES) {
      for (const record of base[table]) {
        for (const stamp of Object.values(record.versions)) expect(Date.parse(stamp.slice(0, 24))).toBeLessThan(edits);
      }
    }
    const { dataset, editedIds } = editOnDevice(base, { fraction: 0.1, device: '2'.repeat(32), millis: edits, seed: 4 });
    expect(editedIds.size).toBeGreaterThan(0);
    for (const table of TABLES) {
      for (const record of dataset[table]) {
        const replaced = (record as { replaced?: Record<string, string> }).replaced ?? {};
        for (const [field, stamp] of Object.entries(replaced)) expect(stamp < record.versions[field]).toBe(true);
      }
    }
  });
});
