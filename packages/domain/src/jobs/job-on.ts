import type { DpmServer, Job } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import { jobInHistory } from '../server/db-history';

/**
 * A job of an online DPM server as its Jobs list shows it: one its current DPM database holds
 * (a reinstalled server's database knows none of the old one's jobs: server/db-history.ts).
 */
export function jobOn(view: View, serverId: string, jobId: string): { job: Job; server: DpmServer } | DomainError {
  const job = view.get('jobs', jobId);
  const owner = job && job.serverId === serverId ? view.get('servers', serverId) : undefined;
  if (!job || !owner || !jobInHistory(owner, job)) return notFound('job', jobId);
  const server = onlineServer(view, job.serverId);
  if (isDomainError(server)) return server;
  return { job, server };
}
