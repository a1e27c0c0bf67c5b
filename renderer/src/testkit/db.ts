/**
 * A database opened as the desktop app opens it: its keys sealed by a pretend OS keychain, so its first
 * write can make its device id from its key (identity = key, db/identity.ts). Never imported by the app.
 */
import Dexie from 'dexie';
import { openRelais, type Relais } from '../db';
import { SCHEMA_VERSIONS } from '../db/schema';
import { rememberOsProtection } from '../db/sync';
import { fakeOsProtection } from './keys';

export function openRelaisWithKeys(name: string): Relais {
  const relais = openRelais(name);
  rememberOsProtection(relais.db, fakeOsProtection());
  return relais;
}

/** A database as a given schema version left it (every version up to `upTo`, no upgrade run), open. */
export async function databaseAt(name: string, upTo: number): Promise<Dexie> {
  const old = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= upTo)) old.version(step.version).stores(step.stores);
  await old.open();
  return old;
}
