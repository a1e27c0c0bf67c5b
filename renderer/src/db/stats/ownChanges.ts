/**
 * Changes made on this laptop, as opposed to records received and kept to forward: every repository
 * write notes its record here with its change number, in its own transaction. "Not exported" on the
 * home page counts these above the export mark; what was received since is counted apart, as what the
 * next export will relay.
 */
export interface OwnChangeRow {
  /** `<table>/<record id>`: one row per record, whatever the number of edits. */
  key: string;
  seq: number;
}

export function ownChangeKey(table: string, id: string): string {
  return `${table}/${id}`;
}
