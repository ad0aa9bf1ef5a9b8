import { Button, makeStyles, Text } from '@fluentui/react-components';
import { useReactFlow } from '@xyflow/react';
import { PaneTitle } from '../../shell/Panes';
import { FindBox } from './FindBox';
import type { TopologyData, TopologyMatch } from './queries';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px', marginBottom: '8px' },
  counts: { color: 'var(--colorNeutralForeground3)' },
  spacer: { flex: 1 },
});

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

interface TopologyToolbarProps {
  t: TopologyData;
  onGo: (m: TopologyMatch) => void;
  onMissing: (q: string) => void;
  prefetch: (q: string) => Promise<{ items: TopologyMatch[] }>;
  onFit: () => void;
}

/** Above the drawing: what the estate holds, the search, and the zoom. */
export function TopologyToolbar({ t, onGo, onMissing, prefetch, onFit }: TopologyToolbarProps) {
  const styles = useStyles();
  const flow = useReactFlow();
  const counts = [
    plural(t.servers.length, 'DPM server', 'DPM servers'),
    plural(t.links.length, 'secondary protection', 'secondary protections'),
    plural(t.protectedComputers, 'protected computer', 'protected computers'),
  ].join(', ');
  return (
    <div className={styles.bar}>
      <PaneTitle>Protection topology</PaneTitle>
      <Text size={200} className={styles.counts}>
        {counts}
      </Text>
      <span className={styles.spacer} />
      <FindBox onGo={onGo} onMissing={onMissing} prefetch={prefetch} />
      <Button size="small" onClick={() => void flow.zoomIn()}>
        Zoom in
      </Button>
      <Button size="small" onClick={() => void flow.zoomOut()}>
        Zoom out
      </Button>
      <Button size="small" onClick={onFit}>
        Fit to view
      </Button>
    </div>
  );
}
