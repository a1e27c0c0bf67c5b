import type { RouteObject } from 'react-router-dom';
import { BeneficiaryListPage, EditBeneficiaryPage, NewBeneficiaryPage } from './BeneficiaryPages';

export const beneficiaryRoutes: RouteObject[] = [
  { path: '/beneficiaries', element: <BeneficiaryListPage /> },
  { path: '/beneficiaries/new', element: <NewBeneficiaryPage /> },
  { path: '/beneficiaries/:id/edit', element: <EditBeneficiaryPage /> },
];
