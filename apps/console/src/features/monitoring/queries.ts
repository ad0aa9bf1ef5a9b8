import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/queries';

const jobsRoute = api.servers[':serverId'].jobs;

export type JobRow = InferResponseType<typeof jobsRoute.$get, 200>['items'][number];
export type JobDetail = InferResponseType<(typeof jobsRoute)[':jobId']['$get'], 200>;

/** One job's details; under the server's key, so its live events refresh it as the job runs. */
export const jobQuery = (serverId: string, jobId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'job', jobId],
    queryFn: async () => unwrap(await jobsRoute[':jobId'].$get({ param: { serverId, jobId }, query: {} })),
  });
