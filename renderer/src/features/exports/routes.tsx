import type { RouteObject } from 'react-router-dom';
import { ExportPage } from './ExportPage';

export const exportRoutes: RouteObject[] = [{ path: '/exports', element: <ExportPage /> }];
