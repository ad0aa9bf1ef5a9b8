import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router } from '../deps';
import { Operations, ServerParams, ServerSummary, Topology } from '../schemas';
import { NoQuery, commandResponses, offeredFor, readRoute, serverOr404 } from './route-kit';
import { analyseTopology } from '@dpm/domain/topology/topology';
import { dpmdbProtection } from '@dpm/domain/reporting/dpmdb-protection';
import { recoveryRunbook } from '@dpm/domain/server/runbook';
import { formatVersion } from '@dpm/domain/model';
import { supportedMoveOptions } from '@dpm/domain/errors';

const list = createRoute({ method: 'get', path: '/servers', tags: ['Servers'], responses: { 200: { description: 'The DPM servers of the estate', content: { 'application/json': { schema: z.array(ServerSummary) } } } } });
const topology = createRoute({ method: 'get', path: '/topology', tags: ['Servers'], responses: { 200: { description: 'Protection topology: who protects whom, and rule violations', content: { 'application/json': { schema: Topology } } } } });

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

const operations = readRoute(
  'Servers',
  '/servers/{serverId}/operations',
  'What the signed-in user can do to this DPM server now: its work areas\' buttons, its disaster recovery actions, the estate\'s controls',
  ServerParams,
  NoQuery,
  Operations,
);

export function serverRoutes(d: AppDeps) {
  return router()
    .openapi(list, (c) => {
      const t = analyseTopology(d.store.estate);
      const alerts = Object.values(d.store.estate.alerts).filter((a) => a.state === 'Active');
      const servers = Object.values(d.store.estate.servers)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => {
          const role = t.servers.find((r) => r.serverId === s.id);
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
            protecting: role?.protecting ?? [],
            protectedBy: role?.protectedBy ?? [],
            activeAlerts: alerts.filter((a) => a.serverId === s.id).length,
            criticalAlerts: alerts.filter((a) => a.serverId === s.id && a.severity === 'Critical').length,
            externalDpm: s.externalDpm,
            moveOptions: [...supportedMoveOptions(s, role?.protectedBy ?? [])],
          };
        });
      return c.json(servers, 200);
    })
    .openapi(topology, (c) => {
      const e = d.store.estate;
      const t = analyseTopology(e);
      return c.json(
        {
          servers: t.servers,
          chains: t.chains,
          cycles: t.cycles,
          violations: t.violations,
          edges: t.edges.map((x) => ({ ...x, toName: e.servers[x.to]?.name ?? e.computers[x.to]?.name ?? x.to })),
        },
        200,
      );
    })
    .openapi(dpmdbReport, (c) => c.json(dpmdbProtection(d.store.estate), 200))
    .openapi(runbook, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(recoveryRunbook(d.store.estate, serverId), 200);
    })
    .openapi(operations, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(offeredFor(d, c, 'server')({ serverId }), 200);
    });
}
