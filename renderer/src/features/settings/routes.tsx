import type { RouteObject } from 'react-router-dom';
import { Settings } from './Settings';

export const settingsRoutes: RouteObject[] = [
  { path: '/settings', element: <Settings /> },
];
