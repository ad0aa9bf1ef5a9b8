import type { Estate, ProtectionGroup, Replica } from '../model';
import { rowsWhere } from '../draft';
import { formatVersion, sameVersion } from '../model';
import type { DomainError } from '../errors';
import { MOVE_OPTIONS, notFound, refuse } from '../errors';
import type { Edge } from '../topology/topology';
import { computeEdges, protectorsOf, protectsOwnDatabase, reachesIndirectly } from '../topology/topology';

/** What a protection group member is: a data source, or a primary's replica of it. */
export interface MemberRef {
  dataSourceId: string;
  /** The primary DPM server whose replica is protected (secondary protection), or null. */
  sourceServerId: string | null;
}

export function isActive(r: Replica): boolean {
  return r.groupId !== null;
}

export function activeReplicaOf(estate: Estate, ref: MemberRef): Replica | undefined {
  return rowsWhere(estate, 'replicas', 'dataSourceId', ref.dataSourceId).find(
    (r) => isActive(r) && r.sourceServerId === ref.sourceServerId,
  );
}

/** Active replicas of any data source of a computer, through the estate's indexes. */
function replicasOfComputer(estate: Estate, computerId: string): Replica[] {
  return rowsWhere(estate, 'dataSources', 'computerId', computerId).flatMap((ds) =>
    rowsWhere(estate, 'replicas', 'dataSourceId', ds.id).filter(isActive),
  );
}

/**
 * Servers that hold a copy of any data of `computerId`: its primary, secondaries of that primary,
 * a switched secondary (seed 002 calls them the servers that "know" the computer).
 */
export function serversKnowing(estate: Estate, computerId: string): Set<string> {
  return new Set(replicasOfComputer(estate, computerId).map((r) => r.serverId));
}

/**
 * MOVE_UNSUPPORTED (seed 002): protection of a computer can't move from its DPM server, when that
 * server is under secondary protection, to the secondary or to another server the secondary
 * protects. Returns the refusal, or null when the move is one of the supported options.
 */
export function checkMove(
  estate: Estate,
  computerId: string,
  targetServerId: string,
  edgesOf: () => Edge[] = () => computeEdges(estate),
): DomainError | null {
  const computer = estate.computers[computerId];
  const owner = computer?.agent?.ownerId ?? null;
  if (!computer || owner === null || owner === targetServerId) return null;
  if (computer.agent?.pendingOwnerId === targetServerId) return null;
  const knowing = serversKnowing(estate, computerId);
  knowing.delete(owner);
  if (knowing.size === 0) return null;
  const secondaryOfTarget = protectorsOf(edgesOf(), targetServerId).find((p) => knowing.has(p));
  if (!knowing.has(targetServerId) && secondaryOfTarget === undefined) return null;
  const target = estate.servers[targetServerId]?.name ?? targetServerId;
  const from = estate.servers[owner]?.name ?? owner;
  // Seed 002's two unsupported scenarios: to the secondary itself (DPM3), or to another primary
  // that secondary protects (DPM2).
  const why = knowing.has(targetServerId)
    ? `${target} already holds copies of ${computer.name}'s data as the secondary DPM server of ${from}`
    : `${target} is protected by ${estate.servers[secondaryOfTarget ?? '']?.name ?? 'the secondary DPM server'}, ` +
      `which already holds copies of ${computer.name}'s data as the secondary DPM server of ${from}`;
  return refuse(
    'MOVE_UNSUPPORTED',
    `Moving protection of ${computer.name} from ${from} to ${target} is not supported: ${why}. Choose one of the ` +
      `supported options: ${MOVE_OPTIONS.join(' ')}`,
    computerId,
  );
}

/**
 * Every rule that decides whether `serverId` may start protecting `ref` (seeds 001, 002, 004).
 * Checked in the order an administrator meets them in the wizard.
 */
