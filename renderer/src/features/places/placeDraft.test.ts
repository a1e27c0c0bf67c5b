import { describe, expect, it } from 'vitest';
import type { Place } from '../../domain/records';
import { emptyPlaceDraft, placeFromDraft } from './placeDraft';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

describe('placeFromDraft', () => {
  const original: Place = { ...emptyPlaceDraft(LORMES), nom: 'Médiathèque', adresse: '2 rue du Pont', commune: LORMES, dateMaj: '2025-01-10' };

  it('keeps the former update date when nothing changed', () => {
    expect(placeFromDraft({ ...original }, original, '2026-03-02').dateMaj).toBe('2025-01-10');
  });

  it('sets today as update date when the description changed, and for a new place', () => {
    expect(placeFromDraft({ ...original, horaires: 'Mo 09:00-12:00' }, original, '2026-03-02').dateMaj).toBe('2026-03-02');
    expect(placeFromDraft({ ...emptyPlaceDraft(LORMES), nom: 'X' }, undefined, '2026-03-02').dateMaj).toBe('2026-03-02');
  });

  it('drops a blank pivot so an optional field stays absent', () => {
    expect(placeFromDraft({ ...original, pivot: '  ' }, original, '2026-03-02').pivot).toBeUndefined();
    expect(placeFromDraft({ ...original, pivot: ' 43493312300029 ' }, original, '2026-03-02').pivot).toBe('43493312300029');
  });
});
