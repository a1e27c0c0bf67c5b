/**
 * Places in and out of the national "schéma des lieux de médiation numérique" v1.0.2 (vendored in
 * reference/lieux-mediation-numerique/schema.json, checked against it in placesSchema.test.ts): one row
 * per place, every cell a string, lists joined with `|`.
 *
 * Out: `placeToSchemaRow`, then `schemaRowProblems` says whether the row conforms (a row that does
 * not is listed with its reasons instead of exported). In: `placeFromSchemaRow` turns a row of a
 * national file (La Coop's and the national map's open data) into a place, or says why it cannot.
 */
import {
  DISPOSITIFS, FORMATIONS_LABELS, FRAIS, ITINERANCE, MODALITES_ACCES, MODALITES_ACCOMPAGNEMENT, PRISES_EN_CHARGE,
  PUBLICS, SERVICES, TYPOLOGIES,
} from '../codes';
import { itinerancesOf, PIVOT_PATTERN, PLACE_LIMITS, TELEPHONE_PATTERN, UNKNOWN_PIVOT, validatePlace } from '../place';
import type { CommuneRef, Place } from '../records';
import { isIsoDate } from '../validation';

/** The schema's columns, in the schema's order (the CSV header of a places export). */
export const SCHEMA_COLUMNS = [
  'id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'latitude',
  'longitude', 'typologie', 'telephone', 'courriels', 'site_web', 'horaires', 'presentation_resume',
  'presentation_detail', 'source', 'itinerance', 'structure_parente', 'date_maj', 'services',
  'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'frais_a_charge',
  'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'modalites_acces',
  'modalites_accompagnement', 'fiche_acces_libre', 'prise_rdv',
] as const;
export type SchemaColumn = (typeof SCHEMA_COLUMNS)[number];
export type SchemaRow = Record<SchemaColumn, string>;

