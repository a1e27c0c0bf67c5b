import type { TFunction } from 'i18next';
import { bundleErrorCode, bundleErrorIssues, bundleErrorReason } from '../../domain/sync/errors';
import { keysErrorCode } from '../../domain/sync/sealing';
import { MAX_OPEN_FILES } from '../../platform';
import { isStorageFull } from '../../platform/storage';

/** Records named in a refusal: enough to see what is wrong, not a flood. */
const SHOWN_ISSUES = 3;

/**
 * What a refusal is about: a choice of files (a drop, a dialog, whose size limit is their sum), or one
 * file of a folder (read alone, its limit is its own size).
 */
export type RefusalScope = 'choice' | 'oneFile';

/**
 * A refusal in the user's language, as precise as the refusal is: the message of its reason (a payload
 * changed after signing, a file cut short…), else of its code; invalid records also say which kind,
 * which field and what is wrong ("Followed person, field “telephone”: unknown"); a refused drop or
 * dialog says which limit.
 */
export function describeSyncError(t: TFunction<'sync'>, error: unknown, scope: RefusalScope = 'choice'): string {
  // A full disk half-way through an import: the transaction rolled back, nothing was written.
  if (isStorageFull(error)) return t('errors.diskFull');
  const code = bundleErrorCode(error);
  const reason = bundleErrorReason(error);
  if (code === 'invalidRecords') {
    const details = bundleErrorIssues(error).slice(0, SHOWN_ISSUES).map((issue) => t('errors.invalidRecordsField', {
      kind: t(`kinds.${issue.kind}`, { defaultValue: issue.kind }), field: issue.field,
      problem: t(`validation:${issue.code}`, { ...issue.params, defaultValue: t('validation:invalid') }),
    }));
    return [t('errors.invalidRecords'), ...details].join(' ');
  }
  if (code && reason) return t(`errorReasons.${code}.${reason}`);
  if (code) return t(`errors.${code}`);
  if (keysErrorCode(error) === 'locked' || keysErrorCode(error) === 'cancelled') return t('errors.keysLocked');
  if (error instanceof Error && error.name === 'HeldBundleError') return t('errors.held');
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('RELAIS_FILE_TOO_LARGE')) return t(scope === 'oneFile' ? 'errorReasons.tooLarge.file' : 'errors.filesTooLarge');
  if (message.includes('RELAIS_CHOSEN_FILE_CHANGED')) return t('errors.chosenFileChanged');
  if (message.includes('RELAIS_TOO_MANY_FILES')) {
    // A folder takes more files than a dialog (MAX_FOLDER_FILES): the message says which limit.
    const max = Number(/at most (\d+)/.exec(message)?.[1] ?? MAX_OPEN_FILES);
    return t('errors.tooManyFiles', { count: Number(/(\d+) files/.exec(message)?.[1] ?? 0), max });
  }
  return t('errors.unexpected', { message });
}
