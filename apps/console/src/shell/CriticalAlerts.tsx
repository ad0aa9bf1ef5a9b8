import { lazy, Suspense, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, makeStyles, useRestoreFocusTarget } from '@fluentui/react-components';
import { criticalQuery } from '../features/monitoring/queries';

// The list is fetched when first opened: the first page shows the count only.
const CriticalAlertsPopover = lazy(async () => ({
  default: (await import('./CriticalAlertsPopover')).CriticalAlertsPopover,
}));

const useStyles = makeStyles({
  alertsButton: { minWidth: 0, padding: 0 },
});

/**
 * The estate's active critical alerts: the count, and the newest of them (a popover fetched when
 * first opened), each leading to its server's Alerts.
 */
export function CriticalAlerts({ connect }: { connect: (serverId: string) => void }) {
  const styles = useStyles();
  const critical = useQuery(criticalQuery());
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // Pressing the button while the list is open is also a press outside the list, which closes it
  // (on mousedown or focus): the click that follows must not open it again.
  const closedByButton = useRef(-Infinity);
  const restoreFocus = useRestoreFocusTarget();
  const count = critical.data?.count ?? 0;
  const show = (serverId: string, alertId?: string) => {
    setOpen(false);
    connect(serverId);
    void navigate(alertId ? `/monitoring/alerts?alert=${encodeURIComponent(alertId)}` : '/monitoring/alerts');
  };
  return (
    <>
      <Button
        ref={setAnchor}
        size="small"
        appearance="transparent"
        aria-label={`${count} critical — the estate's active critical alerts`}
        aria-expanded={open}
        className={styles.alertsButton}
        {...restoreFocus}
        onClick={() => {
          // Closed by this very press (its mousedown or focus reached the button first).
          if (performance.now() - closedByButton.current < 1000) {
            closedByButton.current = -Infinity;
            return;
          }
          setOpened(true);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) setOpen(false);
        }}
      >
        <Badge color={count > 0 ? 'danger' : 'informative'} appearance="filled">
          {count} critical
        </Badge>
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <CriticalAlertsPopover
            anchor={anchor}
            open={open}
            onOpenChange={(next, event) => {
              if (!next && event?.target instanceof Node && anchor?.contains(event.target))
                closedByButton.current = performance.now();
              setOpen(next);
            }}
            critical={critical.data}
            show={show}
          />
        </Suspense>
      )}
    </>
  );
}
