import { Link, Popover, PopoverSurface, Text, makeStyles } from '@fluentui/react-components';
import type { CriticalAlerts } from '../features/monitoring/queries';
import { formatTime } from './format';

const useStyles = makeStyles({
  surface: { maxWidth: '520px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '6px' },
});

/**
 * The estate's newest active critical alerts, under the header's count (its button is the shell's:
 * this code is fetched when the list is first opened). Closing it brings the focus back to the button.
 */
export function CriticalAlertsPopover({
  anchor,
  open,
  onOpenChange,
  critical,
  show,
}: {
  anchor: HTMLElement | null;
  open: boolean;
  /** With the event that opened or closed it (a click outside may be a click on the button). */
  onOpenChange: (open: boolean, event: Event | undefined) => void;
  critical: CriticalAlerts | undefined;
  show: (serverId: string, alertId?: string) => void;
}) {
  const styles = useStyles();
  const count = critical?.count ?? 0;
  const items = critical?.items ?? [];
  return (
    <Popover
      open={open}
      onOpenChange={(e, d) => onOpenChange(d.open, 'nativeEvent' in e ? e.nativeEvent : e)}
      positioning={{ target: anchor, position: 'below', align: 'end' }}
      trapFocus
    >
      <PopoverSurface aria-label="Active critical alerts across the estate" className={styles.surface}>
        {items.length === 0 ? (
          <Text>No active critical alert in the estate.</Text>
        ) : (
          <ul className={styles.list}>
            {items.map((a) => (
              <li key={a.id}>
                <Link onClick={() => show(a.serverId, a.id)}>
                  {a.server}: {a.name} — {a.affectedArea}
                </Link>{' '}
                <Text size={200}>since {formatTime(a.raisedAt)}</Text>
              </li>
            ))}
            {count > items.length && (
              <li>
                <Text size={200}>…and {count - items.length} more; see each DPM server's Alerts.</Text>
              </li>
            )}
          </ul>
        )}
      </PopoverSurface>
    </Popover>
  );
}
