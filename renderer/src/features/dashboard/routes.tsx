import type { RouteObject } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';
import { DrillDownPage } from './DrillDownPage';

export const dashboardRoutes: RouteObject[] = [
  { path: '/dashboard', element: <DashboardPage /> },
  { path: '/dashboard/activities', element: <DrillDownPage /> },
];
