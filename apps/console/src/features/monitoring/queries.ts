import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';
import type { JobStatus, JobType } from '@dpm/domain/model';

const jobsRoute = api.servers[':serverId'].jobs;

export type JobRow = InferResponseType<typeof jobsRoute.$get, 200>['items'][number];
export type JobDetail = InferResponseType<(typeof jobsRoute)[':jobId']['$get'], 200>;

/** One job's details; under the server's key, so its live events refresh it as the job runs. */
export const jobQuery = (serverId: string, jobId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'job', jobId],
    queryFn: async () => unwrap(await jobsRoute[':jobId'].$get({ param: { serverId, jobId }, query: {} })),
  });

export type CriticalAlerts = InferResponseType<(typeof api.alerts)['critical-count']['$get'], 200>;

/** The header's count of critical alerts, over the estate. */
export const criticalQuery = () =>
  queryOptions({ queryKey: keys.critical, queryFn: async () => unwrap(await api.alerts['critical-count'].$get()) });

/** Group by, done by the server's order: each group arrives whole before the next one starts. */
export type AlertGrouping = 'group' | 'computer' | 'severity' | 'state';
export type JobGrouping = 'group' | 'computer' | 'status' | 'type';

export const alertsQuery = (serverId: string, inactive: boolean, groupBy?: AlertGrouping) =>
  infiniteQueryOptions({
    queryKey: [...keys.server(serverId), 'alerts', inactive, groupBy ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.servers[':serverId'].alerts.$get({
          param: { serverId },
          query: { inactive: inactive ? 'true' : 'false', groupBy, cursor: pageParam, limit: '100' },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export interface JobFilter {
  status?: JobStatus;
  type?: JobType;
  groupBy?: JobGrouping;
}

export const jobsQuery = (serverId: string, f: JobFilter = {}) =>
  infiniteQueryOptions({
    queryKey: [...keys.server(serverId), 'jobs', f],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await jobsRoute.$get({
          param: { serverId },
          query: { status: f.status, type: f.type, groupBy: f.groupBy, cursor: pageParam, limit: '100' },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
