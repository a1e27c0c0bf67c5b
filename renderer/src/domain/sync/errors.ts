/**
 * Why a bundle or a card was refused. Codes, not prose: the screen shows `sync:errors.<code>` in the
 * user's language, and tests assert the exact code.
 */
export const BUNDLE_ERROR_CODES = [
  'notABundle', 'newerFormat', 'truncated', 'corrupted', 'tooLarge', 'wrongPassphrase', 'needsPassphrase',
  'wrongKey', 'notForThisUser', 'badSignature', 'unsafeKeys', 'invalidRecords', 'invalidCard',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export class BundleError extends Error {
  constructor(readonly code: BundleErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BundleError';
  }
}

function isBundleError(error: unknown): error is BundleError {
  return error instanceof Error && error.name === 'BundleError' && 'code' in error;
}

/** The error code inside anything thrown (errors crossing a Worker boundary lose their class). */
export function bundleErrorCode(error: unknown): BundleErrorCode | undefined {
  if (isBundleError(error)) return error.code;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const code = message.split(':')[0];
  return (BUNDLE_ERROR_CODES as readonly string[]).includes(code) ? (code as BundleErrorCode) : undefined;
}
