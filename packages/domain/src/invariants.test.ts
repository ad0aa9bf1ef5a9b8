/**
 * Property tests over random command sequences on scenario 1 (seed 004's layout): what must hold
 * whatever an administrator does with Switch Disaster Protection, Take Ownership, consistency
 * checks, recovery points, Stop protection, unclean shutdowns, disk failures and the clock.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ProtectionStatus } from './model';
import { analyseTopology } from './topology/topology';
import { maxDiskRecoveryPoints } from './protection/goals';
import { canSwitch } from './protection/switch-protection';
import { viewOf } from './view';
import { diskLayout } from './server/disk-layout';
import { allowed, COMPUTERS, sequenceArb, play, RUNS } from './command-sequences';
import { rowOf, rowsOf } from './table-index';

describe('invariants of the estate over random command sequences on scenario 1', () => {
  it(
    'keeps exactly one owner for every agent that had one, attached to it, distinct from the pending owner (seed ' +
      '000, NOT_OWNER)',
    () => {
      fc.assert(
        fc.property(sequenceArb, (commands) => {
          play(commands, ({ after }) => {
            for (const id of COMPUTERS) {
              const agent = after.computers[id]?.agent;
              expect(agent?.ownerId, id).toBeTruthy();
              expect(after.servers[agent?.ownerId ?? ''], id).toBeDefined();
              expect(agent?.attachedTo).toContain(agent?.ownerId);
              expect(agent?.pendingOwnerId).not.toBe(agent?.ownerId);
            }
          });
        }),
        RUNS,
      );
    },
  );

  it(
    'never lets a DPM server protect its own data through any chain, nor a copy of a copy, nor the same data twice ' +
      '(seed 004, DPM chaining documentation, seed 001)',
    () => {
      fc.assert(
        fc.property(sequenceArb, (commands) => {
          play(commands, ({ after }) => {
            const active = Object.values(after.replicas).filter((r) => r.groupId !== null);
            const seen = new Set<string>();
            for (const r of active) {
              const ds = after.dataSources[r.dataSourceId];
              const key = `${r.serverId}|${r.dataSourceId}`;
              expect(seen.has(key), `${r.id}: ${r.serverId} protects ${r.dataSourceId} twice`).toBe(false);
              seen.add(key);
              if (r.sourceServerId === null) continue;
              // Its own data, however many servers hold the copy it would read from.
              expect(ds?.computerId, `${r.id} protects its own data`).not.toBe(after.servers[r.serverId]?.computerId);
              expect(r.sourceServerId, r.id).not.toBe(r.serverId);
              // What it copies is data its primary protects directly (or protects after a switch).
              const held = active.find((h) => h.serverId === r.sourceServerId && h.dataSourceId === r.dataSourceId);
              if (held)
                expect(held.sourceServerId === null || held.switched, `${r.id} copies ${held.id}, itself a copy`).toBe(
                  true,
                );
            }
          });
        }),
        RUNS,
      );
    },
  );

  it(
    "keeps every data source of a computer with its agent's one owner: a switch moves them all, and a server that " +
      'lost the agent runs nothing through it (seeds 000, 001)',
    () => {
      fc.assert(
        fc.property(sequenceArb, (commands) => {
          play(commands, ({ before, after }) => {
            const active = Object.values(after.replicas).filter((r) => r.groupId !== null);
            for (const computerId of COMPUTERS) {
              const owner = after.computers[computerId]?.agent?.ownerId;
              const mine = active.filter((r) => after.dataSources[r.dataSourceId]?.computerId === computerId);
              for (const r of mine.filter((m) => m.switched))
                expect(r.serverId, `${r.id} is switched but ${owner ?? 'nobody'} owns the agent`).toBe(owner);
              // On the server that owns the agent after a switch, no member of the computer is left unswitched.
              if (mine.some((m) => m.switched && m.serverId === owner)) {
                const view = viewOf(after);
                for (const r of mine.filter(
                  (m) => m.serverId === owner && m.sourceServerId !== null && canSwitch(view, m),
                ))
                  expect(r.switched, `${r.id} left behind by the switch`).toBe(true);
              }
            }
            // No protection job completes through an agent its server does not own.
            for (const job of rowsOf(after, 'jobs')) {
              if (
                job.status !== 'Completed' ||
                rowOf(before, 'jobs', job.id)?.status === 'Completed' ||
                job.replicaId === null
              )
                continue;
              const r = after.replicas[job.replicaId];
              const computer = after.computers[after.dataSources[r?.dataSourceId ?? '']?.computerId ?? ''];
              if (!r || !computer?.agent || computer.dpmServerId !== null || (r.sourceServerId !== null && !r.switched))
                continue;
              expect(computer.agent.ownerId, `${job.type} ${job.id} of ${r.id} completed without the agent`).toBe(
                r.serverId,
              );
            }
          });
        }),
        RUNS,
      );
    },
  );

  it('never lets a DPM server be protected by two others (ALREADY_PROTECTED_BY_DPM, seeds 001, 004)', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          expect(analyseTopology(after).violations.filter((v) => v.code === 'ALREADY_PROTECTED_BY_DPM')).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('moves replica statuses only along the edges of the state machine, and never silently', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ before, after, events }) => {
          const trail = new Map<string, [ProtectionStatus, ProtectionStatus][]>();
          for (const e of events) {
            if (e.type !== 'replica.status') continue;
            const [from, to] = e.summary.split(' → ') as [ProtectionStatus, ProtectionStatus];
            expect(allowed(from, to), `${e.subjectId}: ${e.summary}`).toBe(true);
            trail.set(e.subjectId, [...(trail.get(e.subjectId) ?? []), [from, to]]);
          }
          for (const [id, r] of Object.entries(after.replicas)) {
            const prev = before.replicas[id];
            if (!prev) continue;
            const moves = trail.get(id) ?? [];
            const path = [prev.status, ...moves.flatMap(([from, to]) => [from, to])];
            for (let i = 1; i + 1 < path.length; i += 2) expect(path[i], `${id} chain`).toBe(path[i - 1]);
            expect(moves.length === 0 ? prev.status : moves[moves.length - 1]?.[1], id).toBe(r.status);
          }
        });
      }),
      RUNS,
    );
  });

  it(
    'never keeps more than 64 disk recovery points of file data or 512 of application data per replica ' +
      '(RETENTION_LIMITS, seed 001)',
    () => {
      fc.assert(
        fc.property(sequenceArb, (commands) => {
          play(commands, ({ after }) => {
            const counts = new Map<string, number>();
            for (const p of Object.values(after.recoveryPoints)) {
              if (p.location === 'Disk' && p.replicaId) counts.set(p.replicaId, (counts.get(p.replicaId) ?? 0) + 1);
            }
            for (const [replicaId, n] of counts) {
              const ds = after.dataSources[after.replicas[replicaId]?.dataSourceId ?? ''];
              if (!ds) continue;
              expect(n, replicaId).toBeLessThanOrEqual(maxDiskRecoveryPoints(ds.kind));
            }
          });
        }),
        RUNS,
      );
    },
  );

  it('never lays more on a disk of a storage pool than it holds', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          for (const server of Object.values(after.servers)) {
            for (const use of diskLayout(server, Object.values(after.replicas)).disks)
              expect(use.allocatedGb, use.disk.name).toBeLessThanOrEqual(use.disk.sizeGb);
          }
        });
      }),
      RUNS,
    );
  });

  it('prunes the oldest recovery point when a replica at its limit gets a new one', () => {
    const w = play([
      { kind: 'createRecoveryPoint', replicaId: 'rep-DS1-PS1-C' },
      { kind: 'createRecoveryPoint', replicaId: 'rep-DS1-PS1-SQL' },
      { kind: 'tick', minutes: 30 },
    ]);
    const of = (id: string) => Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === id);
    expect(of('rep-DS1-PS1-C')).toHaveLength(64);
    expect(of('rep-DS1-PS1-SQL')).toHaveLength(512);
    expect(w.estate.recoveryPoints['rp-rep-DS1-PS1-C-1']).toBeUndefined();
    expect(w.estate.recoveryPoints['rp-rep-DS1-PS1-C-2']).toBeDefined();
  });

  it('replays the same command sequence with the same id generator to a deep-equal estate', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        const a = play(commands);
        const b = play(commands);
        expect(b.estate).toEqual(a.estate);
        expect(b.events).toEqual(a.events);
        expect(b.now).toBe(a.now);
      }),
      RUNS,
    );
  });
});
