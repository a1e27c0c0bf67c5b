import type { RouteObject } from 'react-router-dom';
import { ActivityListPage } from './ActivityListPage';
import { EditActivityPage, NewActivityPage } from './ActivityForm';

export const activityRoutes: RouteObject[] = [
  { path: '/activities', element: <ActivityListPage /> },
  { path: '/activities/new', element: <NewActivityPage /> },
  { path: '/activities/:id/edit', element: <EditActivityPage /> },
];
