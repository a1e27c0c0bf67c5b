/**
 * The first thing the page renders: the database is opened (db/startup.ts) before any screen reads it,
 * so a database that cannot be opened shows the recovery screen instead of a blank window.
 */
import { useEffect, useState } from 'react';
import { getRelais } from '../../db';
import { openAtStartup, type StartupResult } from '../../db/startup';
import { App } from '../App';
import { requestPersistentStorage } from '../../platform/storage';
import { RecoveryScreen } from './RecoveryScreen';

export function Startup() {
  const [result, setResult] = useState<StartupResult | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void openAtStartup(getRelais().db).then((opened) => live && setResult(opened));
    // Ask once that the browser keep the data (never evicted to free space); Settings shows the answer.
    void requestPersistentStorage();
    return () => { live = false; };
  }, []);
  if (!result) return null; // a few milliseconds: opening the local database
  return result.ready ? <App /> : <RecoveryScreen problem={result.problem} />;
}
