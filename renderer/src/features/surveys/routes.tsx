import type { RouteObject } from 'react-router-dom';
import { EditSurveyPage, NewSurveyPage } from './SurveyFormPages';
import { SurveysPage } from './SurveysPage';

// Village diagnostics: the list, a new survey (for ?village=<id>), and editing one.
export const surveyRoutes: RouteObject[] = [
  { path: '/surveys', element: <SurveysPage /> },
  { path: '/surveys/new', element: <NewSurveyPage /> },
  { path: '/surveys/:id/edit', element: <EditSurveyPage /> },
];
