import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { keys } from './keys';

interface ChangeEvent {
  id: number;
  type: string;
  serverId: string | null;
}

/**
 * Subscribes to GET /api/events and turns each committed change into query invalidations,
 * batched over 150 ms, so every open console follows the estate without polling. EventSource
 * reconnects by itself and sends Last-Event-ID, so nothing is missed after a drop.
 *
 * This is where the console's views are refreshed: a command's own success is not (its changes
 * arrive here like a colleague's), so every command's views follow the same path.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/events');
    const servers = new Set<string>();
    let clock = false;
    let reporting = false;
    let estate = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      invalidate(client, [...servers], clock);
      // A computer or DPM server added to or removed from the estate: any server's views may show it.
      if (estate) void client.invalidateQueries({ queryKey: keys.anyServer });
      // Scheduled reports kept or mailed, readiness checks run: Reporting's lists.
      if (reporting) void client.invalidateQueries({ queryKey: keys.reporting });
      servers.clear();
      clock = false;
      reporting = false;
      estate = false;
    };
    source.addEventListener('change', (msg) => {
      const e = JSON.parse((msg as MessageEvent<string>).data) as ChangeEvent;
      if (e.type === 'clock') clock = true;
      if (e.type.startsWith('report.') || e.type.startsWith('readiness.')) reporting = true;
      if (e.type.startsWith('estate.')) estate = true;
      if (e.serverId) servers.add(e.serverId);
      else clock = true;
      timer ??= setTimeout(flush, 150);
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [client]);
}

function invalidate(client: QueryClient, serverIds: string[], clock: boolean): void {
  for (const id of serverIds) void client.invalidateQueries({ queryKey: keys.server(id) });
  void client.invalidateQueries({ queryKey: keys.servers });
  void client.invalidateQueries({ queryKey: keys.topology });
  void client.invalidateQueries({ queryKey: keys.critical });
  if (clock) void client.invalidateQueries({ queryKey: keys.clock });
}

/**
 * A command refused with 409 changed nothing, so no event follows it: the estate is not what the
 * console showed (a colleague acted first, or the object changed since). The server's views are
 * fetched again, as an event about it would, so its current state shows beside the refusal.
 */
export function refreshAfterConflict(client: QueryClient, serverId: string): void {
  invalidate(client, [serverId], false);
}
