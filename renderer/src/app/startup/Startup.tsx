/**
 * The first thing the page renders: the database is opened (db/startup.ts) before any screen reads it,
 * so a database that cannot be opened shows the recovery screen instead of a blank window. From there,
 * "open read-only" runs the app on the database opened read-only (db/readOnly.ts).
 */
import { useEffect, useState } from 'react';
import { getRelais, switchToReadOnly, type Relais } from '../../db';
import { openAtStartup, type StartupProblem, type StartupResult } from '../../db/startup';
import { App } from '../App';
import { requestPersistentStorage } from '../../platform/storage';
import { RecoveryScreen } from './RecoveryScreen';

export function Startup() {
  const [result, setResult] = useState<StartupResult | undefined>(undefined);
  const [readOnly, setReadOnly] = useState<{ problem: StartupProblem } | null>(null);
  useEffect(() => {
    let live = true;
    void openAtStartup(getRelais().db).then((opened) => live && setResult(opened));
    // Ask once that the browser keep the data (never evicted to free space); Settings shows the answer.
    void requestPersistentStorage();
    return () => { live = false; };
  }, []);
  if (!result) return null; // a few milliseconds: opening the local database
  if (result.ready) return <App />;
  if (readOnly) return <App readOnly={readOnly} />;
  const openReadOnly = (relais: Relais) => {
    switchToReadOnly(relais);
    setReadOnly({ problem: result.problem });
  };
  return <RecoveryScreen problem={result.problem} onOpenReadOnly={openReadOnly} />;
}
