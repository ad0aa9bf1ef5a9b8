import { z } from '@hono/zod-openapi';

/** Protection topology: the graph, its findings, what a server protects, the server list. */
const FindingCode = z.string().openapi({
  example: 'CHAIN_INDIRECT',
  description: 'A rule code, or NO_SECONDARY for a primary that no secondary protects',
});

export const Topology = z
  .object({
    servers: z.array(
      z.object({
        serverId: z.string(),
        name: z.string(),
        version: z.string(),
        state: z.enum(['Online', 'Failed', 'Not installed']),
        failed: z.boolean(),
        primary: z.boolean(),
        secondary: z.boolean(),
        protectsItself: z.boolean(),
        protectsServers: z.array(z.string()),
        protectedBy: z.array(z.string()),
        computers: z.number().int(),
        computerList: z.array(z.object({ id: z.string(), name: z.string(), switched: z.boolean() })),
      }),
    ),
    links: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .openapi({ description: 'Secondary protection: `from` protects the DPM server `to`' }),
    findings: z.array(
      z.object({
        code: FindingCode,
        severity: z.enum(['error', 'warning']),
        message: z.string(),
        serverIds: z.array(z.string()),
      }),
    ),
    chains: z.array(z.array(z.string())),
    cycles: z.array(z.array(z.string())),
    protectedComputers: z.number().int(),
  })
  .openapi('Topology');

export const ProtectedItem = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['computer', 'server']),
    how: z.enum(['primary', 'switched', 'secondary']),
  })
  .openapi('ProtectedItem');

export const TopologyMatch = z
  .object({
    kind: z.enum(['server', 'computer']),
    id: z.string(),
    name: z.string(),
    protectedBy: z.array(
      z.object({ serverId: z.string(), name: z.string(), how: z.enum(['primary', 'switched', 'secondary']) }),
    ),
  })
  .openapi('TopologyMatch');

export const ServerListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    fqdn: z.string(),
    version: z.string(),
    state: z.enum(['Online', 'Failed', 'Not installed']),
  })
  .openapi('DpmServerListItem');
