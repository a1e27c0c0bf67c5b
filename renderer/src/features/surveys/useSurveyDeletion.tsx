/**
 * Deleting a survey: confirm, soft delete (a tombstone that travels in bundles), then a toast with
 * "Undo" that restores it. Returns the function to ask, and the dialog to render once on the page.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/toast';

export function useSurveyDeletion(onDeleted?: () => void): { askDelete: (id: string) => void; dialog: ReactElement } {
  const { t } = useTranslation(['surveys', 'common']);
  const { notifyWithUndo } = useToast();
  const [pending, setPending] = useState<string | undefined>(undefined);

  async function confirm() {
    const id = pending;
    setPending(undefined);
    if (!id) return;
    const { surveys } = getRelais();
    await surveys.remove(id);
    notifyWithUndo(t('surveys:delete.done'), () => surveys.restore(id));
    onDeleted?.();
  }

  const dialog = (
    <ConfirmDialog open={pending !== undefined} title={t('surveys:delete.title')} message={t('surveys:delete.message')}
      confirmLabel={t('common:actions.delete')} danger onConfirm={() => void confirm()} onCancel={() => setPending(undefined)} />
  );
  return { askDelete: setPending, dialog };
}
