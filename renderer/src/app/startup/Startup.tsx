/**
 * The first thing the page renders: the database is opened (db/startup.ts) before any screen reads it,
 * so a database that cannot be opened shows the recovery screen instead of a blank window. From there,
 * "open read-only" runs the app on the database opened read-only (db/readOnly.ts). While an older
 * database is upgraded, the upgrading screen says so, and how far it has gone.
 */
import { useEffect, useState } from 'react';
import { getRelais, switchToReadOnly, type Relais } from '../../db';
import { openAtStartup, type StartupProblem, type StartupResult } from '../../db/startup';
import { App } from '../App';
import { requestPersistentStorage } from '../../platform/storage';
import { RecoveryScreen } from './RecoveryScreen';
import { UpgradingScreen } from './UpgradingScreen';

export function Startup() {
  const [result, setResult] = useState<StartupResult | undefined>(undefined);
  const [readOnly, setReadOnly] = useState<{ problem: StartupProblem } | null>(null);
  const [upgrading, setUpgrading] = useState(false);
  useEffect(() => {
    let live = true;
    void openAtStartup(getRelais().db, { onUpgrading: () => live && setUpgrading(true) }).then((opened) => live && setResult(opened));
    // Ask once that the browser keep the data (never evicted to free space); Settings shows the answer.
    void requestPersistentStorage();
    return () => { live = false; };
  }, []);
  // Opening takes a few milliseconds; upgrading an older database, up to minutes at a region's scale.
  if (!result) return upgrading ? <UpgradingScreen /> : null;
  if (result.ready) return <App />;
  if (readOnly) return <App readOnly={readOnly} />;
  const openReadOnly = (relais: Relais) => {
    switchToReadOnly(relais);
    setReadOnly({ problem: result.problem });
  };
  return <RecoveryScreen problem={result.problem} onOpenReadOnly={openReadOnly} />;
}
