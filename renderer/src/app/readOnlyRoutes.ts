/**
 * The routes in read-only mode (issue 12): pages that only change data — the forms to add or edit where
 * no read-only view exists, imports, sync, settings — give way to a notice saying why (ui/readOnly.tsx).
 * Record pages that have a read-only view of their own (an activity, a followed person, a session)
 * stay: `useMayChange` answers "no" in read-only mode, so they show the record, not its form.
 */
import { createElement } from 'react';
import type { RouteObject } from 'react-router-dom';
import { ReadOnlyRefusal } from '../ui/readOnly';

const WRITE_ONLY_PATHS: readonly RegExp[] = [
  /\/new$/,
  /^\/places\/import$/,
  /^\/places\/:id\/edit$/,
  /^\/surveys\/:id\/edit$/,
  /^\/workshops\/templates\/:id$/,
  /^\/sync(\/|$)/,
  /^\/settings$/,
];

export function isWriteOnlyPath(path: string | undefined): boolean {
  return path !== undefined && WRITE_ONLY_PATHS.some((pattern) => pattern.test(path));
}

export function readOnlyRoutes(routes: readonly RouteObject[]): RouteObject[] {
  return routes.map((route) => (isWriteOnlyPath(route.path) ? { path: route.path, element: createElement(ReadOnlyRefusal) } : route));
}
