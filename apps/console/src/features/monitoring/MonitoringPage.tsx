import { useNavigate, useParams } from 'react-router';
import { Tab, TabList } from '@fluentui/react-components';
import { AlertsTab } from './AlertsTab';
import { JobsTab } from './JobsTab';
import { AuditLog } from '../audit/AuditLog';
import { useSession } from '../auth/session';
import { TabbedPage } from '../../components/TabbedPage';

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
      {tab === 'jobs' ? <JobsTab /> : tab === 'audit' ? <AuditLog /> : <AlertsTab />}
    </TabbedPage>
  );
}