const REQUIRED: readonly SchemaColumn[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** A value that is one or more items of `values` joined by `|` — the schema's list patterns, anchored. */
function listPattern(values: readonly string[]): RegExp {
  const escaped = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^(?:${escaped})(?:\\|(?:${escaped}))*$`, 'u');
}

/**
 * Each pattern of the schema, matched against the WHOLE value (Table Schema patterns are implicitly
 * anchored; JavaScript's are not, which is why the schema's own list patterns cannot be used as they
 * are written).
 */
export const SCHEMA_PATTERNS: Partial<Record<SchemaColumn, RegExp>> = {
  pivot: PIVOT_PATTERN,
  code_postal: /^\d{5}$/,
  code_insee: /^([013-9]\d|2[AB1-9])\d{3}$/,
  telephone: TELEPHONE_PATTERN,
  itinerance: listPattern(ITINERANCE),
  services: listPattern(SERVICES),
  publics_specifiquement_adresses: listPattern(PUBLICS),
  prise_en_charge_specifique: listPattern(PRISES_EN_CHARGE),
  frais_a_charge: listPattern(FRAIS),
  dispositif_programmes_nationaux: listPattern(DISPOSITIFS),
  formations_labels: listPattern(FORMATIONS_LABELS),
  modalites_acces: listPattern(MODALITES_ACCES),
  modalites_accompagnement: listPattern(MODALITES_ACCOMPAGNEMENT),
};

/** Why a row does not conform, as an i18n code (`formats:placeProblems.<code>`) and its column. */
export interface RowProblem {
  column: SchemaColumn;
  code: 'required' | 'pattern' | 'tooLong' | 'number' | 'date' | 'unknownCode' | 'commune' | 'invalid';
}

const joined = (values: readonly string[] | undefined): string => (values ?? []).join('|');
const text = (value: string | undefined): string => value?.trim() ?? '';

/**
 * One row of the national schema for a place (every cell a string, '' when absent). `id` is the
 * place's national id when it came from a national file (a re-import then merges), else its Relais id;
 * `source` is the structure that collected it: the place's own, else `collectedBy`.
 */
export function placeToSchemaRow(place: Place, id: string, collectedBy = ''): SchemaRow {
  return {
    id: place.idNational ?? id,
    pivot: place.pivot || UNKNOWN_PIVOT,
    nom: text(place.nom),
    commune: place.commune.nom,
    code_postal: place.commune.codePostal,
    code_insee: place.commune.codeInsee,
    adresse: text(place.adresse),
    complement_adresse: text(place.complementAdresse),
    latitude: place.latitude === undefined ? '' : String(place.latitude),
    longitude: place.longitude === undefined ? '' : String(place.longitude),
    typologie: joined(place.typologie),
    telephone: text(place.telephone),
    courriels: joined(place.courriels),
    site_web: joined(place.sitesWeb),
    horaires: text(place.horaires),
    presentation_resume: text(place.presentationResume),
    presentation_detail: text(place.presentationDetail),
    source: text(place.source) || collectedBy.trim(),
    itinerance: joined(itinerancesOf(place)),
    structure_parente: text(place.structureParente),
    date_maj: place.dateMaj,
    services: joined(place.services),
    publics_specifiquement_adresses: joined(place.publics),
    prise_en_charge_specifique: joined(place.priseEnChargeSpecifique),
    frais_a_charge: joined(place.fraisACharge),
    dispositif_programmes_nationaux: joined(place.dispositifs),
    formations_labels: joined(place.formationsLabels),
    autres_formations_labels: joined(place.autresFormationsLabels),
    modalites_acces: joined(place.modalitesAcces),
    modalites_accompagnement: joined(place.modalitesAccompagnement),
    fiche_acces_libre: text(place.ficheAccesLibre),
    prise_rdv: text(place.priseRdv),
  };
}

/** Every way a row breaks the schema's constraints (empty when it conforms). */
export function schemaRowProblems(row: SchemaRow): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of SCHEMA_COLUMNS) {
    const value = row[column] ?? '';
    if (value === '') {
      if (REQUIRED.includes(column)) problems.push({ column, code: 'required' });
      continue;
    }
    const pattern = SCHEMA_PATTERNS[column];
    if (pattern && !pattern.test(value)) problems.push({ column, code: 'pattern' });
  }
  if ([...row.presentation_resume].length > PLACE_LIMITS.presentationResume) problems.push({ column: 'presentation_resume', code: 'tooLong' });
  for (const column of ['latitude', 'longitude'] as const) {
    if (row[column] !== '' && !Number.isFinite(Number(row[column]))) problems.push({ column, code: 'number' });
  }
  if (row.date_maj !== '' && !isIsoDate(row.date_maj)) problems.push({ column: 'date_maj', code: 'date' });
  return problems;
}

const split = (value: string | undefined): string[] => (value ?? '').split('|').map((v) => v.trim()).filter(Boolean);
const optionalText = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);
const optionalList = (value: string | undefined): string[] | undefined => (split(value).length > 0 ? split(value) : undefined);

function optionalNumber(value: string | undefined): number | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : Number(trimmed);
}

/** Where validatePlace's fields come from in the schema, to report an issue on the file's column. */
const COLUMN_OF_FIELD: Partial<Record<string, SchemaColumn>> = {
  nom: 'nom', pivot: 'pivot', adresse: 'adresse', complementAdresse: 'complement_adresse', commune: 'commune',
  dateMaj: 'date_maj', typologie: 'typologie', services: 'services', publics: 'publics_specifiquement_adresses',
  priseEnChargeSpecifique: 'prise_en_charge_specifique', fraisACharge: 'frais_a_charge', dispositifs: 'dispositif_programmes_nationaux',
  formationsLabels: 'formations_labels', modalitesAcces: 'modalites_acces', modalitesAccompagnement: 'modalites_accompagnement',
  itinerance: 'itinerance', horaires: 'horaires', presentationResume: 'presentation_resume', presentationDetail: 'presentation_detail',
  telephone: 'telephone', courriels: 'courriels', sitesWeb: 'site_web', structureParente: 'structure_parente', source: 'source',
  autresFormationsLabels: 'autres_formations_labels', ficheAccesLibre: 'fiche_acces_libre', priseRdv: 'prise_rdv',
  latitude: 'latitude', longitude: 'longitude', idNational: 'id',
};

/** A commune of the official list from a row's commune name, postcode and (optional) INSEE code. */
export type CommuneResolver = (row: { nom: string; codePostal: string; codeInsee?: string }) => CommuneRef | undefined;

export type RowImport = { place: Place; problems?: undefined } | { place?: undefined; problems: RowProblem[] };

/**
 * The place a row of a national file describes, or why it cannot be one. The row must first conform to
 * the schema; then the place must pass Relais's own rules (known typologies, valid opening hours…), since
 * nothing invalid is ever stored. The commune is matched in the official list (an INSEE code is optional
 * in the schema, required in Relais).
 */
export function placeFromSchemaRow(row: Partial<SchemaRow>, resolveCommune: CommuneResolver): RowImport {
  const full = Object.fromEntries(SCHEMA_COLUMNS.map((c) => [c, (row[c] ?? '').trim()])) as SchemaRow;
  const problems = schemaRowProblems(full);
  if (problems.length > 0) return { problems };
  const commune = resolveCommune({ nom: full.commune, codePostal: full.code_postal, codeInsee: optionalText(full.code_insee) });
  if (!commune) return { problems: [{ column: full.code_insee ? 'code_insee' : 'commune', code: 'commune' }] };
  const unknownTypologies = split(full.typologie).filter((t) => !(TYPOLOGIES as readonly string[]).includes(t));
  if (unknownTypologies.length > 0) return { problems: [{ column: 'typologie', code: 'unknownCode' }] };
  const place: Place = {
    idNational: full.id,
    nom: full.nom,
    pivot: full.pivot === UNKNOWN_PIVOT ? undefined : full.pivot,
    adresse: full.adresse,
    complementAdresse: optionalText(full.complement_adresse),
    commune,
    latitude: optionalNumber(full.latitude),
    longitude: optionalNumber(full.longitude),
    typologie: split(full.typologie) as Place['typologie'],
    telephone: optionalText(full.telephone),
    courriels: optionalList(full.courriels),
    sitesWeb: optionalList(full.site_web),
    horaires: optionalText(full.horaires),
    presentationResume: optionalText(full.presentation_resume),
    presentationDetail: optionalText(full.presentation_detail),
    source: optionalText(full.source),
    itinerance: optionalList(full.itinerance),
    structureParente: optionalText(full.structure_parente),
    dateMaj: full.date_maj,
    services: split(full.services),
    publics: split(full.publics_specifiquement_adresses),
    priseEnChargeSpecifique: split(full.prise_en_charge_specifique),
    fraisACharge: split(full.frais_a_charge),
    dispositifs: split(full.dispositif_programmes_nationaux),
    formationsLabels: optionalList(full.formations_labels),
    autresFormationsLabels: optionalList(full.autres_formations_labels),
    modalitesAcces: split(full.modalites_acces),
    modalitesAccompagnement: split(full.modalites_accompagnement),
    ficheAccesLibre: optionalText(full.fiche_acces_libre),
    priseRdv: optionalText(full.prise_rdv),
  };
  const cleaned = Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)) as Place;
  const issues = validatePlace(cleaned);
  if (issues.length > 0) {
    return { problems: issues.map((i) => ({ column: COLUMN_OF_FIELD[i.field.split('.')[0]] ?? 'id', code: 'invalid' as const })) };
  }
  return { place: cleaned };
}
