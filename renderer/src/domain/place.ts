/**
 * Places of digital mediation, following the national places schema v1.0.2 (La MedNum / ANCT, vendored
 * in `reference/lieux-mediation-numerique/schema.json`). We store the schema's exact value
 * strings so that an export lines up with the national cartography; labels come from i18n.
 */
import OpeningHours from 'opening_hours';
import {
  DISPOSITIFS, FORMATIONS_LABELS, FRAIS, isOneOf, ITINERANCE, MODALITES_ACCES, MODALITES_ACCOMPAGNEMENT,
  PRISES_EN_CHARGE, PUBLICS, SERVICES, TYPOLOGIES,
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

/** The schema's pattern for `telephone`: an international number of metropolitan France or overseas. */
export const TELEPHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;
const EMAIL_PATTERN = /^[^\s@|]+@[^\s@|]+\.[^\s@|]+$/;
const URL_PATTERN = /^https?:\/\/[^\s|]+$/;

export const PLACE_LIMITS = {
  nom: 200,
  adresse: 300,
  complementAdresse: 300,
  presentationResume: 280,
  presentationDetail: 5000,
  horaires: 500,
  structureParente: 200,
  source: 200,
  idNational: 200,
  ficheAccesLibre: 500,
  priseRdv: 500,
} as const;
/** Items of a free list (e-mails, websites, other labels): how many, how long each. */
export const MAX_LIST_ITEMS = 20;
export const MAX_ITEM_LENGTH = 300;

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
  formationsLabels: FORMATIONS_LABELS,
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

/** Lists written before schema 7 lack the newer list fields (`formationsLabels`): absent is empty. */
const OPTIONAL_LISTS = new Set<ListField>(['formationsLabels']);

function checkList(issues: ValidationIssue[], field: ListField, value: unknown): void {
  if (value === undefined && OPTIONAL_LISTS.has(field)) return;
  if (!Array.isArray(value)) {
    issues.push(issue(field, 'invalid'));
    return;
  }
  const allowed: readonly string[] = PLACE_LIST_FIELDS[field];
  if (value.some((v) => !isOneOf(allowed, v))) issues.push(issue(field, 'invalid'));
}

/** A list of free strings (e-mails, websites, other labels), each matching `pattern` when given. */
function checkFreeList(issues: ValidationIssue[], field: string, value: unknown, pattern?: RegExp): void {
  if (value === undefined) return;
  const ok = Array.isArray(value) && value.length <= MAX_LIST_ITEMS && value.every((item) => (
    isNonEmptyText(item) && item.length <= MAX_ITEM_LENGTH && !item.includes('|') && (!pattern || pattern.test(item))
  ));
  if (!ok) issues.push(issue(field, pattern === EMAIL_PATTERN ? 'emailInvalid' : pattern === URL_PATTERN ? 'urlInvalid' : 'invalid'));
}

/**
 * 'Itinérant', 'Fixe' or both, whichever way the record holds it: a list since schema 7, one string
 * in records written before.
 */
export function itinerancesOf(place: Pick<Place, 'itinerance'>): string[] {
  const value = place.itinerance;
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function checkItinerance(issues: ValidationIssue[], value: unknown): void {
  if (value === undefined) return;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((v) => isOneOf(ITINERANCE, v)) || new Set(list).size !== list.length) {
    issues.push(issue('itinerance', 'invalid'));
  }
}

/**
 * Is this OpenStreetMap `opening_hours` value one the reference parser (the `opening_hours` package,
 * which OpenStreetMap's own tools use) accepts? Warnings (e.g. "9h" for "09:00") do not refuse it.
 */
export function isValidOpeningHours(value: string): boolean {
  try {
    new OpeningHours(value, null, { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: undefined });
    return true;
  } catch {
    return false;
  }
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
  checkItinerance(issues, place.itinerance);
  checkText(issues, 'horaires', place.horaires, false);
  if (typeof place.horaires === 'string' && place.horaires.trim() !== '' && place.horaires.length <= PLACE_LIMITS.horaires
    && !isValidOpeningHours(place.horaires)) issues.push(issue('horaires', 'openingHoursInvalid'));
  checkText(issues, 'presentationResume', place.presentationResume, false);
  for (const field of ['presentationDetail', 'structureParente', 'source', 'idNational'] as const) checkText(issues, field, place[field], false);
  for (const field of ['ficheAccesLibre', 'priseRdv'] as const) {
    checkText(issues, field, place[field], false);
    if (typeof place[field] === 'string' && place[field] !== '' && !URL_PATTERN.test(place[field])) issues.push(issue(field, 'urlInvalid'));
  }
  if (place.telephone !== undefined && (typeof place.telephone !== 'string' || !TELEPHONE_PATTERN.test(place.telephone))) {
    issues.push(issue('telephone', 'telephoneInvalid'));
  }
  checkFreeList(issues, 'courriels', place.courriels, EMAIL_PATTERN);
  checkFreeList(issues, 'sitesWeb', place.sitesWeb, URL_PATTERN);
  checkFreeList(issues, 'autresFormationsLabels', place.autresFormationsLabels);
  checkCoordinate(issues, 'latitude', place.latitude, 90);
  checkCoordinate(issues, 'longitude', place.longitude, 180);
  if (place.villageId !== undefined && !isNonEmptyText(place.villageId)) issues.push(issue('villageId', 'invalid'));
  return issues;
}
