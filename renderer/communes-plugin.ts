/**
 * Vite plugin serving `virtual:communes`: the official commune list (@etalab/decoupage-administratif),
 * reduced at build time to what Relais needs (current communes: INSEE code, name, postcodes,
 * département, population). It ends up in its own lazily loaded chunk, bundled with the app: no network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:communes';
const RESOLVED_ID = '\0virtual:communes';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

/** Compact rows: [codeInsee, nom, departement, postcodes joined by space, population]. */
export function compactCommunes(): Array<[string, string, string, string, number]> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const all = JSON.parse(readFileSync(path, 'utf8')) as EtalabCommune[];
  return all
    .filter((c) => c.type === 'commune-actuelle' && c.departement && c.codesPostaux?.length)
    .map((c) => [c.code, c.nom, c.departement as string, (c.codesPostaux ?? []).join(' '), c.population ?? 0]);
}

export function communesPlugin(): Plugin {
  return {
    name: 'relais-communes',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compactCommunes()))});`;
    },
  };
}
