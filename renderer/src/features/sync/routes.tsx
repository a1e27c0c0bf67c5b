import type { RouteObject } from 'react-router-dom';
import { SyncPage } from './SyncPage';

export const syncRoutes: RouteObject[] = [
  { path: '/sync', element: <SyncPage /> },
];
