import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, redirect, RouterProvider } from 'react-router';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { topologyQuery } from './features/topology/queries';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Shell } from './shell/Shell';
import { MonitoringPage } from './features/monitoring/MonitoringPage';
import { ProtectionPage } from './features/protection/ProtectionPage';
import { RecoveryPage } from './features/recovery/RecoveryPage';
import { ManagementPage } from './features/management/ManagementPage';
import { UsersPage } from './features/users/UsersPage';
import { AccountPage } from './features/account/AccountPage';
import { AuthGate } from './features/auth/AuthGate';
import { ServersIndex, ServersPage } from './features/servers/ServersPage';
import { Loading } from './components/states';
import { loadTopologyPage } from './features/topology/preload';

// A 401 anywhere means the session ended (idle or absolute timeout, sign-out elsewhere):
// asking again who is signed in brings the sign-in page back.
const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 1, refetchOnWindowFocus: false } },
  queryCache: new QueryCache({
    onError: (err) => {
      if (err instanceof ApiError && err.status === 401) void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  }),
});

// The topology brings the graph drawing and its layout engine: loaded when it is first opened,
// while its data is already being asked for.
const TopologyPage = lazy(async () => {
  void queryClient.prefetchQuery(topologyQuery());
  return { default: (await loadTopologyPage()).TopologyPage };
});

// Redirects are loaders, decided before anything renders: a <Navigate> redirects from an effect
// after the first paint, and a work area chosen in that moment would be overwritten by it.
const to = (path: string) => () => redirect(path);

const router = createBrowserRouter([
  {
    path: '/',
    element: <Shell />,
    hydrateFallbackElement: <Loading label="Opening the console" />,
    children: [
      { index: true, loader: to('/monitoring/alerts') },
      { path: 'monitoring', loader: to('/monitoring/alerts') },
      { path: 'monitoring/:tab', element: <MonitoringPage /> },
      { path: 'protection', element: <ProtectionPage /> },
      { path: 'recovery', element: <RecoveryPage /> },
      // Reporting brings the charts (d3): loaded when the work area is first opened.
      { path: 'reporting', lazy: async () => ({ Component: (await import('./features/reporting/ReportingPage')).ReportingPage }) },
      { path: 'management', loader: to('/management/agents') },
      { path: 'management/:tab', element: <ManagementPage /> },
      {
        path: 'topology',
        element: (
          <Suspense fallback={<Loading label="Opening the topology…" />}>
            <TopologyPage />
          </Suspense>
        ),
      },
      { path: 'users', element: <UsersPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'servers', element: <ServersIndex /> },
      { path: 'servers/:serverId', element: <ServersPage /> },
      { path: '*', element: <p style={{ padding: 16 }}>This page does not exist. Choose a work area above.</p> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} style={{ height: '100vh' }}>
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
