import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { alertsQuery, criticalQuery } from './features/monitoring/queries';
import { groupsQuery, membersQuery } from './features/protection/queries';
import { serverOperationsQuery, serversQuery } from './features/servers/queries';
import { topologyQuery } from './features/topology/queries';
import { clockQuery } from './shell/queries';
import { Loading, NotFound } from './components/states';
import { expectedServer } from './shell/server-context';
import { loadTopologyPage } from './features/topology/preload';
import { queryClient } from './query-client';

/**
 * The console's routes. Each work area, the server pages, the account pages and the topology is
 * a chunk of its own, fetched when its route is first matched: the sign-in page and the first
 * work area load the shell and that work area only.
 *
 * The loaders start the requests a page will make as soon as its route matches: alongside the
 * page's code and alongside each other, rather than one after another as the components mount.
 * They never wait for an answer (the pages show their own progress), and a request already made
 * or still fresh is not sent again (prefetchQuery shares it with the page that asks next).
 */

// Redirects are loaders, decided before anything renders: a <Navigate> redirects from an effect
// after the first paint, and a work area chosen in that moment would be overwritten by it.
const to = (path: string) => () => redirect(path);

/** Asks for the views of the server the page will show (see expectedServer). */
function serverViews(ask: (serverId: string) => void): void {
  const id = expectedServer(queryClient.getQueryData(serversQuery().queryKey));
  if (id) ask(id);
}

/** What the shell asks for on every page: the server list, the clock, the estate's critical alerts. */
function shellLoader() {
  void queryClient.prefetchQuery(serversQuery());
  void queryClient.prefetchQuery(clockQuery());
  void queryClient.prefetchQuery(criticalQuery());
  return null;
}

/** Monitoring › Alerts as it first shows: active alerts grouped by severity. */
function monitoringLoader({ params }: LoaderFunctionArgs) {
  if ((params.tab ?? 'alerts') === 'alerts')
    serverViews((id) => void queryClient.prefetchInfiniteQuery(alertsQuery(id, false, 'severity')));
  return null;
}

/** Protection as it first shows: its groups, its operations, and every member sorted by group. */
function protectionLoader() {
  serverViews((id) => {
    void queryClient.prefetchQuery(groupsQuery(id));
    void queryClient.prefetchQuery(serverOperationsQuery(id));
    void queryClient.prefetchInfiniteQuery(
      membersQuery(id, { inactive: false, search: '', sort: 'group', dir: 'asc' }),
    );
  });
  return null;
}

export const router = createBrowserRouter([
  {
    path: '/',
    loader: shellLoader,
    lazy: async () => ({ Component: (await import('./shell/Shell')).Shell }),
    hydrateFallbackElement: <Loading label="Opening the console" />,
    children: [
      { index: true, loader: to('/monitoring/alerts') },
      { path: 'monitoring', loader: to('/monitoring/alerts') },
      {
        path: 'monitoring/:tab',
        loader: monitoringLoader,
        lazy: async () => ({ Component: (await import('./features/monitoring/MonitoringPage')).MonitoringPage }),
      },
      {
        path: 'protection',
        loader: protectionLoader,
        lazy: async () => ({ Component: (await import('./features/protection/ProtectionPage')).ProtectionPage }),
      },
      {
        path: 'recovery',
        lazy: async () => ({ Component: (await import('./features/recovery/RecoveryPage')).RecoveryPage }),
      },
      // Reporting brings the charts (d3).
      {
        path: 'reporting',
        lazy: async () => ({ Component: (await import('./features/reporting/ReportingPage')).ReportingPage }),
      },
      { path: 'management', loader: to('/management/agents') },
      {
        path: 'management/:tab',
        lazy: async () => ({ Component: (await import('./features/management/ManagementPage')).ManagementPage }),
      },
      // The topology brings the graph drawing and its layout engine; its data is asked for alongside.
      {
        path: 'topology',
        loader: () => {
          void queryClient.prefetchQuery(topologyQuery());
          return null;
        },
        lazy: async () => ({ Component: (await loadTopologyPage()).TopologyPage }),
      },
      { path: 'users', lazy: async () => ({ Component: (await import('./features/users/UsersPage')).UsersPage }) },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('./features/account/AccountPage')).AccountPage }),
      },
      {
        path: 'servers',
        lazy: async () => ({ Component: (await import('./features/servers/ServersPage')).ServersIndex }),
      },
      {
        path: 'servers/:serverId',
        lazy: async () => ({ Component: (await import('./features/servers/ServersPage')).ServersPage }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
