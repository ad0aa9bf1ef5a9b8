import { isDomainError } from '@dpm/domain/errors';
import type { DpmServer } from '@dpm/domain/model';
import { knownServer } from '@dpm/domain/guards';
import { viewOf } from '@dpm/domain/view';
import type { AppDeps } from '../deps';
import { Refused } from '../http-errors';

/** A DPM server of the estate, whatever its state, or 404: what every read under /servers/{id} starts from. */
export function serverOr404(d: AppDeps, serverId: string): DpmServer {
  const server = knownServer(viewOf(d.store.estate), serverId);
  if (isDomainError(server)) throw new Refused(server);
  return server;
}
