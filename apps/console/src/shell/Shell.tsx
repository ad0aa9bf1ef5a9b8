import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Text, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { clockQuery } from './queries';
import { serversQuery } from '../features/servers/queries';
import { useLiveUpdates } from '../api/live';
import { CHOSEN_SERVER_KEY, pickServer, rememberServer, ServerContext } from './server-context';
import { formatTime } from './format';
import { CriticalAlerts } from './CriticalAlerts';
import { ErrorState, Loading } from '../components/states';
import { forgetSession, useSession } from '../features/auth/session';
import { isOnline } from '@dpm/domain/model';
import { loadTopologyPage } from '../features/topology/preload';
import { api, unwrap } from '../api/client';

// Dialogs are fetched when first opened: the first page shows their buttons only.
const ConnectDialog = lazy(async () => ({ default: (await import('./ConnectDialog')).ConnectDialog }));

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto auto 1fr', height: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    padding: '6px 12px',
    background: 'var(--colorBrandBackground)',
    color: 'var(--colorNeutralForegroundOnBrand)',
  },
  onBrand: { color: 'inherit' },
  serverChoice: { background: 'var(--colorNeutralBackground1)', borderRadius: '4px' },
  spacer: { flex: 1 },
  workAreas: {
    display: 'flex',
    gap: '4px',
    padding: '4px 12px',
    borderBottom: '1px solid var(--colorNeutralStroke2)',
    background: 'var(--colorNeutralBackground2)',
  },
  navLink: { padding: '6px 12px', color: 'var(--colorNeutralForeground2)' },
  workArea: {
    padding: '6px 12px',
    borderRadius: tokens.borderRadiusMedium,
    textDecoration: 'none',
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
  },
  workAreaActive: { fontWeight: tokens.fontWeightSemibold, background: tokens.colorNeutralBackground1Selected },
  main: { minHeight: 0 },
  notFound: { padding: '16px' },
  user: { display: 'flex', alignItems: 'center', gap: '8px' },
  accountLink: { color: 'inherit', fontSize: '12px' },
});

const AREAS = [
  { name: 'Monitoring', to: '/monitoring' },
  { name: 'Protection', to: '/protection' },
  { name: 'Recovery', to: '/recovery' },
  { name: 'Reporting', to: '/reporting' },
  { name: 'Management', to: '/management' },
] as const;

const SERVERLESS = ['/users', '/account', '/management/estate'];

function SimulatedClock() {
  const clock = useQuery(clockQuery());
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  if (!clock.data) return null;
  const now =
    clock.data.mode === 'real' ? clock.data.now + (Date.now() - clock.data.wallAt) * clock.data.speed : clock.data.now;
  return (
    <Text
      size={200}
      aria-label="Simulated time"
      title={
        clock.data.mode === 'manual'
          ? 'The clock is manual: it moves only when advanced'
          : `The clock runs at ${clock.data.speed}× real time`
      }
    >
      {formatTime(now)} {clock.data.mode === 'manual' ? '(manual clock)' : ''}
    </Text>
  );
}

/** The console's frame: header with the connected server, the navigation bar, the work area. */
export function Shell() {
  const styles = useStyles();
  useLiveUpdates();
  const { pathname } = useLocation();
  const session = useSession();
  const servers = useQuery(serversQuery());
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(CHOSEN_SERVER_KEY));
  const serverId = useMemo(() => pickServer(servers.data ?? [], chosen), [servers.data, chosen]);
  useEffect(() => {
    if (serverId) rememberServer(serverId);
  }, [serverId]);
  const server = servers.data?.find((s) => s.id === serverId);
  // Pages that need no DPM server open on an empty estate too: accounts, and the Estate tab that adds one.
  const serverless = SERVERLESS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const connect = (id: string) => {
    localStorage.setItem(CHOSEN_SERVER_KEY, id);
    setChosen(id);
  };

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text weight="semibold" size={400} className={styles.onBrand}>
          DPM Administrator Console
        </Text>
        <Text size={300} aria-label="Connected DPM server" className={styles.onBrand}>
          {server
            ? `${server.name} (${server.fqdn})` + `${isOnline(server) ? '' : ` — ${server.state}`}`
            : 'Not connected'}
        </Text>
        <div className={styles.serverChoice}>
          <ConnectButton serverId={serverId ?? ''} connect={connect} />
        </div>
        <span className={styles.spacer} />
        <span className={styles.onBrand}>
          <SimulatedClock />
        </span>
        <CriticalAlerts connect={connect} />
        <SignOut />
      </header>
      <nav aria-label="Work areas" className={styles.workAreas}>
        {AREAS.map((a) => (
          <NavLink
            key={a.to}
            to={a.to}
            className={({ isActive }) => mergeClasses(styles.workArea, isActive && styles.workAreaActive)}
          >
            {a.name}
          </NavLink>
        ))}
        <span className={styles.spacer} />
        {session?.capabilities.users && (
          <NavLink to="/users" className={styles.navLink}>
            Users
          </NavLink>
        )}
        <NavLink to="/servers" className={styles.navLink}>
          DPM servers
        </NavLink>
        <NavLink
          to="/topology"
          onPointerEnter={() => void loadTopologyPage()}
          onFocus={() => void loadTopologyPage()}
          className={styles.navLink}
        >
          Protection topology
        </NavLink>
      </nav>
      <main className={styles.main}>
        {servers.isPending && <Loading label="Connecting to the estate…" />}
        {servers.isError && <ErrorState error={servers.error} title="The console could not reach the server" />}
        {servers.data && serverId === null && !serverless && (
          <p className={styles.notFound}>
            This estate has no DPM servers yet. Add one under{' '}
            <NavLink to="/management/estate">Management › Estate</NavLink>, or start with DPM_SEED=demo.
          </p>
        )}
        {(serverId || (servers.data && serverless)) && (
          <ServerContext.Provider value={{ serverId: serverId ?? '', connect }}>
            <Outlet />
          </ServerContext.Provider>
        )}
      </main>
    </div>
  );
}

/** Connect to DPM server, and the dialog it opens (focus comes back to the button when it closes). */
function ConnectButton({ serverId, connect }: { serverId: string; connect: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  return (
    <>
      <Button
        appearance="subtle"
        size="small"
        {...restoreFocus}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        Connect to DPM server
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <ConnectDialog serverId={serverId} connect={connect} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** The signed-in user and Sign out, in the header. */
function SignOut() {
  const styles = useStyles();
  const session = useSession();
  const client = useQueryClient();
  return (
    <span className={styles.user}>
      <Text size={200} className={styles.onBrand} aria-label="Signed-in user">
        {session ? `${session.username} (${session.role})` : ''}
      </Text>
      <NavLink to="/account" className={styles.accountLink} title="Your password and API tokens">
        Account
      </NavLink>
      <Button
        size="small"
        onClick={() =>
          void (async () => {
            await unwrap(await api.auth['sign-out'].$post({ json: {} }));
            forgetSession(client);
          })()
        }
      >
        Sign out
      </Button>
    </span>
  );
}
