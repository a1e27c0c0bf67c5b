/**
 * Names of the départements, from the same official source as the communes
 * (@etalab/decoupage-administratif, bundled: no network). A hundred short lines: read at once.
 */
import departements from '@etalab/decoupage-administratif/data/departements.json';

const NAMES = new Map((departements as Array<{ code: string; nom: string }>).map((d) => [d.code, d.nom]));

/** "Nièvre" for "58", undefined for a code the list does not know. */
export function departementName(code: string): string | undefined {
  return NAMES.get(code);
}
