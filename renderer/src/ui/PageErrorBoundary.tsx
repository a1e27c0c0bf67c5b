/**
 * A page whose reads throw (a record this code cannot read, a table an older database lacks in read-only
 * mode) shows this panel in plain words instead of a blank window: what happened, "copy diagnostics" for
 * whoever helps, and the way back home. The sidebar stays usable; going to another page starts afresh.
 */
import { Component, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { shellLanguage, platform } from '../platform';
import { Page } from './Page';

interface State {
  error: unknown;
}

/** Wrap the routed pages, keyed by the location so a new page clears the error. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') };
  }

  override render() {
    return this.state.error === undefined ? this.props.children : <PageErrorPanel error={this.state.error} />;
  }
}

/** The error's name and message only (the code's words, not the record's data), for diagnostics. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'unknown error';
}

function PageErrorPanel({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('pageError');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      // The shell's own diagnostics (the page has no clipboard permission in Electron); the error is below.
      await platform.copyDiagnostics({ language: shellLanguage(i18n.language) });
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Page title={t('title')}>
      <div className="page-error" role="alert">
        <p>{t('text')}</p>
        <p>{t('nothingLost')}</p>
      </div>
      <p className="page-error-actions">
        <button type="button" className="button" onClick={() => void copy()}>{t('copy')}</button>
        <Link className="button button--primary" to="/">{t('home')}</Link>
      </p>
      {copied === 'yes' ? <p role="status">{t('copied')}</p> : null}
      {copied === 'failed' ? <p className="field-error" role="status">{t('copyFailed')}</p> : null}
      <details className="page-error-details">
        <summary>{t('technical')}</summary>
        <p><code>{describe(error)}</code></p>
      </details>
    </Page>
  );
}
