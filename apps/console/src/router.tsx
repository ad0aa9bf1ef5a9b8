import { useEffect, useState } from 'react';
import {
  matchRoutes,
  Route,
  Routes,
  useLocation,
  UNSAFE_createBrowserHistory,
  unstable_HistoryRouter as HistoryRouter,
  type HistoryRouterProps,
  type Location,
  type Params,
} from 'react-router';
import { alertsQuery, criticalQuery } from './features/monitoring/queries';
import { groupsQuery, membersQuery } from './features/protection/queries';
import { serverOperationsQuery, serversQuery } from './features/servers/queries';
import { topologyQuery } from './features/topology/queries';
import { clockQuery } from './shell/queries';
import { Loading, NotFound } from './components/states';
import { LoadedPage, loadPage, PageError, type PageCode } from './page-code';
import { expectedServer } from './shell/server-context';
import { loadTopologyPage } from './features/topology/preload';
import { queryClient } from './query-client';
import { meQuery } from './features/auth/session';

/**
 * The console's routes. Each work area, the server pages, the account pages and the topology is
 * a chunk of its own, fetched when its page is first opened: the sign-in page and the first work
 * area load the shell and that work area only.
 *
 * Opening a page (an address typed or reloaded, a link followed, back and forward) is decided
 * here before anything renders: a redirect replaces the address at once (a <Navigate> would
 * redirect from an effect after the first paint, and a work area chosen in that moment would be
 * overwritten by it), and the requests the page will make start alongside its code and alongside
 * each other, rather than one after another as its components mount. They never wait for an
 * answer (the pages show their own progress), and a request already made or still fresh is not
 * sent again (prefetchQuery shares it with the page that asks next).
 */
interface Page {
  /** Under the shell's `/`; '' is `/` itself. */
  path: string;
  /** Where the address leads instead. */
  redirect?: string;
  /** What the page asks for as soon as it is opened. */
  prefetch?: (params: Params) => void;
  code?: PageCode;
}

/** Asks for the views of the server the page will show (see expectedServer). */
function serverViews(ask: (serverId: string) => void): void {
  const id = expectedServer(queryClient.getQueryData(serversQuery().queryKey));
  if (id) ask(id);
}

/** Monitoring › Alerts as it first shows: active alerts grouped by severity. */
function monitoringPrefetch(params: Params): void {
  if ((params.tab ?? 'alerts') === 'alerts')
    serverViews((id) => void queryClient.prefetchInfiniteQuery(alertsQuery(id, false, 'severity')));
}

/** Protection as it first shows: every member sorted by group (its rows, asked first), its groups and operations. */
function protectionPrefetch(): void {
  serverViews((id) => {
    void queryClient.prefetchInfiniteQuery(
      membersQuery(id, { inactive: false, search: '', sort: 'group', dir: 'asc' }),
    );
    void queryClient.prefetchQuery(groupsQuery(id));
    void queryClient.prefetchQuery(serverOperationsQuery(id));
  });
}

const SHELL: PageCode = async () => (await import('./shell/Shell')).Shell;

const PAGES: Page[] = [
  { path: '', redirect: '/monitoring/alerts' },
  { path: 'monitoring', redirect: '/monitoring/alerts' },
  {
    path: 'monitoring/:tab',
    prefetch: monitoringPrefetch,
    code: async () => (await import('./features/monitoring/MonitoringPage')).MonitoringPage,
  },
  {
    path: 'protection',
    prefetch: protectionPrefetch,
    code: async () => (await import('./features/protection/ProtectionPage')).ProtectionPage,
  },
  {
    path: 'recovery',
    code: async () => (await import('./features/recovery/RecoveryPage')).RecoveryPage,
  },
  // Reporting brings the charts (d3).
  {
    path: 'reporting',
    code: async () => (await import('./features/reporting/ReportingPage')).ReportingPage,
  },
  { path: 'management', redirect: '/management/agents' },
  {
    path: 'management/:tab',
    code: async () => (await import('./features/management/ManagementPage')).ManagementPage,
  },
  // The topology brings the graph drawing and its layout engine; its data is asked for alongside.
  {
    path: 'topology',
    prefetch: () => void queryClient.prefetchQuery(topologyQuery()),
    code: async () => (await loadTopologyPage()).TopologyPage,
  },
  { path: 'users', code: async () => (await import('./features/users/UsersPage')).UsersPage },
  {
    path: 'account',
    code: async () => (await import('./features/account/AccountPage')).AccountPage,
  },
  {
    path: 'servers',
    code: async () => (await import('./features/servers/ServersPage')).ServersIndex,
  },
  {
    path: 'servers/:serverId',
    code: async () => (await import('./features/servers/ServersPage')).ServersPage,
  },
  { path: '*', code: async () => NotFound },
];

