import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { Agent, DpmServer, Revision, Tape } from '@dpm/domain/model';
import { knownLibrary } from '@dpm/domain/library/library-on-server';
import { tapeStatus } from '@dpm/domain/library/tape-status';
import { formatVersion } from '@dpm/domain/model';
import { poolCapacityGb } from '@dpm/domain/server/disk-layout';

export interface AgentRow {
  computerId: string;
  computer: string;
  fqdn: string;
  isDpmServer: boolean;
  agentVersion: string;
  status: Agent['status'];
  error: string | null;
  owner: string | null;
  ownedByThisServer: boolean;
  pendingOwner: string | null;
  protectedMembers: number;
  revision: Revision;
}

/** Management › Agents: computers whose agent this server owns or has attached. */
export function listAgents(db: Db, serverId: string): AgentRow[] {
  const rows = db.all<{
    id: string;
    name: string;
    fqdn: string;
    dpmServerId: string | null;
    agent: string;
    members: number;
  }>(sql`
    SELECT c.id, c.name, c.fqdn, c.dpm_server_id AS dpmServerId, c.agent,
      (SELECT count(*) FROM replicas r JOIN data_sources ds ON ds.id = r.data_source_id
        WHERE ds.computer_id = c.id AND r.server_id = ${serverId} AND r.group_id IS NOT NULL) AS members
    FROM computers c
    WHERE c.agent IS NOT NULL AND c.agent != 'null' AND (json_extract(c.agent, '$.ownerId') = ${serverId}
      OR EXISTS (SELECT 1 FROM json_each(c.agent, '$.attachedTo') WHERE value = ${serverId}))
    ORDER BY c.name COLLATE NOCASE`);
  const names = new Map(
    db.all<{ id: string; name: string }>(sql`SELECT id, name FROM servers`).map((s) => [s.id, s.name]),
  );
  return rows.map((r) => {
    const agent = JSON.parse(r.agent) as Agent;
    return {
      computerId: r.id,
      computer: r.name,
      fqdn: r.fqdn,
      isDpmServer: r.dpmServerId !== null,
      agentVersion: formatVersion(agent.version),
      status: agent.status,
      error: agent.error ?? null,
      owner: agent.ownerId ? (names.get(agent.ownerId) ?? agent.ownerId) : null,
      ownedByThisServer: agent.ownerId === serverId,
      pendingOwner: agent.pendingOwnerId ? (names.get(agent.pendingOwnerId) ?? agent.pendingOwnerId) : null,
      protectedMembers: r.members,
      revision: agent.revision,
    };
  });
}

export interface DiskSummary {
  storagePoolGb: number;
  allocatedGb: number;
  freeGb: number;
  replicas: number;
}

export function diskSummary(db: Db, server: DpmServer): DiskSummary {
  const r = db.get<{ allocated: number | null; n: number }>(sql`
    SELECT sum(allocated_gb) AS allocated, count(*) AS n FROM replicas WHERE server_id = ${server.id} AND
      in_storage_pool = 1`);
  const allocatedGb = r?.allocated ?? 0;
  const capacity = poolCapacityGb(server);
  return { storagePoolGb: capacity, allocatedGb, freeGb: Math.max(0, capacity - allocatedGb), replicas: r?.n ?? 0 };
}

export interface TapeRow {
  id: string;
  slot: number | null;
  location: Tape['location'];
  barcode: string;
  label: string | null;
  status: string;
  dataSets: number;
  expiry: number | null;
  writtenBy: string | null;
  encrypted: boolean;
  hasDatabaseBackup: boolean;
}

export interface LibraryRow {
  id: string;
  name: string;
  drives: { name: string; needsCleaning: boolean }[];
  slots: number;
  doorLocked: boolean;
  enabled: boolean;
  available: boolean;
  lastRescanAt: number | null;
  tapes: TapeRow[];
  revision: Revision;
}

export function listLibraries(db: Db, server: DpmServer): LibraryRow[] {
  const libs = db.all<{
    id: string;
    name: string;
    drives: string;
    slots: number;
    doorLocked: number;
    enabled: number;
    available: number;
    lastRescanAt: number | null;
    revision: string;
  }>(sql`
    SELECT id, name, drives, slots, door_locked AS doorLocked, enabled, available, last_rescan_at AS lastRescanAt,
      revision
    FROM libraries WHERE server_id = ${server.id} ORDER BY name`);
  // A library its DPM database has not detected yet (a reinstall, before Rescan) is not listed.
  return libs
    .filter((l) => knownLibrary(l, server))
    .map((l) => {
      const tapes = db.all<{
        id: string;
        slot: number | null;
        location: Tape['location'];
        barcode: string;
        label: string | null;
        writtenBy: string | null;
        dataSets: string;
        encryptedWith: string | null;
        expiresAt: number | null;
        free: number;
        inventoried: number;
        headerRead: number;
        catalogedBy: string | null;
        suspect: number;
        cleaning: number;
      }>(sql`
      SELECT id, slot, location, barcode, label, written_by AS writtenBy, data_sets AS dataSets, encrypted_with AS
        encryptedWith,
        expires_at AS expiresAt, free, inventoried, header_read AS headerRead, cataloged_by AS catalogedBy, suspect,
          cleaning
      FROM tapes WHERE library_id = ${l.id} ORDER BY slot, barcode`);
      return {
        id: l.id,
        name: l.name,
        drives: JSON.parse(l.drives) as LibraryRow['drives'],
        slots: l.slots,
        doorLocked: l.doorLocked === 1,
        enabled: l.enabled === 1,
        available: l.available === 1,
        lastRescanAt: l.lastRescanAt,
        revision: JSON.parse(l.revision) as Revision,
        tapes: tapes.map((t) => {
          const tape: Tape = {
            ...t,
            libraryId: l.id,
            writtenBy: t.writtenBy ? (JSON.parse(t.writtenBy) as Tape['writtenBy']) : null,
            dataSets: JSON.parse(t.dataSets) as Tape['dataSets'],
            catalogedBy: t.catalogedBy ? (JSON.parse(t.catalogedBy) as Tape['catalogedBy']) : null,
            free: t.free === 1,
            inventoried: t.inventoried === 1,
            headerRead: t.headerRead === 1,
            suspect: t.suspect === 1,
            cleaning: t.cleaning === 1,
          };
          return {
            id: tape.id,
            slot: tape.slot,
            location: tape.location,
            barcode: tape.inventoried ? tape.barcode : '',
            label: tape.headerRead ? tape.label : null,
            status: tapeStatus(tape, server),
            dataSets: tape.headerRead ? tape.dataSets.length : 0,
            expiry: tape.headerRead ? tape.expiresAt : null,
            writtenBy: tape.headerRead ? (tape.writtenBy?.serverName ?? null) : null,
            encrypted: tape.encryptedWith !== null,
            hasDatabaseBackup: tape.headerRead && tape.dataSets.some((d) => d.dpmdb !== null),
          };
        }),
      };
    });
}
