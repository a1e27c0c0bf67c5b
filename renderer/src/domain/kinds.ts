/**
 * Every kind of record Relais stores and carries in bundles, declared once: the table that holds it
 * (also the name of its repository on `Relais`: `relais.villages`), its fields with their types and
 * bounds (a field not declared here is refused, locally and in bundles), the validator its data must
 * pass, on every local write and on every record of an incoming bundle, whether a record of it is
 * personal data (then it never leaves the machine unencrypted), and who may change it: only its author,
 * or any enrolled device (shared reference data) — see docs/bundle-format.md, "Trust rules".
 *
 * Everything else derives from this list: `RECORD_KINDS`, the typed record tables of the database
 * (db/schema.ts), the repositories (db/index.ts), the validators bundles are checked with
 * (domain/sync/validators.ts), which bundles hold personal data (domain/sync/bundle.ts) and the
 * table an exported or imported record belongs to (db/sync/).
 * To add a kind: its data type and validator, one line here, and a schema version that creates its
 * table (db/schema.ts). docs/architecture.md ("How to add a record kind") walks through it.
 *
 * Pure: no Dexie. The table name is only a name here; db/ turns it into a table.
 */
import type { ValidationIssue } from './validation';
import { validateVillage } from './village';
import { SURVEY_AUTHOR_MAX, SURVEY_NOTES_MAX, validateSurvey } from './survey';
import {
  MAX_ANONYMOUS_COUNT, MAX_DUREE_MINUTES, MAX_NOTES_LENGTH, MAX_STRUCTURE_NAME_LENGTH, MAX_TITLE_LENGTH, SIRET_PATTERN, validateActivity,
} from './activity';
import { MAX_ITEM_LENGTH, MAX_LIST_ITEMS, PIVOT_PATTERN, PLACE_LIMITS, PLACE_LIST_FIELDS, TELEPHONE_PATTERN, validatePlace } from './place';
import { ANNEE_NAISSANCE_MIN, validateBeneficiary } from './beneficiary';
import { TEXT_MAX, TITLE_MAX, validateSeries, validateSession, validateTemplate } from './workshops/validation';
import { SESSION_STATUSES } from './workshops/types';
import { PIX_COMPETENCES, SELF_ASSESSMENT_LEVELS } from './workshops/pix';
import {
  ACTIVITY_TYPES, AUTONOMIE, COUVERTURES_MOBILES, DEBITS, EQUIPEMENTS_VILLAGE, GENRES, ITINERANCE, MATERIEL, NIVEAUX, OPERATEURS_MOBILES,
  PUBLICS_PRIORITAIRES, STADES_MATURITE, STATUTS_FIBRE, STATUTS_SOCIAUX, STRUCTURES_REDIRECTION, TECHNOLOGIES_FIXES,
  THEMATIQUES, THEMATIQUES_DEMARCHE, TRANCHES_AGE, TYPES_LIEU,
} from './codes';
import {
  boolean, checkFields, code, codeList, COMMUNE, date, decimal, either, integer, list, map, object, REFERENCE, text, type FieldSpec, type FieldSpecs,
} from './fields';

/**
 * Who may change a record of a kind. `author`: only the device that created it (a bundle from anyone
 * else may only relay the author's sealed version, or propose an erasure or a deletion that a person
 * reviews). `shared`: reference data any enrolled device may edit, merged field by field.
 */
export type Ownership = 'author' | 'shared';

/** One declaration per data field of the kind: every field, none more (the compiler checks both ways). */
export type FieldsOf<Data extends object> = { readonly [F in keyof Data]-?: FieldSpec };

export interface KindDeclaration<Data extends object, Table extends string = string> {
  /** The database table of the kind, and the name of its repository. */
  table: Table;
  /** Every data field, with its type and bounds: anything else is refused. */
  fields: FieldsOf<Data>;
  ownership: Ownership;
  /** Problems with a record's data (empty when valid). */
  validate: (data: Data) => ValidationIssue[];
  /**
   * Is this record personal data? A bundle holding one must be encrypted. Asked of records as they
   * are (fields not checked), hence the untyped record.
   */
  personalData: (record: { readonly [field: string]: unknown }) => boolean;
}

/** A followed person, even pseudonymous (a code and an age band), is personal data under the GDPR. */
const ALWAYS = () => true;
const NEVER = () => false;
/**
 * A record that lists followed people says who was helped with what, or who came to which workshop:
 * personal data too (an activity's `beneficiaryIds`, a series' enrolled `participantIds` and their
 * self-assessments, a session's `presents`).
 */
