import { useNavigate, useParams } from 'react-router';
import { Tab, TabList } from '@fluentui/react-components';
import { AlertsTab } from './AlertsTab';
import { JobsTab } from './JobsTab';

/** Monitoring: the Alerts and Jobs of the connected DPM server. */
export function MonitoringPage() {
  const { tab = 'alerts' } = useParams();
  const navigate = useNavigate();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => navigate(`/monitoring/${String(d.value)}`)} style={{ padding: '0 12px' }}>
        <Tab value="alerts">Alerts</Tab>
        <Tab value="jobs">Jobs</Tab>
      </TabList>
      <div style={{ flex: 1, minHeight: 0 }}>{tab === 'jobs' ? <JobsTab /> : <AlertsTab />}</div>
    </div>
  );
}
