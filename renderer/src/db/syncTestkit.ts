/** Test support for sync tests: open throwaway databases and fingerprint their whole content. */
import { openRelais, type Relais } from './index';
import type { RelaisDatabase } from './schema';

const opened: Relais[] = [];

export function openTestRelais(prefix = 'sync'): Relais {
  const relais = openRelais(`${prefix}-${Math.random().toString(36).slice(2)}`);
  opened.push(relais);
  return relais;
}

export async function closeTestDatabases(): Promise<void> {
  while (opened.length > 0) await opened.pop()!.db.delete();
}

/** Every row of every table, in a stable order: equal snapshots = nothing changed at all. */
export async function snapshot(db: RelaisDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = await table.toArray();
    parts.push(`${table.name}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
