/**
 * Searching the official commune list by name or postcode. Pure: the list itself is loaded by
 * features/communes (bundled, lazily); tests pass rows directly.
 */
import type { CommuneRef } from './records';

export interface Commune {
  codeInsee: string;
  nom: string;
  departement: string;
  codesPostaux: string[];
  population: number;
  /** Normalised name for matching (no accents, lowercase, hyphens and apostrophes as spaces). */
  key: string;
}

export type CommuneRow = [string, string, string, string, number];

export function normaliseName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[-'’]/g, ' ').replace(/\bsaint\b/g, 'st').replace(/\bsainte\b/g, 'ste').replace(/\s+/g, ' ').trim();
}

export function communeFromRow([codeInsee, nom, departement, postcodes, population]: CommuneRow): Commune {
  return { codeInsee, nom, departement, codesPostaux: postcodes.split(' '), population, key: normaliseName(nom) };
}

/**
 * Best matches first: postcode prefix when the query is digits; otherwise exact name, then names that
 * start with the query, then names with a word starting with it; ties go to the larger population.
 */
export function searchCommunes(communes: Commune[], query: string, limit = 12): Commune[] {
  const q = query.trim();
  if (q.length < 2) return [];
  if (/^\d+$/.test(q)) {
    return communes.filter((c) => c.codesPostaux.some((p) => p.startsWith(q)))
      .sort((a, b) => b.population - a.population).slice(0, limit);
  }
  const nq = normaliseName(q);
  const scored: Array<{ c: Commune; score: number }> = [];
  for (const c of communes) {
    let score = -1;
    if (c.key === nq) score = 3;
    else if (c.key.startsWith(nq)) score = 2;
    else if (c.key.includes(` ${nq}`)) score = 1;
    if (score >= 0) scored.push({ c, score });
  }
  return scored.sort((a, b) => b.score - a.score || b.c.population - a.c.population).slice(0, limit).map((s) => s.c);
}

export function toCommuneRef(commune: Commune, codePostal = commune.codesPostaux[0]): CommuneRef {
  return { codeInsee: commune.codeInsee, nom: commune.nom, codePostal };
}

/**
 * Finds the commune a file names, in the official list: by INSEE code when the file gives one (its
 * postcode must be one of that commune's), else by name and postcode. The official name is kept.
 */
export function communeResolver(communes: readonly Commune[]): (row: { nom: string; codePostal: string; codeInsee?: string }) => CommuneRef | undefined {
  const byInsee = new Map(communes.map((c) => [c.codeInsee, c]));
  return ({ nom, codePostal, codeInsee }) => {
    if (codeInsee) {
      const commune = byInsee.get(codeInsee);
      return commune && commune.codesPostaux.includes(codePostal) ? toCommuneRef(commune, codePostal) : undefined;
    }
    const key = normaliseName(nom);
    const commune = communes.find((c) => c.key === key && c.codesPostaux.includes(codePostal));
    return commune ? toCommuneRef(commune, codePostal) : undefined;
  };
}
