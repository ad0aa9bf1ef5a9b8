import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { AgentRow } from '../schemas-management';
import { Id, ServerParams } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { ownRow } from '@dpm/domain/table-index';
import { listAgents } from '@dpm/db/views/management';
import { agentCandidates } from '@dpm/domain/agents/agent-candidates';
import { connectivityChecks } from '@dpm/domain/agents/connectivity';
import { installAgentsOperation } from '@dpm/domain/agents/attach-agent';
import { refreshAgentsOperation } from '@dpm/domain/agents/refresh-agents';
import { updateAgentOperation } from '@dpm/domain/agents/update-agent';
import { disableAgentOperation, enableAgentOperation } from '@dpm/domain/agents/agent-protection';
import { uninstallAgentOperation } from '@dpm/domain/agents/uninstall-agent';
import { takeOwnershipOperation } from '@dpm/domain/agents/take-ownership';
import { reestablishOperation } from '@dpm/domain/agents/reestablish-protection';
import { setDpmServerOperation } from '@dpm/domain/agents/set-dpm-server';
import { DomainCredentials, checkDomainCredentials } from '../auth/domain-credentials';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';
import { keptPage } from '../page-cache';
import { readModelRoute } from '../read-models';
import { serverOr404 } from './lookups';

const TAG = 'Management';
const ComputerParams = ServerParams.extend({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) });
/** An agent edited from a dialog says which revision of it the dialog showed (STALE). */
const AgentEdit = z.object({ expectedRevision: z.number().int().min(0).optional() }).strict();
const Check = z.object({ check: z.string(), ok: z.boolean(), detail: z.string() }).openapi('ConnectivityCheck');
const Reason = z.object({ code: z.string(), message: z.string() }).nullable();
const Candidate = z
  .object({
    computerId: z.string(),
    name: z.string(),
    fqdn: z.string(),
    dpmVersion: z.string().nullable(),
    hasAgent: z.boolean(),
    owner: z.string().nullable(),
    whyNot: z.object({ Install: Reason, Attach: Reason }).openapi({
      description:
        "Why this server can't take the agent by each method (rule code and sentence), as Install or Attach would " +
        'refuse it; null when it can',
    }),
  })
  .openapi('AgentCandidate');

const agents = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/agents',
    'Agents this server owns or has attached, with what can be done to each',
    ServerParams,
    NoQuery,
    z.array(AgentRow),
  ),
);
const candidates = readRoute(
  TAG,
  '/servers/{serverId}/agents/candidates',
  'Select Computers: computers of the domain this server has no agent on',
  ServerParams,
  z.object({ search: z.string().max(100).default('') }).strict(),
  z.array(Candidate),
);
const checks = readRoute(
  TAG,
  '/servers/{serverId}/agents/{computerId}/checks',
  'Re-establish protection: the checks of seed 000',
  ComputerParams,
  NoQuery,
  z.array(Check),
);
const attach = operationRoute(
  installAgentsOperation,
  '/servers/{serverId}/agents/attach',
  ServerParams,
  z
    .object({
      computerIds: z.array(Id).min(1).max(500),
      method: z.enum(['Install', 'Attach']),
      credentials: DomainCredentials,
    })
    .strict(),
  'Protection Agent Installation Wizard → Attach / Install, with a domain account (Enter Credentials)',
);
const refresh = operationRoute(refreshAgentsOperation, '/servers/{serverId}/agents/refresh', ServerParams, NoBody);
const update = operationRoute(
  updateAgentOperation,
  '/servers/{serverId}/agents/update',
  ServerParams,
  z.object({ computerIds: z.array(Id).min(1).max(500) }).strict(),
);
const disable = operationRoute(
  disableAgentOperation,
  '/servers/{serverId}/agents/{computerId}/disable-protection',
  ComputerParams,
  AgentEdit,
);
const enable = operationRoute(
  enableAgentOperation,
  '/servers/{serverId}/agents/{computerId}/enable-protection',
  ComputerParams,
  AgentEdit,
);
const uninstall = operationRoute(
  uninstallAgentOperation,
  '/servers/{serverId}/agents/{computerId}/uninstall',
  ComputerParams,
  AgentEdit,
);
const own = operationRoute(
  takeOwnershipOperation,
  '/servers/{serverId}/agents/{computerId}/take-ownership',
  ComputerParams,
  AgentEdit,
);
const reestablish = operationRoute(
  reestablishOperation,
  '/servers/{serverId}/agents/{computerId}/reestablish',
  ComputerParams,
  AgentEdit,
  'Re-establish protection (SetDpmServer, groups, DCOM)',
);
const setServer = operationRoute(
  setDpmServerOperation,
  '/computers/{computerId}/set-dpm-server',
  z.object({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) }),
  z.object({ dpmServerName: z.string().min(1).max(255) }).strict(),
  'SetDpmServer -dpmServerName <name>, run on a protected computer',
);

export function agentRoutes(d: AppDeps) {
  return router()
    .openapi(agents, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        serverOr404(d, serverId);
        const ops = offeredFor(d, c, 'agent');
        return listAgents(d.reads, serverId).map((a) => ({
          ...a,
          operations: ops({ serverId, computerId: a.computerId }),
        }));
      }),
    )
    .openapi(candidates, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(agentCandidates(d.store.estate, serverId, c.req.valid('query').search), 200);
    })
    .openapi(checks, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const computer = ownRow(d.store.estate.computers, computerId);
      if (!computer) throw new Refused(notFound('computer', computerId));
      return c.json(connectivityChecks(computer, server), 200);
    })
    .openapi(attach, async (c) => {
      const { serverId } = c.req.valid('param');
      const { credentials, ...body } = c.req.valid('json');
      const target = body.computerIds.join(',');
      // An unknown server is a 404 before any domain account is checked (and hashed).
      serverOr404(d, serverId);
      await checkDomainCredentials(d, c, credentials, installAgentsOperation.id, target);
      return c.json(run(d, c, installAgentsOperation, { serverId, ...body }, { target }), 200);
    })
    .openapi(refresh, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, refreshAgentsOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(update, (c) => {
      const { serverId } = c.req.valid('param');
      const { computerIds } = c.req.valid('json');
      return c.json(run(d, c, updateAgentOperation, { serverId, computerIds }, { target: computerIds.join(',') }), 200);
    })
    .openapi(disable, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(
        run(d, c, disableAgentOperation, { serverId, computerId, ...c.req.valid('json') }, { target: computerId }),
        200,
      );
    })
    .openapi(enable, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(
        run(d, c, enableAgentOperation, { serverId, computerId, ...c.req.valid('json') }, { target: computerId }),
        200,
      );
    })
    .openapi(uninstall, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(
        run(d, c, uninstallAgentOperation, { serverId, computerId, ...c.req.valid('json') }, { target: computerId }),
        200,
      );
    })
    .openapi(own, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(
        run(d, c, takeOwnershipOperation, { serverId, computerId, ...c.req.valid('json') }, { target: computerId }),
        200,
      );
    })
    .openapi(reestablish, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(
        run(d, c, reestablishOperation, { serverId, computerId, ...c.req.valid('json') }, { target: computerId }),
        200,
      );
    })
    .openapi(setServer, (c) => {
      const { computerId } = c.req.valid('param');
      return c.json(
        run(
          d,
          c,
          setDpmServerOperation,
          { computerId, dpmServerName: c.req.valid('json').dpmServerName },
          { target: computerId },
        ),
        200,
      );
    });
}
