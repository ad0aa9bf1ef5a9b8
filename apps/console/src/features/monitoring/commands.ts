import { api, unwrap } from '../../api/client';

/**
 * The Monitoring work area's commands (alerts and jobs), one function per API call. Each answers
 * the command's result or throws the server's refusal; the live stream refreshes the views.
 */
const alert = api.servers[':serverId'].alerts[':alertId'];
const job = api.servers[':serverId'].jobs[':jobId'];

export const inactivateAlert = async (serverId: string, alertId: string) =>
  unwrap(await alert.inactivate.$post({ param: { serverId, alertId }, json: {} }));

export const acknowledgeAlert = async (serverId: string, alertId: string, comment: string) =>
  unwrap(await alert.acknowledge.$post({ param: { serverId, alertId }, json: { comment } }));

export const retryJob = async (serverId: string, jobId: string) =>
  unwrap(await job.retry.$post({ param: { serverId, jobId }, json: {} }));

export const cancelJob = async (serverId: string, jobId: string) =>
  unwrap(await job.cancel.$post({ param: { serverId, jobId }, json: {} }));
