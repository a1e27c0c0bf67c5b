/**
 * Why a bundle or a card was refused. Codes, not prose: the screen shows `sync:errors.<code>` in the
 * user's language, and tests assert the exact code.
 */
export const BUNDLE_ERROR_CODES = [
  'notABundle', 'newerFormat', 'olderFormat', 'truncated', 'corrupted', 'tooLarge', 'wrongPassphrase', 'needsPassphrase',
  'wrongKey', 'notForThisUser', 'badSignature', 'deviceIdMismatch', 'unsafeKeys', 'invalidRecords', 'personalDataInClear',
  'invalidCard',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

/** One problem of one record, as data: the screen names the kind and the field in the user's language. */
export interface RecordIssue {
  kind: string;
  field: string;
  /** Key in `locales/<lang>/validation.json`. */
  code: string;
  params?: Record<string, string | number>;
}

export class BundleError extends Error {
  constructor(readonly code: BundleErrorCode, detail?: string, readonly issues: readonly RecordIssue[] = []) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BundleError';
  }
}

function isBundleError(error: unknown): error is BundleError {
  return error instanceof Error && error.name === 'BundleError' && 'code' in error;
}

/** The record problems a refusal carries (also across a Worker boundary, where they ride as `issues`). */
export function bundleErrorIssues(error: unknown): readonly RecordIssue[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as RecordIssue[]) : [];
}

/** The error code inside anything thrown (errors crossing a Worker boundary lose their class). */
export function bundleErrorCode(error: unknown): BundleErrorCode | undefined {
  if (isBundleError(error)) return error.code;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const code = message.split(':')[0];
  return (BUNDLE_ERROR_CODES as readonly string[]).includes(code) ? (code as BundleErrorCode) : undefined;
}
