/**
 * The followed-people export: one row per person, pseudonymous as Relais stores them (a code, never a
 * name), with the bands La Coop's statistics use. Anonymised people (retention) keep a row without a
 * code: they still count.
 */
import { trancheAgeOf } from '../beneficiary';
import type { Beneficiary, Stored } from '../records';
import type { Cell, Vocabulary } from './table';

export const PEOPLE_SHEET = 'beneficiaires';

export const PEOPLE_COLUMNS = [
  'code', 'genre', 'tranche_age', 'annee_naissance', 'statut', 'commune', 'code_postal', 'code_insee',
  'deja_accompagne', 'anonymise_le', 'cree_le', 'id',
] as const;

export const PEOPLE_WIDTHS: Partial<Record<(typeof PEOPLE_COLUMNS)[number], number>> = { tranche_age: 16, statut: 26, id: 38 };

export function personRow(b: Stored<Beneficiary>, vocabulary: Vocabulary, now: Date): Cell[] {
  const v = vocabulary;
  return [
    b.code ?? v.anonymous,
    v.code('genre', b.genre ?? 'non_communique'),
    v.code('trancheAge', trancheAgeOf(b, now)),
    b.anneeNaissance ?? null,
    v.code('statutSocial', b.statutSocial ?? 'non_communique'),
    b.communeResidence?.nom ?? '',
    b.communeResidence?.codePostal ?? '',
    b.communeResidence?.codeInsee ?? '',
    v.yesNo(b.dejaAccompagne),
    b.anonymiseLe ? { date: b.anonymiseLe } : null,
    { date: b.createdAt.slice(0, 10) },
    b.id,
  ];
}
