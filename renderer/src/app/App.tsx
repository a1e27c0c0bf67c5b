import { HashRouter, NavLink, useLocation, useRoutes, type RouteObject } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToastProvider } from '../ui/toast';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { FirstRun } from '../features/settings/FirstRun';
import { readProfile } from '../db/profile';
import { useRead } from '../ui/useRead';
import { homeRoutes } from '../features/home/routes';
import { villageRoutes } from '../features/villages/routes';
import { surveyRoutes } from '../features/surveys/routes';
import { activityRoutes } from '../features/activities/routes';
import { placeRoutes } from '../features/places/routes';
import { beneficiaryRoutes } from '../features/beneficiaries/routes';
import { settingsRoutes } from '../features/settings/routes';
import { syncRoutes } from '../features/sync/routes';
import { workshopRoutes } from '../features/workshops/routes';
import { exportRoutes } from '../features/exports/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { teamImportRoutes } from '../features/teamImport/routes';
import { mediatorRoutes } from '../features/mediators/routes';
import { NAV_ITEMS } from './nav';
import { Icon } from './icons';
import { GlobalBundleDrop } from '../features/sync';
import { RetentionOnStart } from '../features/beneficiaries/RetentionOnStart';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { KeysProvider } from '../features/keys';
import { AutomaticBackups, BackupReminder } from '../features/backups';
import { LockGate } from '../features/lock';
import { StorageWarning } from '../features/settings/StorageSection';
import { SyncFoldersRunner } from '../features/folders';
import { ReadOnlyBanner, ReadOnlyProvider, useReadOnly, type ReadOnlyMode } from '../ui/readOnly';
import { PageErrorBoundary } from '../ui/PageErrorBoundary';
import { readOnlyRoutes } from './readOnlyRoutes';

const routes: RouteObject[] = [
  ...homeRoutes, ...villageRoutes, ...surveyRoutes, ...activityRoutes, ...placeRoutes,
  ...beneficiaryRoutes, ...syncRoutes, ...workshopRoutes, ...exportRoutes, ...settingsRoutes, ...dashboardRoutes, ...teamImportRoutes, ...mediatorRoutes,
];

function Routes() {
  return useRoutes(useReadOnly() ? readOnlyRoutes(routes) : routes);
}

/** The routed page behind its error panel, which a new page clears. */
function GuardedRoutes() {
  const { pathname } = useLocation();
  return <PageErrorBoundary key={pathname}><Routes /></PageErrorBoundary>;
}

/** What runs behind the pages and writes on its own (imports, retention, backups): not in read-only mode. */
function BackgroundWork() {
  if (useReadOnly()) return null;
  return (
    <>
      <GlobalBundleDrop />
      <SyncFoldersRunner />
      <RetentionOnStart />
      <AutomaticBackups />
    </>
  );
}

function Shell() {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <img src="./icon.svg" alt="" width={36} height={36} />
          <span>{t('app.name')}</span>
        </div>
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'} className={({ isActive }) => `nav-link${isActive ? ' is-active' : ''}`}>
                <span className="nav-icon"><Icon name={item.icon} /></span>
                <span>{t(item.labelKey)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <p className="offline-badge"><span aria-hidden="true">●</span> {t('offline.badge')}</p>
          <LanguageSwitch />
          <KeyboardShortcuts />
        </div>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <ReadOnlyBanner />
        <StorageWarning />
        {readOnly ? null : <BackupReminder />}
        <GuardedRoutes />
      </main>
      <BackgroundWork />
    </div>
  );
}

/**
 * This laptop's keys, for the screens that sign or decrypt (sync, settings). Read-only, those screens
 * are refused and the keys are left alone: sealing keys an older version left in clear would write,
 * and an older database may not even have their table.
 */
function WithKeys({ children }: { children: ReactNode }) {
  return useReadOnly() ? <>{children}</> : <KeysProvider>{children}</KeysProvider>;
}

/** `readOnly`: the database was opened read-only from the recovery screen (ui/readOnly.tsx). */
export function App({ readOnly = null }: { readOnly?: ReadOnlyMode | null }) {
  const profile = useRead(readProfile);
  if (profile === undefined) return null; // first read of the local database: a few milliseconds
  // Read-only, a database with no profile is still shown: the first-run form would write one.
  const firstRun = profile === null && !readOnly;
  return (
    <ReadOnlyProvider mode={readOnly}>
      <ToastProvider>
        {firstRun ? <FirstRun /> : <LockGate><WithKeys><HashRouter><Shell /></HashRouter></WithKeys></LockGate>}
      </ToastProvider>
    </ReadOnlyProvider>
  );
}
