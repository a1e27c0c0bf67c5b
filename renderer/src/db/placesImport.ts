/**
 * Importing places from a national CSV (schéma des lieux v1.0.2): a plan first — what each row would
 * do, nothing written — then the plan applied in one transaction. A place is matched by the file's
 * `id`: the national id it came with before, or a Relais id (a file Relais exported). A re-import of
 * the same file changes nothing; a row never erases what the place has and the row leaves empty
 * (Relais-only fields such as its village stay), and a row older than the place (`date_maj`) is left.
 */
import { sameValue } from '../domain/canonical';
import type { CommuneResolver, RowProblem, SchemaRow } from '../domain/formats/placesSchema';
import { placeFromSchemaRow, SCHEMA_COLUMNS } from '../domain/formats/placesSchema';
import { dataOf, type Place, type Stored } from '../domain/records';
import { writeAllOrNothing, type Relais } from './index';
import { isLive } from './live';
import type { RelaisDatabase } from './schema';

export interface PlacesImportPlan {
  rows: number;
  created: Place[];
  updated: Array<{ id: string; place: Place }>;
  unchanged: number;
  /** Line numbers as a spreadsheet shows them (the header is line 1). */
  rejected: Array<{ line: number; problems: RowProblem[] }>;
}

export type PlanResult = { plan: PlacesImportPlan } | { missingColumns: string[] };

/** The place merged: the row's values over the stored ones, what the row leaves empty kept. */
function merged(existing: Place, incoming: Place): Place {
  const result: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (!empty) result[key] = value;
  }
  return result as unknown as Place;
}

export async function planPlacesImport(db: RelaisDatabase, header: string[], rows: string[][], resolve: CommuneResolver): Promise<PlanResult> {
  const missing = SCHEMA_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { missingColumns: missing };
  const stored = (await db.places.toArray()).filter(isLive);
  const byNationalId = new Map(stored.filter((p) => p.idNational).map((p) => [p.idNational as string, p]));
  const byId = new Map(stored.map((p) => [p.id, p]));
  const villages = (await db.villages.where('deleted').equals(0).toArray()).filter(isLive);
  const villageOf = new Map(villages.map((v) => [v.commune.codeInsee, v.id]));
  const plan: PlacesImportPlan = { rows: rows.length, created: [], updated: [], unchanged: 0, rejected: [] };
  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    const row = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) as Partial<SchemaRow>;
    const result = placeFromSchemaRow(row, resolve);
    const line = index + 2;
    if (!result.place) {
      plan.rejected.push({ line, problems: result.problems });
      return;
    }
    const id = result.place.idNational ?? '';
    if (seen.has(id)) {
      plan.rejected.push({ line, problems: [{ column: 'id', code: 'invalid' }] }); // the schema's ids are unique
      return;
    }
    seen.add(id);
    const existing: Stored<Place> | undefined = byNationalId.get(id) ?? byId.get(id);
    if (!existing) {
      const villageId = villageOf.get(result.place.commune.codeInsee);
      plan.created.push(villageId ? { ...result.place, villageId } : result.place);
      return;
    }
    // A row from a Relais export carries the record's own id: it is not a national id to keep.
    const incoming = existing.id === id && !existing.idNational ? { ...result.place, idNational: undefined } : result.place;
    const before = dataOf<Place>(existing);
    const after = merged(before, incoming);
    if (incoming.dateMaj < before.dateMaj || sameValue(before, after)) plan.unchanged += 1;
    else plan.updated.push({ id: existing.id, place: after });
  });
  return { plan };
}

/** Apply a plan: every new and changed place, or none (one transaction). Returns how many were written. */
export async function applyPlacesImport(relais: Relais, plan: PlacesImportPlan): Promise<number> {
  return writeAllOrNothing(relais, ['place'], async () => {
    for (const place of plan.created) await relais.places.create(place);
    for (const { id, place } of plan.updated) await relais.places.update(id, place);
    return plan.created.length + plan.updated.length;
  });
}
