import { lazy, Suspense } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Tab, TabList } from '@fluentui/react-components';
import { AlertsTab } from './AlertsTab';
import { Loading } from '../../components/states';
import { useSession } from '../auth/session';
import { TabbedPage } from '../../components/TabbedPage';

// Alerts is where the console opens; Jobs and the Audit log are fetched when first chosen.
const JobsTab = lazy(async () => ({ default: (await import('./JobsTab')).JobsTab }));
const AuditLog = lazy(async () => ({ default: (await import('../audit/AuditLog')).AuditLog }));

/** Monitoring: the Alerts and Jobs of the connected DPM server, and the console's Audit log. */
export function MonitoringPage() {
  const { tab = 'alerts' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  return (
    <TabbedPage
      tabs={
        <TabList selectedValue={tab} onTabSelect={(_, d) => void navigate(`/monitoring/${String(d.value)}`)}>
          <Tab value="alerts">Alerts</Tab>
          <Tab value="jobs">Jobs</Tab>
          {session?.capabilities.audit && <Tab value="audit">Audit log</Tab>}
        </TabList>
      }
    >
      <Suspense fallback={<Loading label="Opening the tab…" />}>
        {tab === 'jobs' ? <JobsTab /> : tab === 'audit' ? <AuditLog /> : <AlertsTab />}
      </Suspense>
    </TabbedPage>
  );
}