const linksFollowedPeople = (...fields: string[]) => (record: { readonly [field: string]: unknown }) => fields.some((field) => {
  const ids = record[field];
  return Array.isArray(ids) && ids.length > 0;
});

/** Text the forms bound nowhere else (village notes). */
const NOTES_MAX = 5000;
const DEMO = boolean;

const VILLAGE_FIELDS = {
  commune: COMMUNE,
  departement: text(3, /^(\d{2,3}|2[AB])$/),
  population: integer(0, 100_000_000),
  /** A census year (the validator bounds it by the current year). */
  anneePopulation: integer(1800, 9999),
  notes: text(NOTES_MAX),
  demo: DEMO,
};

const SURVEY_FIELDS = {
  villageId: REFERENCE,
  date,
  author: text(SURVEY_AUTHOR_MAX),
  technologiesFixes: codeList(TECHNOLOGIES_FIXES),
  statutFibre: code(STATUTS_FIBRE),
  debit: code(DEBITS),
  couvertureVoix: code(COUVERTURES_MOBILES),
  couverture4g: code(COUVERTURES_MOBILES),
  couvertureOperateurs: map(OPERATEURS_MOBILES, object({ voix: code(COUVERTURES_MOBILES), data4g: code(COUVERTURES_MOBILES), cinqG: boolean })),
  equipements: codeList(EQUIPEMENTS_VILLAGE),
  nombrePointsAcces: integer(0, 100_000),
  distanceFranceServicesKm: integer(0, 1000),
  placeIds: list(REFERENCE, 500),
  publicsPrioritaires: codeList(PUBLICS_PRIORITAIRES),
  thematiquesBesoins: codeList(THEMATIQUES),
  stadeMaturite: code(STADES_MATURITE),
  notes: text(SURVEY_NOTES_MAX),
  demo: DEMO,
};

/** People in one workshop, counted (never named): La Coop's bound, far above any room. */
const HEADCOUNT = integer(0, MAX_ANONYMOUS_COUNT);

const ACTIVITY_FIELDS = {
  type: code(ACTIVITY_TYPES),
  date,
  duree: integer(1, MAX_DUREE_MINUTES),
  typeLieu: code(TYPES_LIEU),
  placeId: REFERENCE,
  commune: COMMUNE,
  villageId: REFERENCE,
  thematiques: codeList(THEMATIQUES),
  thematiquesDemarche: codeList(THEMATIQUES_DEMARCHE),
  precisionsDemarche: text(MAX_NOTES_LENGTH),
  materiel: codeList(MATERIEL),
  tags: list(text(100), 50),
  notes: text(MAX_NOTES_LENGTH),
  beneficiaryIds: list(REFERENCE, 1000),
  autonomie: code(AUTONOMIE),
  orienteVersStructure: boolean,
  structureDeRedirection: code(STRUCTURES_REDIRECTION),
  titreAtelier: text(MAX_TITLE_LENGTH),
  niveau: code(NIVEAUX),
  structureEmployeuse: object({ nom: text(MAX_STRUCTURE_NAME_LENGTH), commune: COMMUNE, siret: text(14, SIRET_PATTERN) }),
  beneficiaireAnonyme: object({
    genre: code(GENRES), trancheAge: code(TRANCHES_AGE), statutSocial: code(STATUTS_SOCIAUX), communeResidence: COMMUNE, dejaAccompagne: boolean,
  }),
  participantsAnonymes: object({
    total: HEADCOUNT,
    dejaAccompagne: HEADCOUNT,
    genres: map(GENRES, HEADCOUNT),
    tranchesAge: map(TRANCHES_AGE, HEADCOUNT),
    statutsSociaux: map(STATUTS_SOCIAUX, HEADCOUNT),
  }),
  demo: DEMO,
};

