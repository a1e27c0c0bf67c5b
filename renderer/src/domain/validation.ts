/**
 * Validation results are data, not text: a field path and an i18n message key (namespace `validation`),
 * so the same rules run in Node tests, in the importer and in forms, and the form shows them in the
 * user's language.
 */
export interface ValidationIssue {
  /** Field path, e.g. `thematiques` or `participantsAnonymes.genres`. */
  field: string;
  /** Key in `locales/<lang>/validation.json`. */
  code: string;
  /** Interpolation values for the message. */
  params?: Record<string, string | number>;
}

export class ValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`validation failed: ${issues.map((i) => `${i.field}:${i.code}`).join(', ')}`);
    this.name = 'ValidationError';
  }
}

export function issue(field: string, code: string, params?: ValidationIssue['params']): ValidationIssue {
  return params ? { field, code, params } : { field, code };
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isNonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function isWholeNumber(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
