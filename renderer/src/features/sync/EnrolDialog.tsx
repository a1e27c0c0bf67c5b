/**
 * Enrolling a device: the deliberate step that makes this computer accept its bundles. The dialog shows
 * the card's fingerprint and asks the person to compare it with the one its owner reads out; it warns
 * when someone else is already enrolled under that name with another key.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedCard } from '../../domain/sync/card';
import { fingerprintOfKey } from '../../domain/sync/identity';
import type { CardWithPrint } from '../../db/sync';
import { Fingerprint } from './Fingerprint';

interface EnrolDialogProps {
  card: SignedCard | null;
  /** Devices enrolled under the same name with another key. */
  lookalikes?: readonly CardWithPrint[];
  onEnrol: (card: SignedCard) => void;
  onCancel: () => void;
}

export function EnrolDialog({ card, lookalikes = [], onEnrol, onCancel }: EnrolDialogProps) {
  const { t } = useTranslation(['sync', 'settings']);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (card && !dialog.open) dialog.showModal();
    if (!card && dialog.open) dialog.close();
  }, [card]);
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="enrol-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      {card ? (
        <>
          <h2 id="enrol-title">{t('enrol.title', { name: card.name })}</h2>
          <p className="row-meta">{t('enrol.who', { structure: card.structure, role: t(`settings:roles.${card.role}`, { defaultValue: card.role }) })}</p>
          <p>{t('enrol.explain', { name: card.name })}</p>
          <p className="enrol-print">
            <span className="enrol-print-label">{t('enrol.print')}</span>
            <Fingerprint print={fingerprintOfKey(card.signingKey)} />
          </p>
          {lookalikes.map((other) => (
            <p key={other.deviceId} className="notice notice--warning" role="alert">{t('enrol.lookalike', { name: other.name, print: other.print })}</p>
          ))}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onCancel} autoFocus>{t('enrol.cancel')}</button>
            <button type="button" className="button button--primary" onClick={() => onEnrol(card)}>{t('enrol.confirm')}</button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