const PLACE_FIELDS = {
  nom: text(PLACE_LIMITS.nom),
  pivot: text(14, new RegExp(`^$|${PIVOT_PATTERN.source}`)),
  adresse: text(PLACE_LIMITS.adresse),
  complementAdresse: text(PLACE_LIMITS.complementAdresse),
  commune: COMMUNE,
  villageId: REFERENCE,
  typologie: codeList(PLACE_LIST_FIELDS.typologie),
  services: codeList(PLACE_LIST_FIELDS.services),
  publics: codeList(PLACE_LIST_FIELDS.publics),
  priseEnChargeSpecifique: codeList(PLACE_LIST_FIELDS.priseEnChargeSpecifique),
  fraisACharge: codeList(PLACE_LIST_FIELDS.fraisACharge),
  modalitesAcces: codeList(PLACE_LIST_FIELDS.modalitesAcces),
  modalitesAccompagnement: codeList(PLACE_LIST_FIELDS.modalitesAccompagnement),
  dispositifs: codeList(PLACE_LIST_FIELDS.dispositifs),
  /** A list; records written before schema 7 hold one value. */
  itinerance: either(codeList(ITINERANCE), code(ITINERANCE)),
  horaires: text(PLACE_LIMITS.horaires),
  presentationResume: text(PLACE_LIMITS.presentationResume),
  presentationDetail: text(PLACE_LIMITS.presentationDetail),
  telephone: text(20, TELEPHONE_PATTERN),
  courriels: list(text(MAX_ITEM_LENGTH), MAX_LIST_ITEMS),
  sitesWeb: list(text(MAX_ITEM_LENGTH), MAX_LIST_ITEMS),
  structureParente: text(PLACE_LIMITS.structureParente),
  formationsLabels: codeList(PLACE_LIST_FIELDS.formationsLabels),
  autresFormationsLabels: list(text(MAX_ITEM_LENGTH), MAX_LIST_ITEMS),
  ficheAccesLibre: text(PLACE_LIMITS.ficheAccesLibre),
  priseRdv: text(PLACE_LIMITS.priseRdv),
  source: text(PLACE_LIMITS.source),
  idNational: text(PLACE_LIMITS.idNational),
  latitude: decimal(-90, 90),
  longitude: decimal(-180, 180),
  dateMaj: date,
  demo: DEMO,
};

const BENEFICIARY_FIELDS = {
  code: text(10),
  genre: code(GENRES),
  trancheAge: code(TRANCHES_AGE),
  /** A year only, never a date (the validator bounds it by the current year). */
  anneeNaissance: integer(ANNEE_NAISSANCE_MIN, 9999),
  /** YYYY-MM-DD the person was anonymised: the code and year of birth are gone. */
  anonymiseLe: date,
  statutSocial: code(STATUTS_SOCIAUX),
  communeResidence: COMMUNE,
  dejaAccompagne: boolean,
  demo: DEMO,
};

/** A step of a workshop outline, or a session's reference to one. */
const STEP_KEY = REFERENCE;
const MINUTES = integer(1, MAX_DUREE_MINUTES);

const TEMPLATE_FIELDS = {
  titre: text(TITLE_MAX),
  objectifs: text(TEXT_MAX),
  niveau: code(NIVEAUX),
  thematiques: codeList(THEMATIQUES),
  competencesPix: codeList(PIX_COMPETENCES),
  /** A template may plan more than a day (an activity may not: closing such a session is refused). */
  duree: integer(1, 7 * 24 * 60),
  materiel: codeList(MATERIEL),
  materielNecessaire: text(TEXT_MAX),
  etapes: list(object({ id: STEP_KEY, titre: text(TITLE_MAX * 2), minutes: MINUTES }), 100),
  starter: boolean,
  starterKey: text(64, /^[a-z0-9_-]{1,64}$/),
};

const SERIES_FIELDS = {
  templateId: REFERENCE,
  titre: text(TITLE_MAX),
  placeId: REFERENCE,
  itinerant: boolean,
  commune: COMMUNE,
  villageId: REFERENCE,
  participantIds: list(REFERENCE, 500),
  evaluations: list(object({
    beneficiaryId: REFERENCE,
    moment: code(['debut', 'fin']),
    date,
    niveaux: map(PIX_COMPETENCES, code(SELF_ASSESSMENT_LEVELS)),
  }), 5000),
  notes: text(TEXT_MAX),
};

const SESSION_FIELDS = {
  seriesId: REFERENCE,
  date,
  heure: text(5, /^\d{2}:\d{2}$/),
  statut: code(SESSION_STATUSES),
  commune: COMMUNE,
  villageId: REFERENCE,
  duree: MINUTES,
  presents: list(REFERENCE, 500),
  walkIns: list(object({
    genre: code(GENRES), trancheAge: code(TRANCHES_AGE), statutSocial: code(STATUTS_SOCIAUX), dejaAccompagne: boolean,
  }), 1000),
  etapesCouvertes: list(STEP_KEY, 100),
  aRevoir: text(TEXT_MAX),
  activityId: REFERENCE,
};

