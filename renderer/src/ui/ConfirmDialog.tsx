/** A modal confirmation built on <dialog>: focus is trapped by the browser, Escape cancels. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /**
   * The button that changes nothing; "Cancel" unless given. Give it when the action itself is a
   * cancelling ("Cancel the session"): two "Cancel" buttons side by side would say nothing.
   */
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, message, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useModalDialog(open);
  // One id per dialog: a page with a dialog per row (cancel a session) must not name them all after the first.
  const titleId = useId();
  const { t } = useTranslation();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>{cancelLabel ?? t('actions.cancel')}</button>
        <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
