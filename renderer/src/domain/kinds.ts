/**
 * Every kind of record Relais stores and carries in bundles, declared once: the table that holds it
 * (also the name of its repository on `Relais`: `relais.villages`), the validator its data must
 * pass, on every local write and on every record of an incoming bundle, and whether a record of it
 * is personal data (then it never leaves the machine unencrypted).
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
import { validateSurvey } from './survey';
import { validateActivity } from './activity';
import { validatePlace } from './place';
import { validateBeneficiary } from './beneficiary';
import { validateSeries, validateSession, validateTemplate } from './workshops/validation';

export interface KindDeclaration<Data extends object, Table extends string = string> {
  /** The database table of the kind, and the name of its repository. */
  table: Table;
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
 * personal data too (an activity's `beneficiaryIds`, a series' enrolled `participantIds`, a session's
 * `presents`).
 */
const linksFollowedPeople = (field: string) => (record: { readonly [field: string]: unknown }) => {
  const ids = record[field];
  return Array.isArray(ids) && ids.length > 0;
};

/** Declares a kind; its data type is read from its validator, its table name kept as a literal type. */
function kind<Data extends object, Table extends string>(declaration: KindDeclaration<Data, Table>): KindDeclaration<Data, Table> {
  return declaration;
}

/** In this order, bundles carry their records and the sync screens list them. */
const DECLARED = {
  village: kind({ table: 'villages', validate: validateVillage, personalData: NEVER }),
  survey: kind({ table: 'surveys', validate: validateSurvey, personalData: NEVER }),
  activity: kind({ table: 'activities', validate: validateActivity, personalData: linksFollowedPeople('beneficiaryIds') }),
  place: kind({ table: 'places', validate: validatePlace, personalData: NEVER }),
  beneficiary: kind({ table: 'beneficiaries', validate: validateBeneficiary, personalData: ALWAYS }),
  workshopTemplate: kind({ table: 'workshopTemplates', validate: validateTemplate, personalData: NEVER }),
  workshopSeries: kind({ table: 'workshopSeries', validate: validateSeries, personalData: linksFollowedPeople('participantIds') }),
  workshopSession: kind({ table: 'workshopSessions', validate: validateSession, personalData: linksFollowedPeople('presents') }),
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

export function validatorOf<K extends RecordKind>(kind: K): (data: DataOf<K>) => ValidationIssue[] {
  return RECORD_KIND_DECLARATIONS[kind].validate;
}
