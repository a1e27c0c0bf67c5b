import { describe, expect, it } from 'vitest';
import { isWriteOnlyPath } from './readOnlyRoutes';

describe('the pages read-only mode refuses', () => {
  it('refuses the pages that only add or change data', () => {
    for (const path of ['/activities/new', '/villages/new', '/workshops/series/new', '/places/import', '/places/:id/edit', '/surveys/:id/edit',
      '/workshops/templates/:id', '/sync', '/sync/team', '/settings']) {
      expect(isWriteOnlyPath(path), path).toBe(true);
    }
  });

  it('keeps the pages that read, and the record pages that show a read-only view of their own', () => {
    for (const path of ['/', '/activities', '/activities/:id/edit', '/beneficiaries/:id/edit', '/dashboard', '/dashboard/activities', '/exports',
      '/villages/:id', '/workshops/sessions/:id', '/workshops/series/:id/summary', '/mediators', '/synchronise', undefined]) {
      expect(isWriteOnlyPath(path), String(path)).toBe(false);
    }
  });
});
