/** The place form's state and how it becomes a stored place (pure, tested in Node). */
import type { CommuneRef, Place } from '../../domain/records';

/** What the form edits: a place whose commune may still be missing; `dateMaj` is set on save. */
export type PlaceDraft = Omit<Place, 'commune' | 'dateMaj'> & { commune?: CommuneRef; dateMaj?: string };

export function emptyPlaceDraft(commune?: CommuneRef, villageId?: string): PlaceDraft {
  return {
    nom: '', adresse: '', commune, villageId, typologie: [], services: [], publics: [], priseEnChargeSpecifique: [],
    fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [],
  };
}

/**
 * The place to store: today's update date when the information changed (the schema's `date_maj` says
 * when the place's description was last checked), the former one when nothing did.
 */
export function placeFromDraft(draft: PlaceDraft, original: Place | undefined, today: string): Place {
  const { dateMaj: _ignored, ...rest } = draft;
  const trimmed = { ...rest, pivot: draft.pivot?.trim() || undefined } as Omit<Place, 'dateMaj'>;
  if (original) {
    const { dateMaj, ...before } = original;
    if (JSON.stringify(sortKeys(stripUndefined(before))) === JSON.stringify(sortKeys(stripUndefined(trimmed)))) return { ...trimmed, dateMaj };
  }
  return { ...trimmed, dateMaj: today };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function sortKeys(value: object): Array<[string, unknown]> {
  return Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
}
