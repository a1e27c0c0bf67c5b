// The few PouchDB calls the benchmark makes (pouchdb-browser ships no types; @types/pouchdb is large).
declare module 'pouchdb-browser' {
  interface BulkResult { ok?: boolean; id?: string; error?: string | boolean }
  export default class PouchDB {
    constructor(name: string, options?: { auto_compaction?: boolean });
    bulkDocs(docs: object[]): Promise<BulkResult[]>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
}
