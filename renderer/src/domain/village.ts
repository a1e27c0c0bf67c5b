import { toCommuneRef, type Commune } from './communes';
import type { Village } from './records';
import { issue, type ValidationIssue } from './validation';

const INSEE_PATTERN = /^([013-9]\d|2[AB1-9])\d{3}$/;
const POSTCODE_PATTERN = /^\d{5}$/;

/** A commune reference must come from the official list: well-formed INSEE code, name and postcode. */
export function validateCommuneRef(field: string, value: unknown): ValidationIssue[] {
  const ref = value as { codeInsee?: unknown; nom?: unknown; codePostal?: unknown } | undefined;
  if (!ref || typeof ref !== 'object') return [issue(field, 'required')];
  if (typeof ref.codeInsee !== 'string' || !INSEE_PATTERN.test(ref.codeInsee)) return [issue(field, 'communeInvalid')];
  if (typeof ref.nom !== 'string' || ref.nom.trim() === '') return [issue(field, 'communeInvalid')];
  if (typeof ref.codePostal !== 'string' || !POSTCODE_PATTERN.test(ref.codePostal)) return [issue(field, 'communeInvalid')];
  return [];
}

export function validateVillage(village: Village): ValidationIssue[] {
  const issues = validateCommuneRef('commune', village.commune);
  if (typeof village.departement !== 'string' || !/^(\d{2,3}|2[AB])$/.test(village.departement)) {
    issues.push(issue('departement', 'invalid'));
  }
  if (village.population !== undefined && !(Number.isInteger(village.population) && village.population >= 0)) {
    issues.push(issue('population', 'invalid'));
  }
  if (village.anneePopulation !== undefined && !(Number.isInteger(village.anneePopulation)
    && village.anneePopulation >= 1800 && village.anneePopulation <= new Date().getFullYear() + 1)) {
    issues.push(issue('anneePopulation', 'invalid'));
  }
  return issues;
}

/**
 * The census year of the populations in the bundled commune list: @etalab/decoupage-administratif
 * 6.0.0 ships INSEE's "populations légales" of 2023, in force from 1 January 2026.
 */
export const COMMUNES_POPULATION_YEAR = 2023;

/** A new village for a commune of the official list (its first postcode unless one is chosen). */
export function villageFromCommune(commune: Commune, codePostal?: string): Village {
  return {
    commune: toCommuneRef(commune, codePostal ?? commune.codesPostaux[0]),
    departement: commune.departement,
    population: commune.population,
    anneePopulation: COMMUNES_POPULATION_YEAR,
  };
}

/** By commune name, as French sorts it: the order of village pickers and lists by name. */
export function byCommuneName(a: Village, b: Village): number {
  return a.commune.nom.localeCompare(b.commune.nom, 'fr');
}
