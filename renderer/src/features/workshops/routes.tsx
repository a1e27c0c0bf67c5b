import type { RouteObject } from 'react-router-dom';
import { WorkshopsHome } from './WorkshopsHome';
import { TemplatesPage } from './TemplatesPage';
import { TemplateFormPage } from './TemplateForm';
import { SeriesFormPage } from './SeriesForm';
import { SeriesPage } from './SeriesPage';
import { RunSessionPage } from './RunSession';
import { AttendanceSheetPage, SeriesSummaryPage, SessionPlanPage } from './PrintViews';

// Trainers: templates, series and sessions (issue 5). Base path /workshops.
export const workshopRoutes: RouteObject[] = [
  { path: '/workshops', element: <WorkshopsHome /> },
  { path: '/workshops/templates', element: <TemplatesPage /> },
  { path: '/workshops/templates/new', element: <TemplateFormPage /> },
  { path: '/workshops/templates/:id', element: <TemplateFormPage /> },
  { path: '/workshops/series/new', element: <SeriesFormPage /> },
  { path: '/workshops/series/:id', element: <SeriesPage /> },
  { path: '/workshops/series/:id/summary', element: <SeriesSummaryPage /> },
  { path: '/workshops/sessions/:id', element: <RunSessionPage /> },
  { path: '/workshops/sessions/:id/attendance', element: <AttendanceSheetPage /> },
  { path: '/workshops/sessions/:id/plan', element: <SessionPlanPage /> },
];