export function checkCanProtect(
  estate: Estate,
  serverId: string,
  ref: MemberRef,
  group?: ProtectionGroup,
  knownEdges?: Edge[],
): DomainError | null {
  const server = estate.servers[serverId];
  if (!server) return notFound('DPM server', serverId);
  const ds = estate.dataSources[ref.dataSourceId];
  if (!ds) return notFound('data source', ref.dataSourceId);
  const computer = estate.computers[ds.computerId];
  if (!computer) return notFound('computer', ds.computerId);
  const holderComputerId = ref.sourceServerId ? estate.servers[ref.sourceServerId]?.computerId : computer.id;
  const holder = holderComputerId ? estate.computers[holderComputerId] : undefined;
  if (!holder) return notFound('DPM server', ref.sourceServerId ?? '');
  const label = ref.sourceServerId ? `the replica of ${ds.name} on ${holder.name}` : `${ds.name} on ${computer.name}`;
  const Label = label.charAt(0).toUpperCase() + label.slice(1);

  if (ref.sourceServerId === serverId) {
    return refuse(
      'ALREADY_PROTECTED',
      `${Label} is ${server.name}'s own replica; a DPM server can't protect its own replicas.`,
      ref.dataSourceId,
    );
  }
  if (ref.sourceServerId !== null && computer.id === server.computerId) {
    // Seed 004: a DPM server that protects its own data breaks the chain, and a copy of its own
    // data held by another server is still its own data (the cycle of scenario 3).
    return refuse(
      'SELF_PROTECTION_BREAKS_CHAIN',
      `${Label} is a copy of ${server.name}'s own data. A DPM server that protects its own data breaks the chain, so ` +
        `${server.name} can't protect it.`,
      ref.dataSourceId,
    );
  }
  const mine =
    ref.sourceServerId !== null
      ? rowsWhere(estate, 'replicas', 'dataSourceId', ref.dataSourceId).find(
          (r) => isActive(r) && r.serverId === serverId,
        )
      : undefined;
  if (mine) {
    // Seed 001 ("you won't be able to configure protection for data sources that are already
    // protected by the agent. This prevents you from repeatedly protecting data"): the same data
    // twice on one server, once directly and once as another server's copy, is refused.
    const how =
      mine.sourceServerId === null || mine.switched
        ? 'directly'
        : `as the secondary of ${estate.servers[mine.sourceServerId]?.name ?? 'another DPM server'}`;
    return refuse(
      'ALREADY_PROTECTED',
      `${server.name} already protects ${ds.name} on ${computer.name} ${how}, so it can't also protect ${label}. The ` +
        `same data can't be protected twice.`,
      ref.dataSourceId,
    );
  }

  let computed: Edge[] | undefined = knownEdges;
  const edgesOf = (): Edge[] => (computed ??= computeEdges(estate));
  const protectedServerId = holder.dpmServerId;

  if (protectedServerId !== null && protectedServerId === serverId) {
    // Self-protection of the DPMDB or system state (seed 004: it breaks the chain).
    if ((ds.kind === 'DPMDB' || ds.kind === 'System state') && protectorsOf(edgesOf(), serverId).length > 0) {
      return refuse(
        'SELF_PROTECTION_BREAKS_CHAIN',
        `${server.name} is protected by ${protectorsOf(edgesOf(), serverId)
          .map((p) => estate.servers[p]?.name ?? p)
          .join(', ')}; it can't protect its own database or system state, because that breaks the chain.`,
        ref.dataSourceId,
      );
    }
  } else if (protectedServerId !== null) {
    const other = estate.servers[protectedServerId];
    if (!other) return notFound('DPM server', protectedServerId);
    if (!sameVersion(server.version, other.version)) {
      return refuse(
        'VERSION_MISMATCH',
        `${server.name} runs DPM ${formatVersion(server.version)} and ${other.name} runs ` +
          `${formatVersion(other.version)}. All DPM servers in a primary/secondary configuration must run the same ` +
          `version and update rollup.`,
        protectedServerId,
      );
    }
    if (protectsOwnDatabase(estate, other)) {
      return refuse(
        'SELF_PROTECTION_BREAKS_CHAIN',
        `${other.name} protects its own database or system state, so it can't be protected by another DPM server.`,
        protectedServerId,
      );
    }
    if (reachesIndirectly(edgesOf(), serverId, protectedServerId)) {
      return refuse(
        'CHAIN_INDIRECT',
        `${server.name} already protects ${other.name}'s data through the chain, as the secondary of a server that ` +
          `protects ${other.name}. It can't act directly as a secondary server for ${other.name}.`,
        protectedServerId,
      );
    }
    const protectors = protectorsOf(edgesOf(), protectedServerId).filter((p) => p !== serverId);
    if (protectors.length > 0) {
      return refuse(
        'ALREADY_PROTECTED_BY_DPM',
        `${other.name} is already protected by ${protectors.map((p) => estate.servers[p]?.name ?? p).join(', ')}. A ` +
          `DPM server can be protected by only one other DPM server.`,
        protectedServerId,
      );
    }
    if (ds.kind === 'DPMDB' && other.vssWriter !== 'Running') {
      return refuse(
        'VSS_WRITER_STOPPED',
        `The SQL Server VSS Writer service is not running on ${other.name}. Start it before you protect the database ` +
          `of a DPM server.`,
        ref.dataSourceId,
      );
    }
  }

  if (ref.sourceServerId !== null) {
    const switched = replicasOfComputer(estate, computer.id).find((r) => r.switched);
    if (switched && switched.serverId !== serverId) {
      return refuse(
        'SWITCHED_NO_SECONDARY',
        `${computer.name} is in switched protection on its secondary DPM server; no other DPM server can add ` +
          `secondary protection for it.`,
        computer.id,
      );
    }
    if (switched) {
      // The switched server protects the computer directly, through its agent: a replica of the
      // primary's copy beside that would split the computer's data sources (seeds 000, 001).
      return refuse(
        'SWITCHED_NO_SECONDARY',
        `${computer.name} is in switched protection on ${server.name}, which protects its data directly; switch ` +
          `protection back before protecting ${label}.`,
        computer.id,
      );
    }
    const held = rowsWhere(estate, 'replicas', 'dataSourceId', ref.dataSourceId).find(
      (r) => isActive(r) && r.serverId === ref.sourceServerId,
    );
    if (!held) return notFound('replica', `${ds.name} on ${holder.name}`);
    if (held.sourceServerId !== null && !held.switched) {
      // DPM's chaining documentation: a secondary protects "all replicas on the primary DPM server
      // that the primary DPM server directly protects"; a copy the primary holds as some other
      // server's secondary is protected through that server's own secondary, never twice down a chain.
      const primaryOfCopy = estate.servers[held.sourceServerId]?.name ?? 'another DPM server';
      return refuse(
        'CHAIN_INDIRECT',
        `${holder.name} holds ${label} as the secondary of ${primaryOfCopy}, not as data it protects directly. A ` +
          `secondary DPM server protects only the replicas of the data its primary protects directly, so ` +
          `${server.name} can't protect this copy.`,
        ref.dataSourceId,
      );
    }
    if (group && group.excludedExtensions.length > 0) {
      return refuse(
        'NO_EXCLUSIONS_ON_REPLICA',
        `File name extensions can't be excluded from protection of a replica (${label}).`,
        'excludedExtensions',
      );
    }
  }

  // A DPM server protects its own database, folders and volumes through its local agent (seed 001,
  // "Back up the database by backing up the DPM storage pool"): no agent to own or attach.
  const ownData = holder.dpmServerId === serverId;
  const owner = holder.agent?.ownerId ?? null;
  // Seed 002: moving a computer between servers under secondary protection is refused before
  // anything else is said about it.
  const move =
    !ownData && owner !== serverId && ref.sourceServerId === null
      ? checkMove(estate, holder.id, serverId, edgesOf)
      : null;
  if (move) return move;

  // A data source protected directly counts as protected while its protector owns the agent:
  // once another server took ownership (seed 002, option 3), the old protection no longer runs.
  const existing = activeReplicaOf(estate, ref);
  const effective =
    existing !== undefined &&
    (ref.sourceServerId !== null || ownData || existing.serverId === owner || existing.serverId === serverId);
  if (existing && effective) {
    const by = estate.servers[existing.serverId]?.name ?? existing.serverId;
    return refuse(
      'ALREADY_PROTECTED',
      `${Label} is already protected by ${by}. Protection can't be configured for a data source that is already ` +
        `protected.`,
      ref.dataSourceId,
    );
  }

  if (!ownData && owner !== serverId) {
    const ownerName = owner ? (estate.servers[owner]?.name ?? owner) : null;
    return refuse(
      'NOT_OWNER',
      ownerName
        ? `The protection agent on ${holder.name} is owned by ${ownerName}. Only the DPM server that owns the agent ` +
            `can protect ${holder.name}; take ownership of the agent first.`
        : `${holder.name} has no protection agent attached to ${server.name}. Install or attach the agent first.`,
      holder.id,
    );
  }
  return null;
}
