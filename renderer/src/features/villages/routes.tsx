import type { RouteObject } from 'react-router-dom';
import { NewVillagePage } from './NewVillagePage';
import { VillagePage } from './VillagePage';
import { VillagesPage } from './VillagesPage';

// Villages: the list, adding one from the official commune list, and a village's page.
export const villageRoutes: RouteObject[] = [
  { path: '/villages', element: <VillagesPage /> },
  { path: '/villages/new', element: <NewVillagePage /> },
  { path: '/villages/:id', element: <VillagePage /> },
];