const TREE = [{ path: '/', children: PAGES }];

/**
 * Opens the page at a location: where it redirects to, or, once its requests are started, the
 * promise that its code (and the shell's) is there.
 */
function open(location: Location): { redirect: string } | { ready: Promise<unknown> } {
  const match = matchRoutes(TREE, location)?.at(-1);
  const page = match?.route as Page | undefined;
  if (page?.redirect) return { redirect: page.redirect };
  // The browser has six connections to the server: the server list (the shell shows no server
  // without it) and the page's own requests take them before what the shell shows beside them.
  void queryClient.prefetchQuery(serversQuery());
  if (match) page?.prefetch?.(match.params);
  void queryClient.prefetchQuery(clockQuery());
  void queryClient.prefetchQuery(criticalQuery());
  return { ready: Promise.all([loadPage(SHELL), page?.code && loadPage(page.code)]) };
}

const browser = UNSAFE_createBrowserHistory({ v5Compat: true });

/** The last address opened: the router hears of a page once its code is there, unless another was opened since. */
let latest: Location = browser.location;

/** The browser's history, with every page opened through `open` before the router is told of it. */
const history: HistoryRouterProps['history'] = {
  get action() {
    return browser.action;
  },
  get location() {
    return browser.location;
  },
  createHref: (to) => browser.createHref(to),
  createURL: (to) => browser.createURL(to),
  encodeLocation: (to) => browser.encodeLocation(to),
  push: (to, state?: unknown) => browser.push(to, state),
  replace: (to, state?: unknown) => browser.replace(to, state),
  go: (delta) => browser.go(delta),
  // A redirect replaces the address, and the router hears of the page it leads to only (replace
  // tells this same listener); the page it shows stays until the next one's code is there.
  listen: (listener) =>
    browser.listen((update) => {
      const opened = open(update.location);
      latest = update.location;
      if ('redirect' in opened) browser.replace(opened.redirect);
      else void opened.ready.then(() => latest === update.location && listener(update));
    }),
};

/**
 * The page the console was opened on, opened at once, as this module loads: who is signed in is
 * asked first (nothing shows until it is answered, and the browser's six connections to the server
 * would otherwise be taken by the page's requests), then the page's requests alongside its code.
 */
void queryClient.prefetchQuery(meQuery());
function openFirst(): Promise<unknown> {
  const opened = open(browser.location);
  if ('ready' in opened) return opened.ready;
  browser.replace(opened.redirect);
  latest = browser.location;
  return openFirst();
}
const firstReady = openFirst();
let firstOpened = false;
void firstReady.then(() => (firstOpened = true));

/**
 * The console's pages, inside the shell, once the first page's code is there (already, when the
 * sign-in page was shown first).
 */
export function ConsoleRouter() {
  const [ready, setReady] = useState(() => firstOpened);
  useEffect(() => {
    let mounted = true;
    void firstReady.then(() => mounted && setReady(true));
    return () => {
      mounted = false;
    };
  }, []);
  if (!ready) return <Loading label="Opening the console" />;
  return (
    <HistoryRouter history={history}>
      <Pages />
    </HistoryRouter>
  );
}

function Pages() {
  const { pathname } = useLocation();
  return (
    <PageError address={pathname}>
      <Routes>
        <Route path="/" element={<LoadedPage code={SHELL} />}>
          {/* A redirect's address never reaches the router (see history.listen). */}
          {PAGES.flatMap(({ path, code }) =>
            code ? [<Route key={path} path={path} element={<LoadedPage code={code} />} />] : [],
          )}
        </Route>
      </Routes>
    </PageError>
  );
}
