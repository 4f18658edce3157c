// Providers and routes. The language drives antd's locale and dayjs's; the query cache is
// dropped whenever the session ends so one official never sees another's data.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Permission } from '@ytcs/common';
import { App as AntApp, Button, ConfigProvider, Result, Skeleton } from 'antd';
import { type ReactElement, Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { AuditPage } from './features/audit/AuditPage';
import { authKeys } from './features/auth/auth.api';
import { LoginPage } from './features/auth/LoginPage';
import { Landing, RequireAuth, RequirePermission } from './features/auth/RequireAuth';
import { ImportPage } from './features/imports/ImportPage';
import { AntenatalPage } from './features/maternal/AntenatalPage';
import { IndicatorEntryPage } from './features/indicators/IndicatorEntryPage';
import { OrgUnitsPage } from './features/org-units/OrgUnitsPage';
import { PlanDetailPage } from './features/plans/PlanDetailPage';
import { PlanImportPage } from './features/plans/PlanImportPage';
import { PlansPage } from './features/plans/PlansPage';
import { RecordPage } from './features/records/RecordPage';
import { HouseholdDetailPage } from './features/registry/HouseholdDetailPage';
import { HouseholdFormPage } from './features/registry/HouseholdFormPage';
import { HouseholdsPage } from './features/registry/HouseholdsPage';
import { ResidentsPage } from './features/registry/ResidentsPage';
import { DueListPage } from './features/immunisation/DueListPage';
import { InvitationPrintPage } from './features/immunisation/InvitationPrintPage';
import { AppShell } from './features/shell/AppShell';
import { UsersPage } from './features/users/UsersPage';
import { definitionOf } from './i18n/languages';

// The dashboard carries the charting library; it loads when first opened.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// A 401 anywhere means the session ended (expired, or ended by a password change elsewhere).
// Clearing "me" makes RequireAuth send the user to the login page, remembering where they were.
setUnauthorizedHandler(() => {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.me(), null);
});

// antd derives a greyish tint from this dark green; the light backgrounds are set by hand.
const THEME = {
  token: { colorPrimary: '#0b7a4b', colorPrimaryBg: '#e3f2e9', colorPrimaryBgHover: '#cfe8d9' },
};

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

const guarded = (permission: Permission, page: ReactElement) => <RequirePermission permission={permission}>{page}</RequirePermission>;

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Landing />} />
        <Route
          path="/org-units"
          element={
            <RequirePermission permission="org_unit.read">
              <OrgUnitsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/users"
          element={
            <RequirePermission permission="user.read">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="/audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route path="/households" element={guarded('person.read', <HouseholdsPage />)} />
        <Route path="/households/new" element={guarded('person.write', <HouseholdFormPage />)} />
        <Route path="/households/:id" element={guarded('person.read', <HouseholdDetailPage />)} />
        <Route path="/residents" element={guarded('person.read', <ResidentsPage />)} />
        <Route path="/residents/:id" element={guarded('person.read', <RecordPage />)} />
        <Route path="/antenatal" element={guarded('person.read', <AntenatalPage />)} />
        <Route path="/immunisation" element={guarded('person.read', <DueListPage />)} />
        <Route path="/immunisation/invitations" element={guarded('person.read', <InvitationPrintPage />)} />
        <Route path="/imports" element={guarded('person.write', <ImportPage />)} />
        <Route path="/dashboard" element={guarded(
              'aggregate.read',
              <Suspense fallback={<Skeleton active />}>
                <DashboardPage />
              </Suspense>,
            )} />
        <Route path="/indicators/entry" element={guarded('aggregate.write', <IndicatorEntryPage />)} />
        <Route path="/plans" element={guarded('plan.read', <PlansPage />)} />
        <Route path="/plans/import" element={guarded('plan.write', <PlanImportPage />)} />
        <Route path="/plans/:id" element={guarded('plan.read', <PlanDetailPage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={definitionOf(i18n.language).antd} theme={THEME}>
      <AntApp className="app-root">
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
