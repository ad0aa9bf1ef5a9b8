/**
 * The query keys' roots. A server's views start with its key, so a live event about one server
 * refreshes that server's views (api/live.ts); estate-wide views sit under `servers` or
 * `topology`, which every event refreshes.
 */
export const keys = {
  servers: ['servers'] as const,
  topology: ['topology'] as const,
  clock: ['clock'] as const,
  critical: ['critical-count'] as const,
  reporting: ['reporting'] as const,
  /** Every DPM server's views. */
  anyServer: ['server'] as const,
  server: (serverId: string) => ['server', serverId] as const,
};
