import type { TFunction } from 'i18next';
import { bundleErrorCode } from '../../domain/sync/errors';

/** A refusal in the user's language: the error code's message, or the generic one. */
export function describeSyncError(t: TFunction<'sync'>, error: unknown): string {
  const code = bundleErrorCode(error);
  if (code) return t(`errors.${code}`);
  if (error instanceof Error && error.message.includes('RELAIS_FILE_TOO_LARGE')) return t('errors.tooLarge');
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
