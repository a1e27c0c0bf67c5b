import type { TFunction } from 'i18next';
import { bundleErrorCode, bundleErrorReason } from '../../domain/sync/errors';
import { keysErrorCode } from '../../domain/sync/sealing';
import { MAX_OPEN_FILES } from '../../platform';

/**
 * A refusal in the user's language, as precise as the refusal is: the message of its reason (a payload
 * changed after signing, a file cut short…), else of its code; a refused drop or dialog says which limit.
 */
export function describeSyncError(t: TFunction<'sync'>, error: unknown): string {
  const code = bundleErrorCode(error);
  const reason = bundleErrorReason(error);
  if (code && reason) return t(`errorReasons.${code}.${reason}`);
  if (code) return t(`errors.${code}`);
  if (keysErrorCode(error) === 'locked' || keysErrorCode(error) === 'cancelled') return t('errors.keysLocked');
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('RELAIS_FILE_TOO_LARGE')) return t('errors.filesTooLarge');
  if (message.includes('RELAIS_TOO_MANY_FILES')) {
    return t('errors.tooManyFiles', { count: Number(/(\d+) files/.exec(message)?.[1] ?? 0), max: MAX_OPEN_FILES });
  }
  return t('errors.unexpected', { message });
}
