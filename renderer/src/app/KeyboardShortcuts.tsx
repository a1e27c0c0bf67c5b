/**
 * The shortcuts that work on every screen (a new activity, the help), and the help panel that lists
 * every shortcut with the keyboard moves of forms. "?" opens it, as does the button in the sidebar.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Shortcut, SHORTCUT_GROUPS, ariaKeys, useShortcut } from '../ui/shortcuts';
import { useModalDialog } from '../ui/useModalDialog';

export function KeyboardShortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  useShortcut('newIndividual', () => navigate('/activities/new?type=individuel'));
  useShortcut('newWorkshop', () => navigate('/activities/new?type=collectif'));
  useShortcut('help', () => setOpen(true));
  return (
    <>
      <button type="button" className="button button--small shortcuts-open" onClick={() => setOpen(true)} aria-keyshortcuts={ariaKeys('help')}>
        {t('shortcuts.open')} <Shortcut name="help" />
      </button>
      <ShortcutsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.titleKey} aria-label={t(group.titleKey)}>
          <h3>{t(group.titleKey)}</h3>
          <dl className="shortcuts-list">
            {group.names.map((name) => (
              <div key={name}>
                <dt><Shortcut name={name} /></dt>
                <dd>{t(`shortcuts.names.${name}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section aria-label={t('shortcuts.inForms')}>
        <h3>{t('shortcuts.inForms')}</h3>
        <ul className="shortcuts-tips">
          <li>{t('shortcuts.tips.tab')}</li>
          <li>{t('shortcuts.tips.arrows')}</li>
          <li>{t('shortcuts.tips.letters')}</li>
          <li>{t('shortcuts.tips.summary')}</li>
        </ul>
      </section>
      <div className="dialog-actions">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>{t('actions.close')}</button>
      </div>
    </dialog>
  );
}
