import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** Who already protects a data source (or a DPM server's replica of it): the server and its group. */
export interface ProtectedBy {
  serverId: string;
  server: string;
  groupId: string;
  group: string;
}

export interface ProtectableDataSource {
  id: string;
  name: string;
  kind: string;
  sizeGb: number;
  protectedBy: ProtectedBy | null;
}

/** A replica held by a DPM server, selectable for secondary protection (seeds 001, 004). */
export interface ProtectableReplica {
  dataSourceId: string;
  /** The DPM server holding the replica: the member's `sourceServerId`. */
  sourceServerId: string;
  /** `<data source> on <computer>`. */
  name: string;
  kind: string;
  sizeGb: number;
  protectedBy: ProtectedBy | null;
}

export interface ProtectableComputer {
  id: string;
  name: string;
  /** Set when the computer is a DPM server: its DPMDB, folders and replicas can be protected. */
  dpmServerId: string | null;
  /** The connected DPM server itself (seed 001: "expand the DPM server and select DPMDB"). */
  local: boolean;
  agentOwner: string | null;
  ownedByThisServer: boolean;
  dataSources: ProtectableDataSource[];
  replicas: ProtectableReplica[];
}

interface ProtectionColumns {
  protServerId: string | null;
  protServer: string | null;
  protGroupId: string | null;
  protGroup: string | null;
}

function protectedBy(r: ProtectionColumns): ProtectedBy | null {
  if (r.protServerId === null || r.protGroupId === null) return null;
  return {
    serverId: r.protServerId,
    server: r.protServer ?? r.protServerId,
    groupId: r.protGroupId,
    group: r.protGroup ?? r.protGroupId,
  };
}

/**
 * Create New Protection Group › Select Group Members: the computers whose agent this server owns
 * or has attached, and the server itself, with their data sources; for a DPM server among them,
 * also the replicas it holds, each with the server and group that protect it now, if any. Whether
 * the server may protect it is the domain's decision (checkCanProtect), not this query's.
 */
export function listProtectable(db: Db, serverId: string): ProtectableComputer[] {
  const visible = sql`
    SELECT c.id FROM computers c
    WHERE c.id = (SELECT s.computer_id FROM servers s WHERE s.id = ${serverId})
      OR (c.agent IS NOT NULL AND c.agent != 'null' AND (json_extract(c.agent, '$.ownerId') = ${serverId}
        OR EXISTS (SELECT 1 FROM json_each(c.agent, '$.attachedTo') WHERE value = ${serverId})))`;
  const computers = db.all<{
    id: string;
    name: string;
    dpmServerId: string | null;
    ownerId: string | null;
    owner: string | null;
  }>(sql`
    SELECT c.id, c.name, c.dpm_server_id AS dpmServerId, json_extract(c.agent, '$.ownerId') AS ownerId, o.name AS owner
    FROM computers c LEFT JOIN servers o ON o.id = json_extract(c.agent, '$.ownerId')
    WHERE c.id IN (${visible})
    ORDER BY c.name COLLATE NOCASE, c.id`);
  const protection = sql`
    LEFT JOIN servers ps ON ps.id = p.server_id
    LEFT JOIN protection_groups pg ON pg.id = p.group_id`;
  const dataSources = db.all<
    Omit<ProtectableDataSource, 'protectedBy'> & ProtectionColumns & { computerId: string }
  >(sql`
    SELECT ds.id, ds.computer_id AS computerId, ds.name, ds.kind, ds.size_gb AS sizeGb,
      p.server_id AS protServerId, ps.name AS protServer, p.group_id AS protGroupId, pg.name AS protGroup
    FROM data_sources ds
    LEFT JOIN replicas p ON p.data_source_id = ds.id AND p.source_server_id IS NULL AND p.group_id IS NOT NULL
    ${protection}
    WHERE ds.computer_id IN (${visible})
    ORDER BY ds.kind, ds.name COLLATE NOCASE, ds.id`);
  // A server can't protect its own replicas (ALREADY_PROTECTED), so the connected server's are left
  // out, and a DPM server offers only the replicas of data it protects directly (DPM's chaining
  // documentation), not the copies it holds as another server's secondary; a switched replica is
  // listed so that its refusal (SWITCHED_NO_SECONDARY) can be read beside it.
  const replicas = db.all<
    {
      dataSourceId: string;
      sourceServerId: string;
      holderComputerId: string;
      dataSource: string;
      computer: string;
      kind: string;
      sizeGb: number;
    } & ProtectionColumns
  >(sql`
    SELECT h.data_source_id AS dataSourceId, h.server_id AS sourceServerId, s.computer_id AS holderComputerId,
      ds.name AS dataSource, oc.name AS computer, ds.kind, ds.size_gb AS sizeGb,
      p.server_id AS protServerId, ps.name AS protServer, p.group_id AS protGroupId, pg.name AS protGroup
    FROM replicas h
    JOIN servers s ON s.id = h.server_id
    JOIN data_sources ds ON ds.id = h.data_source_id
    JOIN computers oc ON oc.id = ds.computer_id
    LEFT JOIN replicas p ON p.data_source_id = h.data_source_id AND p.source_server_id = h.server_id AND p.group_id
      IS NOT NULL
    ${protection}
    WHERE h.group_id IS NOT NULL AND h.server_id != ${serverId} AND s.computer_id IN (${visible})
      AND (h.source_server_id IS NULL OR h.switched = 1)
    ORDER BY oc.name COLLATE NOCASE, ds.name COLLATE NOCASE, h.data_source_id`);

  const byComputer = new Map<string, ProtectableComputer>(
    computers.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        dpmServerId: c.dpmServerId,
        local: c.dpmServerId === serverId,
        agentOwner: c.owner ?? c.ownerId,
        ownedByThisServer: c.ownerId === serverId,
        dataSources: [],
        replicas: [],
      },
    ]),
  );
  const seen = new Set<string>();
  for (const d of dataSources) {
    const computer = byComputer.get(d.computerId);
    if (!computer || seen.has(d.id)) continue;
    seen.add(d.id);
    const by = protectedBy(d);
    computer.dataSources.push({ id: d.id, name: d.name, kind: d.kind, sizeGb: d.sizeGb, protectedBy: by });
  }
  for (const r of replicas) {
    const computer = byComputer.get(r.holderComputerId);
    const key = `${r.dataSourceId}|${r.sourceServerId}`;
    if (!computer || seen.has(key)) continue;
    seen.add(key);
    const by = protectedBy(r);
    computer.replicas.push({
      dataSourceId: r.dataSourceId,
      sourceServerId: r.sourceServerId,
      name: `${r.dataSource} on ${r.computer}`,
      kind: r.kind,
      sizeGb: r.sizeGb,
      protectedBy: by,
    });
  }
  return [...byComputer.values()];
}
