import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router, run } from '../deps';
import { ServerParams, ServerSummary, Version } from '../schemas';
import { commandResponses } from './route-kit';
import { topologyGraph } from '@dpm/domain/topology/estate-graph';
import { rowsWhere } from '@dpm/domain/command';
import { dpmdbProtection } from '@dpm/domain/reporting/dpmdb-protection';
import { recoveryRunbook } from '@dpm/domain/server/runbook';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { formatVersion } from '@dpm/domain/model';
import { failServer } from '@dpm/domain/server/fail-server';
import { reinstallServer } from '@dpm/domain/server/reinstall-server';
import { dpmSyncRestoreDb } from '@dpm/domain/server/dpmsync-restore-db';
import { dpmSyncSync } from '@dpm/domain/server/dpmsync-sync';
import { dpmSyncReallocateReplica } from '@dpm/domain/server/dpmsync-reallocate-replica';
import { dpmSyncDataCopied } from '@dpm/domain/server/dpmsync-data-copied';

const list = createRoute({ method: 'get', path: '/servers', tags: ['Servers'], responses: { 200: { description: 'The DPM servers of the estate', content: { 'application/json': { schema: z.array(ServerSummary) } } } } });

const DpmdbReport = z
  .array(
    z.object({
      serverId: z.string(),
      server: z.string(),
      methods: z.array(z.object({ method: z.enum(['Secondary DPM server', 'Storage pool', 'Tape', 'Online']), detail: z.string(), recoveryPoints: z.number(), latest: z.number().nullable() })),
      assessment: z.string(),
    }),
  )
  .openapi('DpmdbProtectionReport');
const dpmdbReport = createRoute({
  method: 'get',
  path: '/reports/dpmdb-protection',
  tags: ['Reporting'],
  responses: { 200: { description: 'How each DPM server\'s database is protected (seed 001)', content: { 'application/json': { schema: DpmdbReport } } } },
});

const Runbook = z
  .array(
    z.object({
      key: z.string(),
      title: z.string(),
      done: z.boolean(),
      optional: z.boolean(),
      needs: z.string(),
      link: z.object({ path: z.string(), control: z.string() }),
    }),
  )
  .openapi('Runbook');
const runbook = createRoute({
  method: 'get',
  path: '/servers/{serverId}/runbook',
  tags: ['Server disaster recovery'],
  summary: 'Recover a DPM server: the steps, each derived from the estate',
  request: { params: ServerParams },
  responses: { 200: { description: 'The runbook', content: { 'application/json': { schema: Runbook } } }, 404: commandResponses[404] },
});

const serverCommand = <Path extends string>(path: Path, summary: string) =>
  createRoute({ method: 'post', path: `/servers/{serverId}${path}` as `/servers/{serverId}${Path}`, tags: ['Server disaster recovery'], summary, request: { params: ServerParams }, responses: commandResponses });

const serverCommandWithBody = <Path extends string, S extends z.ZodType>(path: Path, summary: string, body: S) =>
  createRoute({
    method: 'post',
    path: `/servers/{serverId}${path}` as `/servers/{serverId}${Path}`,
    tags: ['Server disaster recovery'],
    summary,
    request: { params: ServerParams, body: { required: true, content: { 'application/json': { schema: body } } } },
    responses: commandResponses,
  });

const ReinstallBody = z.object({ version: Version, fqdn: z.string().min(3).max(255) }).strict();
const RestoreDbBody = z.object({ dbLocation: z.string().min(1).max(260), instanceName: z.string().max(260).nullable().default(null) }).strict();

const fail = serverCommand('/fail', 'Mark as failed');
const reinstall = serverCommandWithBody('/reinstall', 'Reinstall DPM', ReinstallBody);
const restoreDb = serverCommandWithBody('/dpmsync/restore-db', 'DpmSync -RestoreDb -DbLoc <folder> [-InstanceName <server\\instance>]', RestoreDbBody);
const sync = serverCommand('/dpmsync/sync', 'DpmSync -Sync');
const reallocate = serverCommand('/dpmsync/reallocate-replica', 'DpmSync -ReallocateReplica');
const dataCopied = serverCommand('/dpmsync/data-copied', 'DpmSync -DataCopied');

export function serverRoutes(d: AppDeps) {
  return router()
    .openapi(list, (c) => {
      const e = d.store.estate;
      const roles = new Map(topologyGraph(e).servers.map((r) => [r.serverId, r]));
      const servers = Object.values(e.servers)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => {
          const role = roles.get(s.id);
          const alerts = rowsWhere(e, 'alerts', 'serverId', s.id).filter((a) => a.state === 'Active');
          return {
            id: s.id,
            name: s.name,
            fqdn: s.fqdn,
            version: formatVersion(s.version),
            versionParts: s.version,
            state: s.state,
            service: s.service,
            vssWriter: s.vssWriter,
            dbRestorePending: s.dbRestorePending,
            primary: role?.primary ?? false,
            secondary: role?.secondary ?? false,
            // Counted, not listed: a primary of the large estate protects 125 computers (GET /servers/{serverId}/protects pages them).
            protects: { servers: role?.protectsServers ?? [], computers: role?.computers ?? 0, computerNames: role?.computerList.map((x) => x.name) ?? [] },
            protectedBy: role?.protectedBy ?? [],
            activeAlerts: alerts.length,
            criticalAlerts: alerts.filter((a) => a.severity === 'Critical').length,
            externalDpm: s.externalDpm,
          };
        });
      return c.json(servers, 200);
    })
    .openapi(dpmdbReport, (c) => c.json(dpmdbProtection(d.store.estate), 200))
    .openapi(runbook, (c) => {
      const { serverId } = c.req.valid('param');
      if (!d.store.estate.servers[serverId]) throw new Refused(notFound('DPM server', serverId));
      return c.json(recoveryRunbook(d.store.estate, serverId), 200);
    })
    .openapi(fail, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'server.fail', failServer, { serverId }, serverId), 200);
    })
    .openapi(reinstall, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, 'server.reinstall', reinstallServer, { serverId, ...body }, serverId), 200);
    })
    .openapi(restoreDb, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, 'dpmsync.restore-db', dpmSyncRestoreDb, { serverId, ...body }, serverId), 200);
    })
    .openapi(sync, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'dpmsync.sync', dpmSyncSync, { serverId }, serverId), 200);
    })
    .openapi(reallocate, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'dpmsync.reallocate-replica', dpmSyncReallocateReplica, { serverId }, serverId), 200);
    })
    .openapi(dataCopied, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'dpmsync.data-copied', dpmSyncDataCopied, { serverId }, serverId), 200);
    });
}
