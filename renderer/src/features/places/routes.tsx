import type { RouteObject } from 'react-router-dom';
import { EditPlace, NewPlace } from './PlaceForm';
import { PlacesList } from './PlacesList';
import { ImportPlacesPage } from './ImportPlacesPage';

export const placeRoutes: RouteObject[] = [
  { path: '/places', element: <PlacesList /> },
  { path: '/places/new', element: <NewPlace /> },
  { path: '/places/import', element: <ImportPlacesPage /> },
  { path: '/places/:id/edit', element: <EditPlace /> },
];