/** Declared fields the data type does not have (a misspelt or removed field): each must be `never`. */
type NotInData<Fields, Data> = { readonly [F in Exclude<keyof Fields, keyof Data>]: never };

/**
 * Declares a kind; its data type is read from its validator, its table name kept as a literal type.
 * `fields` must name every field of the data (`FieldsOf`) and nothing else (`NotInData`).
 */
function kind<Data extends object, Table extends string, Fields extends FieldsOf<Data>>(
  declaration: KindDeclaration<Data, Table> & { fields: Fields & NotInData<Fields, NoInfer<Data>> },
): KindDeclaration<Data, Table> {
  return declaration;
}

/**
 * In this order, bundles carry their records and the sync screens list them. Villages, diagnostics,
 * places and workshop templates are the shared reference data of a territory; activities, followed
 * people, and a trainer's series and sessions belong to the device that wrote them.
 */
const DECLARED = {
  village: kind({ table: 'villages', fields: VILLAGE_FIELDS, ownership: 'shared', validate: validateVillage, personalData: NEVER }),
  survey: kind({ table: 'surveys', fields: SURVEY_FIELDS, ownership: 'shared', validate: validateSurvey, personalData: NEVER }),
  activity: kind({
    table: 'activities', fields: ACTIVITY_FIELDS, ownership: 'author', validate: validateActivity, personalData: linksFollowedPeople('beneficiaryIds'),
  }),
  place: kind({ table: 'places', fields: PLACE_FIELDS, ownership: 'shared', validate: validatePlace, personalData: NEVER }),
  beneficiary: kind({ table: 'beneficiaries', fields: BENEFICIARY_FIELDS, ownership: 'author', validate: validateBeneficiary, personalData: ALWAYS }),
  workshopTemplate: kind({ table: 'workshopTemplates', fields: TEMPLATE_FIELDS, ownership: 'shared', validate: validateTemplate, personalData: NEVER }),
  workshopSeries: kind({
    table: 'workshopSeries', fields: SERIES_FIELDS, ownership: 'author', validate: validateSeries,
    personalData: linksFollowedPeople('participantIds', 'evaluations'),
  }),
  workshopSession: kind({
    table: 'workshopSessions', fields: SESSION_FIELDS, ownership: 'author', validate: validateSession, personalData: linksFollowedPeople('presents'),
  }),
};

type Declared = typeof DECLARED;
export type RecordKind = keyof Declared;

/** The data type of a kind (`DataOf<'village'>` is `Village`). */
export type DataOf<K extends RecordKind> = K extends RecordKind
  ? Declared[K] extends KindDeclaration<infer Data extends object, string> ? Data : never
  : never;

/** The table name of a kind (`TableOf<'village'>` is `'villages'`). */
export type TableOf<K extends RecordKind> = Declared[K]['table'];

/** The declarations, typed so that code generic in the kind gets that kind's table and validator. */
export const RECORD_KIND_DECLARATIONS: { readonly [K in RecordKind]: KindDeclaration<DataOf<K>, TableOf<K>> } = DECLARED;

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(DECLARED, value);
}

export const RECORD_KINDS: readonly RecordKind[] = Object.keys(DECLARED).filter(isRecordKind);

export function tableOf<K extends RecordKind>(kind: K): TableOf<K> {
  return RECORD_KIND_DECLARATIONS[kind].table;
}

/**
 * The whole check of a kind's data: the declared fields first (unknown ones refused by name, types and
 * bounds), then, when the shape is right, the kind's own rules. One function per kind, made once.
 */
const VALIDATORS = Object.fromEntries(RECORD_KINDS.map((kind) => {
  const { fields, validate } = RECORD_KIND_DECLARATIONS[kind] as unknown as KindDeclaration<object>;
  const check = (data: object): ValidationIssue[] => {
    const shape = checkFields(fields as FieldSpecs, data);
    return shape.length > 0 ? shape : validate(data);
  };
  return [kind, check];
})) as { readonly [K in RecordKind]: (data: DataOf<K>) => ValidationIssue[] };

export function validatorOf<K extends RecordKind>(kind: K): (data: DataOf<K>) => ValidationIssue[] {
  return VALIDATORS[kind];
}

export function ownershipOf(kind: RecordKind): Ownership {
  return RECORD_KIND_DECLARATIONS[kind].ownership;
}

/** Kinds whose records only their author may change: the ones an author seals (domain/sync/seal.ts). */
export const AUTHORED_KINDS: readonly RecordKind[] = RECORD_KINDS.filter((kind) => ownershipOf(kind) === 'author');
