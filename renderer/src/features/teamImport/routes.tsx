import type { RouteObject } from 'react-router-dom';
import { TeamImportPage } from './TeamImportPage';

export const teamImportRoutes: RouteObject[] = [{ path: '/sync/team', element: <TeamImportPage /> }];
