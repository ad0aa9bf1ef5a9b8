import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Shell } from './shell/Shell';
import { MonitoringPage } from './features/monitoring/MonitoringPage';
import { ProtectionPage } from './features/protection/ProtectionPage';
import { RecoveryPage } from './features/recovery/RecoveryPage';
import { ReportingPage } from './features/reporting/ReportingPage';
import { ManagementPage } from './features/management/ManagementPage';
import { TopologyPage } from './features/topology/TopologyPage';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

const router = createBrowserRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/monitoring/alerts" replace /> },
      { path: 'monitoring', element: <Navigate to="/monitoring/alerts" replace /> },
      { path: 'monitoring/:tab', element: <MonitoringPage /> },
      { path: 'protection', element: <ProtectionPage /> },
      { path: 'recovery', element: <RecoveryPage /> },
      { path: 'reporting', element: <ReportingPage /> },
      { path: 'management', element: <Navigate to="/management/agents" replace /> },
      { path: 'management/:tab', element: <ManagementPage /> },
      { path: 'topology', element: <TopologyPage /> },
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
        <RouterProvider router={router} />
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
