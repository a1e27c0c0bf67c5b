/**
 * A database opened as the desktop app opens it: its keys sealed by a pretend OS keychain, so its first
 * write can make its device id from its key (identity = key, db/identity.ts). Never imported by the app.
 */
import { openRelais, type Relais } from '../db';
import { rememberOsProtection } from '../db/sync';
import { fakeOsProtection } from './keys';

export function openRelaisWithKeys(name: string): Relais {
  const relais = openRelais(name);
  rememberOsProtection(relais.db, fakeOsProtection());
  return relais;
}
