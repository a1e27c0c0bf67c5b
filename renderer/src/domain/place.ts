/**
 * Places of digital mediation, following the national places schema v1.0.2 (La MedNum / ANCT, vendored
 * in `reference/lieux-mediation-numerique/schema.json`). We store the schema's exact value
 * strings so that an export lines up with the national cartography; labels come from i18n.
 */
import {
  DISPOSITIFS, FRAIS, isOneOf, ITINERANCE, MODALITES_ACCES, MODALITES_ACCOMPAGNEMENT, PRISES_EN_CHARGE,
  PUBLICS, SERVICES, TYPOLOGIES,
} from './codes';
import type { Place } from './records';
import { validateCommuneRef } from './village';
import { issue, isIsoDate, isNonEmptyText, type ValidationIssue } from './validation';

/** SIRET (14 digits) or RNA (W + 9 digits): the schema's pattern for `pivot`. */
export const PIVOT_PATTERN = /^[a-zA-Z0-9]{9,14}$/;
/**
 * The national cartography's convention for "pivot unknown": the schema requires a pivot, but many
 * small places (a village hall, a mobile bus) have none a mediator can find.
 */
export const UNKNOWN_PIVOT = '00000000000000';

export const PLACE_LIMITS = {
  nom: 200,
  adresse: 300,
  complementAdresse: 300,
  presentationResume: 280,
  horaires: 500,
} as const;

/** The list fields of a place and the value list each one is restricted to. */
export const PLACE_LIST_FIELDS = {
  typologie: TYPOLOGIES,
  services: SERVICES,
  publics: PUBLICS,
  priseEnChargeSpecifique: PRISES_EN_CHARGE,
  fraisACharge: FRAIS,
  modalitesAcces: MODALITES_ACCES,
  modalitesAccompagnement: MODALITES_ACCOMPAGNEMENT,
  dispositifs: DISPOSITIFS,
} as const satisfies Partial<Record<keyof Place, readonly string[]>>;

type ListField = keyof typeof PLACE_LIST_FIELDS;

function checkText(issues: ValidationIssue[], field: keyof typeof PLACE_LIMITS, value: unknown, required: boolean): void {
  const max = PLACE_LIMITS[field];
  if (value === undefined || value === '') {
    if (required) issues.push(issue(field, 'required'));
    return;
  }
  if (required && !isNonEmptyText(value)) issues.push(issue(field, 'required'));
  else if (typeof value !== 'string') issues.push(issue(field, 'invalid'));
  else if (value.length > max) issues.push(issue(field, 'tooLong', { max }));
}

function checkList(issues: ValidationIssue[], field: ListField, value: unknown): void {
  if (!Array.isArray(value)) {
    issues.push(issue(field, 'invalid'));
    return;
  }
  const allowed: readonly string[] = PLACE_LIST_FIELDS[field];
  if (value.some((v) => !isOneOf(allowed, v))) issues.push(issue(field, 'invalid'));
}

function checkCoordinate(issues: ValidationIssue[], field: 'latitude' | 'longitude', value: unknown, limit: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
    issues.push(issue(field, 'coordinateRange', { min: -limit, max: limit }));
  }
}

export function validatePlace(place: Place): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkText(issues, 'nom', place.nom, true);
  checkText(issues, 'adresse', place.adresse, true);
  checkText(issues, 'complementAdresse', place.complementAdresse, false);
  issues.push(...validateCommuneRef('commune', place.commune));
  if (place.pivot !== undefined && place.pivot !== '' && (typeof place.pivot !== 'string' || !PIVOT_PATTERN.test(place.pivot))) {
    issues.push(issue('pivot', 'pivotInvalid'));
  }
  if (!isIsoDate(place.dateMaj)) issues.push(issue('dateMaj', 'dateInvalid'));
  for (const field of Object.keys(PLACE_LIST_FIELDS) as ListField[]) checkList(issues, field, place[field]);
  if (place.itinerance !== undefined && !isOneOf(ITINERANCE, place.itinerance)) issues.push(issue('itinerance', 'invalid'));
  checkText(issues, 'horaires', place.horaires, false);
  checkText(issues, 'presentationResume', place.presentationResume, false);
  checkCoordinate(issues, 'latitude', place.latitude, 90);
  checkCoordinate(issues, 'longitude', place.longitude, 180);
  if (place.villageId !== undefined && !isNonEmptyText(place.villageId)) issues.push(issue('villageId', 'invalid'));
  return issues;
}

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

/** In the schema's CSV, list fields are joined with `|`. */
function joined(values: readonly string[] | undefined): string {
  return (values ?? []).join('|');
}

function numberCell(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * One row of the national schema for a place (every cell a string, '' when absent). Columns we do not
 * collect (phone, e-mails, website, detailed presentation…) stay empty: they are optional.
 */
export function placeToSchemaRow(place: Place, id: string): SchemaRow {
  const row = Object.fromEntries(SCHEMA_COLUMNS.map((column) => [column, ''])) as SchemaRow;
  return {
    ...row,
    id,
    pivot: place.pivot || UNKNOWN_PIVOT,
    nom: place.nom.trim(),
    commune: place.commune.nom,
    code_postal: place.commune.codePostal,
    code_insee: place.commune.codeInsee,
    adresse: place.adresse.trim(),
    complement_adresse: place.complementAdresse?.trim() ?? '',
    latitude: numberCell(place.latitude),
    longitude: numberCell(place.longitude),
    typologie: joined(place.typologie),
    horaires: place.horaires?.trim() ?? '',
    presentation_resume: place.presentationResume?.trim() ?? '',
    source: 'Relais',
    itinerance: place.itinerance ?? '',
    date_maj: place.dateMaj,
    services: joined(place.services),
    publics_specifiquement_adresses: joined(place.publics),
    prise_en_charge_specifique: joined(place.priseEnChargeSpecifique),
    frais_a_charge: joined(place.fraisACharge),
    dispositif_programmes_nationaux: joined(place.dispositifs),
    modalites_acces: joined(place.modalitesAcces),
    modalites_accompagnement: joined(place.modalitesAccompagnement),
  };
}

