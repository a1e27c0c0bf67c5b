import type { TFunction } from 'i18next';
import { bundleErrorCode, bundleErrorIssues } from '../../domain/sync/errors';

/** Records named in a refusal: enough to see what is wrong, not a flood. */
const SHOWN_ISSUES = 3;

/**
 * A refusal in the user's language: the error code's message, or the generic one. Invalid records
 * also say which kind, which field and what is wrong ("Followed person, field “telephone”: unknown").
 */
export function describeSyncError(t: TFunction<'sync'>, error: unknown): string {
  const code = bundleErrorCode(error);
  if (code === 'invalidRecords') {
    const details = bundleErrorIssues(error).slice(0, SHOWN_ISSUES).map((issue) => t('errors.invalidRecordsField', {
      kind: t(`kinds.${issue.kind}`, { defaultValue: issue.kind }), field: issue.field,
      problem: t(`validation:${issue.code}`, { ...issue.params, defaultValue: t('validation:invalid') }),
    }));
    return [t('errors.invalidRecords'), ...details].join(' ');
  }
  if (code) return t(`errors.${code}`);
  if (error instanceof Error && error.name === 'HeldBundleError') return t('errors.held');
  if (error instanceof Error && error.message.includes('RELAIS_FILE_TOO_LARGE')) return t('errors.tooLarge');
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
