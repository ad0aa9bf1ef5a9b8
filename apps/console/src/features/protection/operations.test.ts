/**
 * The console's preview of which protection operations apply must never block what DPM allows:
 * for every member of scenario 1 in every protection status, an operation the preview disables is
 * one the domain refuses. Where the row tells the whole story (recovery points, consistency
 * checks outside manual replica creation), the preview and the domain agree exactly.
 */
import { describe, expect, it } from 'vitest';
import type { Estate, ProtectionStatus, Replica } from '@dpm/domain/model';
import { scenario1, FIXTURE_EPOCH } from '@dpm/domain/fixtures/scenarios';
import { isDomainError } from '@dpm/domain/errors';
import type { Ctx } from '@dpm/domain/command';
import { createRecoveryPoint } from '@dpm/domain/protection/create-recovery-point';
import { performConsistencyCheck } from '@dpm/domain/protection/perform-consistency-check';
import { switchProtection } from '@dpm/domain/protection/switch-protection';
import { groupOperations, memberOperations, type MemberRow } from './operations';

const STATUSES: ProtectionStatus[] = [
  'OK',
  'Replica creation pending',
  'Manual replica creation pending',
  'Replica is inconsistent',
  'Replica inconsistent, verification in progress',
  'Replica is missing',
  'Replica is invalid',
];

const ctx = (): Ctx => {
  let n = 0;
  return { now: FIXTURE_EPOCH, newId: (p) => `${p}-c${++n}`, actor: 'test' };
};

/** The row the members list shows for a replica (packages/db/src/views/protection.ts). */
function rowOf(estate: Estate, r: Replica): MemberRow {
  const ds = estate.dataSources[r.dataSourceId];
  const computer = ds ? estate.computers[ds.computerId] : undefined;
  return {
    id: r.id,
    dataSource: ds?.name ?? '',
    kind: ds?.kind ?? '',
    computer: computer?.name ?? '',
    status: r.status,
    groupId: r.groupId,
    sourceServer: r.sourceServerId ? (estate.servers[r.sourceServerId]?.name ?? null) : null,
    switched: r.switched,
  };
}

function withStatus(status: ProtectionStatus, replicaId: string): Estate {
  const estate = scenario1();
  const r = estate.replicas[replicaId];
  if (r) estate.replicas[replicaId] = { ...r, status };
  return estate;
}

const accepted = (result: ReturnType<typeof createRecoveryPoint>) => !isDomainError(result);

describe('protection operations in the console agree with the domain (domain-rules.md, seeds 000, 001)', () => {
  const replicaIds = Object.values(scenario1().replicas)
    .filter((r) => r.groupId !== null)
    .map((r) => r.id);

  it('covers every member of scenario 1', () => {
    expect(replicaIds.length).toBeGreaterThan(10);
  });

  for (const status of STATUSES) {
    it(`never disables what DPM allows, for a member whose replica is "${status}"`, () => {
      for (const id of replicaIds) {
        const estate = withStatus(status, id);
        const replica = estate.replicas[id];
        if (!replica) throw new Error(id);
        const ops = new Map(memberOperations(rowOf(estate, replica)).map((o) => [o.name, o.disabledReason]));
        const domain = {
          'Create recovery point': accepted(createRecoveryPoint(estate, { replicaIds: [id], location: 'Disk' }, ctx())),
          'Perform consistency check': accepted(performConsistencyCheck(estate, { replicaIds: [id] }, ctx())),
          'Switch Disaster Protection': accepted(switchProtection(estate, { serverId: replica.serverId, replicaIds: [id] }, ctx())),
        };
        for (const [name, allowed] of Object.entries(domain)) {
          const disabled = ops.get(name as keyof typeof domain);
          if (allowed) expect(disabled, `${name} on ${id} (${status})`).toBeNull();
        }
        // Recovery points and consistency checks depend on the status alone (a manually created
        // replica also needs its data restored, which the row doesn't carry: the server decides).
        expect(ops.get('Create recovery point') === null, `Create recovery point on ${id}`).toBe(domain['Create recovery point']);
        if (status !== 'Manual replica creation pending') expect(ops.get('Perform consistency check') === null, `Perform consistency check on ${id}`).toBe(domain['Perform consistency check']);
      }
    });
  }

  it('offers only Remove inactive protection for an inactive replica', () => {
    const estate = scenario1();
    const replica = Object.values(estate.replicas).find((r) => r.groupId !== null);
    if (!replica) throw new Error('no member');
    const ops = memberOperations({ ...rowOf(estate, replica), groupId: null, status: 'Inactive replica available' });
    expect(ops).toEqual([{ name: 'Remove inactive protection', disabledReason: null }]);
  });

  it('disables by role before state: an Operator checks consistency, only an Administrator switches', () => {
    const estate = scenario1();
    const replica = Object.values(estate.replicas).find((r) => r.sourceServerId !== null && r.groupId !== null);
    if (!replica) throw new Error('no secondary member');
    const operatorNeeds = (role: 'Operator' | 'Administrator') => (role === 'Administrator' ? 'Only an Administrator can do this.' : null);
    const ops = new Map(memberOperations(rowOf(estate, replica), operatorNeeds).map((o) => [o.name, o.disabledReason]));
    expect(ops.get('Perform consistency check')).toBeNull();
    expect(ops.get('Switch Disaster Protection')).toBe('Only an Administrator can do this.');
    expect(groupOperations({ id: 'pg', name: 'Empty group', members: 0 }).find((o) => o.name === 'Perform consistency check')?.disabledReason).toBe('Empty group has no members.');
  });
});
