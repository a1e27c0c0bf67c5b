import type { RouteObject } from 'react-router-dom';
import { MediatorsPage } from './MediatorsPage';

export const mediatorRoutes: RouteObject[] = [{ path: '/mediators', element: <MediatorsPage /> }];
