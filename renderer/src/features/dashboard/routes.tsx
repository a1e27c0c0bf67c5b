import type { RouteObject } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';
import { DrillDownPage } from './DrillDownPage';
import { VillagesOverviewPage } from './VillagesOverviewPage';

export const dashboardRoutes: RouteObject[] = [
  { path: '/dashboard', element: <DashboardPage /> },
  { path: '/dashboard/activities', element: <DrillDownPage /> },
  { path: '/dashboard/villages', element: <VillagesOverviewPage /> },
];
