/**
 * The shape of a record's data, declared field by field (domain/kinds.ts holds each kind's list), and
 * the one strict check every record passes — on every local write and on every record of a bundle —
 * before its kind's domain rules run: a field that is not declared is refused by name (a `telephone`
 * slipped into a followed person never reaches the database), and every declared field has its type
 * and bounds (text length, whole numbers within a range, finite decimals, known codes, list lengths,
 * nested objects as strict as the record itself).
 *
 * Required fields and rules between fields stay in each kind's validator: this check only says that
 * what is there is of the declared type and size.
 */
import { issue, type ValidationIssue } from './validation';

export type FieldSpec =
  | { type: 'text'; max: number; pattern?: RegExp }
  | { type: 'code'; values: readonly (string | number)[] }
  | { type: 'integer'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'date' }
  | { type: 'list'; of: FieldSpec; max: number }
  | { type: 'object'; fields: FieldSpecs }
  | { type: 'map'; keys: readonly string[]; of: FieldSpec }
  | { type: 'either'; of: readonly FieldSpec[] };

export type FieldSpecs = { readonly [field: string]: FieldSpec };

/** Free text of at most `max` characters (the limits the forms and national formats use). */
export const text = (max: number, pattern?: RegExp): FieldSpec => (pattern ? { type: 'text', max, pattern } : { type: 'text', max });
/** One value of a code list (domain/codes.ts). */
export const code = (values: readonly (string | number)[]): FieldSpec => ({ type: 'code', values });
/** A safe whole number within [min, max]. */
export const integer = (min: number, max: number): FieldSpec => ({ type: 'integer', min, max });
/** A finite number within [min, max]. */
export const decimal = (min: number, max: number): FieldSpec => ({ type: 'decimal', min, max });
export const boolean: FieldSpec = { type: 'boolean' };
/** YYYY-MM-DD (the kind's validator says whether the day exists and fits). */
export const date: FieldSpec = { type: 'date' };
export const list = (of: FieldSpec, max: number): FieldSpec => ({ type: 'list', of, max });
/** A list of codes, each at most once: never longer than the code list itself. */
export const codeList = (values: readonly string[]): FieldSpec => list(code(values), values.length);
export const object = (fields: FieldSpecs): FieldSpec => ({ type: 'object', fields });
/** An object whose keys come from a code list, each holding a `of`. */
export const map = (keys: readonly string[], of: FieldSpec): FieldSpec => ({ type: 'map', keys, of });

/** One of several shapes (a field whose older records hold another shape than newer ones). */
export const either = (...of: FieldSpec[]): FieldSpec => ({ type: 'either', of });

/**
 * A reference to another record, or a step's key: record ids are UUIDs, starter keys are short words;
 * both fit in 64 letters, digits, `-` and `_` (no path, no markup, no room for a name and address).
 */
export const REFERENCE = text(64, /^[A-Za-z0-9_-]{1,64}$/);

/** A commune of the official list, as every kind stores it. */
export const COMMUNE = object({
  codeInsee: text(5, /^[0-9AB]{5}$/),
  nom: text(100),
  codePostal: text(5, /^\d{5}$/),
});

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Problems with one value against its declaration; `field` is its path (`commune.nom`, `etapes.2.titre`). */
function checkValue(spec: FieldSpec, value: unknown, field: string): ValidationIssue[] {
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') return [issue(field, 'invalid')];
      if (value.length > spec.max) return [issue(field, 'tooLong', { max: spec.max })];
      return spec.pattern && !spec.pattern.test(value) ? [issue(field, 'invalid')] : [];
    case 'code':
      return spec.values.includes(value as string | number) ? [] : [issue(field, 'unknownCode')];
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return [issue(field, 'wholeNumber')];
      return value < spec.min || value > spec.max ? [issue(field, 'outOfRange', { min: spec.min, max: spec.max })] : [];
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return [issue(field, 'invalid')];
      return value < spec.min || value > spec.max ? [issue(field, 'outOfRange', { min: spec.min, max: spec.max })] : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [issue(field, 'invalid')];
    case 'date':
      return typeof value === 'string' && DATE_SHAPE.test(value) ? [] : [issue(field, 'dateInvalid')];
    case 'list': {
      if (!Array.isArray(value)) return [issue(field, 'invalid')];
      if (value.length > spec.max) return [issue(field, 'tooMany', { max: spec.max })];
      for (let i = 0; i < value.length; i++) {
        const problems = checkValue(spec.of, value[i], `${field}.${i}`);
        if (problems.length > 0) return problems; // the first bad item says enough
      }
      return [];
    }
    case 'object':
      return isPlainRecord(value) ? checkFields(spec.fields, value, `${field}.`) : [issue(field, 'invalid')];
    case 'map': {
      if (!isPlainRecord(value)) return [issue(field, 'invalid')];
      const issues: ValidationIssue[] = [];
      for (const [key, item] of Object.entries(value)) {
        if (!spec.keys.includes(key)) issues.push(issue(`${field}.${key}`, 'unknownField', { field: `${field}.${key}` }));
        else if (item !== undefined) issues.push(...checkValue(spec.of, item, `${field}.${key}`));
      }
      return issues;
    }
    case 'either': {
      let first: ValidationIssue[] | undefined;
      for (const shape of spec.of) {
        const problems = checkValue(shape, value, field);
        if (problems.length === 0) return [];
        first ??= problems;
      }
      return first ?? [issue(field, 'invalid')];
    }
  }
}

/**
 * Every field of `data` is declared in `specs` and of its declared type and size. Fields holding
 * `undefined` count as absent (as in storage and in bundles). `prefix` names nested fields.
 */
export function checkFields(specs: FieldSpecs, data: object, prefix = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
    if (!spec) issues.push(issue(`${prefix}${field}`, 'unknownField', { field: `${prefix}${field}` }));
    else issues.push(...checkValue(spec, value, `${prefix}${field}`));
  }
  return issues;
}
