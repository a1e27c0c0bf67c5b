/**
 * Read-only mode on screen (issue 12, the recovery screen's "open read-only"): the app runs on a
 * database opened read-only (db/readOnly.ts), says so in a banner that stays, and offers no way to
 * change anything — what would write is hidden or replaced by a notice saying why. The database refuses
 * writes too (db/readOnlyGuard.ts): the screen is the courtesy, the guard is the promise; a refused write no
 * screen handled becomes a toast (ui/toast.tsx).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StartupProblem } from '../db/startup';
import { Page } from './Page';

export interface ReadOnlyMode {
  /** Why the database could not be opened normally: what the banner explains, with the way out. */
  problem: StartupProblem;
}

const ReadOnlyContext = createContext<ReadOnlyMode | null>(null);

export function ReadOnlyProvider({ mode, children }: { mode: ReadOnlyMode | null; children: ReactNode }) {
  return <ReadOnlyContext.Provider value={mode}>{children}</ReadOnlyContext.Provider>;
}

/** The read-only mode, or null when the app works normally. */
export function useReadOnly(): ReadOnlyMode | null {
  return useContext(ReadOnlyContext);
}

/** The banner at the top of every page: read-only, why, and the way out (back to the recovery screen). */
export function ReadOnlyBanner() {
  const mode = useReadOnly();
  const { t } = useTranslation('readOnly');
  if (!mode) return null;
  return (
    <section className="read-only-banner" aria-labelledby="read-only-title">
      <h2 id="read-only-title">{t('banner.title')}</h2>
      <p>{t(`banner.why.${mode.problem}`)}</p>
      <p>{t(`banner.wayOut.${mode.problem}`)}</p>
      {/* A reload opens the database again: the recovery screen if it still cannot be opened normally. */}
      <button type="button" className="button" onClick={() => window.location.reload()}>{t('banner.leave')}</button>
    </section>
  );
}

/** An action that writes (a "new" button): shown normally, left out in read-only mode (the banner says why). */
export function WriteAction({ children }: { children: ReactNode }) {
  return useReadOnly() ? null : <>{children}</>;
}

/** In place of a page that only changes data (a form, an import, the settings): why it is not offered. */
export function ReadOnlyRefusal() {
  const { t } = useTranslation('readOnly');
  return (
    <Page title={t('refusal.title')}>
      <p className="notice" role="status">{t('refusal.text')}</p>
      <p><Link to="/">{t('refusal.home')}</Link></p>
    </Page>
  );
}

/** On a record's page, instead of its form: the record can be read, not changed. */
export function ReadOnlyNotice() {
  const { t } = useTranslation('readOnly');
  return <p className="notice" role="status">{t('notice')}</p>;
}

