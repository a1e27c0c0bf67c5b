/**
 * Why a bundle or a card was refused. Codes, not prose: tests assert the code, and the screen says
 * precisely what was wrong — `sync:errorReasons.<code>.<reason>` when the refusal names its reason (a
 * manifest that does not parse is not a payload changed after signing), `sync:errors.<code>` otherwise;
 * invalid records also name their kind, field and problem (`RecordIssue`).
 */
export const BUNDLE_ERROR_CODES = [
  'notABundle', 'newerFormat', 'olderFormat', 'truncated', 'corrupted', 'tooLarge', 'wrongPassphrase', 'needsPassphrase',
  'wrongKey', 'notForThisUser', 'badSignature', 'deviceIdMismatch', 'unsafeKeys', 'invalidRecords', 'personalDataInClear',
  'invalidCard', 'workFactorTooHigh',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

/** The precise reasons behind the codes that cover several faults; each has its own message. */
export const BUNDLE_ERROR_REASONS = {
  tooLarge: ['file', 'manifest', 'recordCount', 'record', 'inflated', 'moreRecords'],
  truncated: ['header', 'body', 'inner', 'payload', 'compression'],
  corrupted: ['format', 'protection', 'trailingBytes', 'encryption', 'manifest', 'payloadHash', 'compression', 'recordLine', 'counts'],
  badSignature: ['length', 'mismatch', 'protectionChanged'],
  newerFormat: ['container', 'manifest', 'card'],
  wrongKey: ['noIdentity', 'invalidIdentity'],
  invalidCard: ['tooLarge', 'encoding', 'json', 'type', 'fields', 'signature'],
} as const satisfies Partial<Record<BundleErrorCode, readonly string[]>>;

type Reasons = typeof BUNDLE_ERROR_REASONS;
export type BundleErrorReason<C extends BundleErrorCode = BundleErrorCode> = C extends keyof Reasons ? Reasons[C][number] : never;

/** One problem of one record, as data: the screen names the kind and the field in the user's language. */
export interface RecordIssue {
  kind: string;
  field: string;
  /** Key in `locales/<lang>/validation.json`. */
  code: string;
  params?: Record<string, string | number>;
}

export class BundleError<C extends BundleErrorCode = BundleErrorCode> extends Error {
  /**
   * `detail` is for developers (logs, test failures); `reason`, when the code covers several faults,
   * says which one, for the person; `issues`, for invalid records, which records and fields. The message
   * reads `code.reason: detail`, so code and reason survive a Worker (the issues ride beside it).
   */
  constructor(readonly code: C, detail?: string, readonly reason?: BundleErrorReason<C>, readonly issues: readonly RecordIssue[] = []) {
    super(`${code}${reason ? `.${reason}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'BundleError';
  }
}

function isBundleError(error: unknown): error is BundleError {
  return error instanceof Error && error.name === 'BundleError' && 'code' in error;
}

function parsed(error: unknown): { code: BundleErrorCode; reason?: string } | undefined {
  if (isBundleError(error)) return { code: error.code, reason: error.reason };
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = /^(\w+)(?:\.(\w+))?(?::|$)/.exec(message);
  if (!match || !(BUNDLE_ERROR_CODES as readonly string[]).includes(match[1])) return undefined;
  return { code: match[1] as BundleErrorCode, reason: match[2] };
}

/** The error code inside anything thrown (errors crossing a Worker boundary lose their class). */
export function bundleErrorCode(error: unknown): BundleErrorCode | undefined {
  return parsed(error)?.code;
}

/** The precise reason, when the refusal gave one that its code knows. */
export function bundleErrorReason(error: unknown): BundleErrorReason | undefined {
  const found = parsed(error);
  if (!found?.reason || !(found.code in BUNDLE_ERROR_REASONS)) return undefined;
  const known: readonly string[] = BUNDLE_ERROR_REASONS[found.code as keyof Reasons];
  return known.includes(found.reason) ? (found.reason as BundleErrorReason) : undefined;
}

/** The record problems a refusal carries (also across a Worker boundary, where they ride as `issues`). */
export function bundleErrorIssues(error: unknown): readonly RecordIssue[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as RecordIssue[]) : [];
}
