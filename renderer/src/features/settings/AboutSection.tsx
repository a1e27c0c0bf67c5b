/**
 * "About and diagnostics" in Settings: what to send to whoever helps when something goes wrong. The
 * text comes from the platform (Electron: versions, system, data folder and the last lines of the
 * shell's log, which holds events and codes only), in the interface language; "Copy" puts the same
 * text on the clipboard.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellLanguage, platform } from '../../platform';
import { useToast } from '../../ui/toast';
import { Disclosure } from '../../ui/Disclosure';

export function AboutSection() {
  const { t, i18n } = useTranslation('about');
  const { notify } = useToast();
  const language = shellLanguage(i18n.language);
  const [text, setText] = useState<string | undefined>(undefined);
  const [copyFailed, setCopyFailed] = useState(false);

  const refresh = useCallback(() => platform.getDiagnostics({ language }).then(setText, () => setText('')), [language]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const copy = async () => {
    try {
      await platform.copyDiagnostics({ language });
      setCopyFailed(false);
      notify(t('copied'), 'success');
    } catch {
      setCopyFailed(true);
    }
    void refresh(); // the copy is itself a line of the log
  };

  return (
    <section className="form-section" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('title')}</h2>
      <p className="field-hint">{t('intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void copy()}>{t('copy')}</button>
      </div>
      {copyFailed ? <p className="field-error" role="alert">{t('copyFailed')}</p> : null}
      <Disclosure title={t('show')} level={3} className="about-diagnostics">
        <pre className="settings-code" tabIndex={0} aria-label={t('textLabel')}>{text ?? '…'}</pre>
      </Disclosure>
    </section>
  );
}
