/**
 * What is offered is exactly what is done: for every operation of the catalogue, on every object
 * of its kind, in estates that walk the documents' procedures (the three chaining tables of seed
 * 004, the demo estate, a switch and a switch back (seeds 000, 001), a failed and rebuilt primary
 * (seed 000), a failed disk, a failed job), for every role and every intent, the operation is
 * offered (availability) if and only if its verb accepts it. "Accepts" allows a refusal of the
 * input a dialog collects (a size, a folder, a member chosen): the operation itself was possible.
 */
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../command';
import { ROLES } from '../roles';
import type { Role } from '../roles';
import { viewOf } from '../view';
import { availability, perform } from './operation';
import { OPERATIONS } from './catalogue';
import { demo } from '../fixtures/scenarios';
import { estates, targets } from './catalogue-estates';
import { accepted, example, fixExampleNow } from './catalogue-examples';

describe('the catalogue of operations', () => {
  it('lists each operation once, with a DPM name, a role and an example request', () => {
    const ids = OPERATIONS.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of OPERATIONS) {
      expect(op.name.length, op.id).toBeGreaterThan(0);
      expect(ROLES, op.id).toContain(op.role);
    }
  });

  for (const [name, world] of estates()) {
    it(`offers exactly what the verbs accept, for every role: ${name}`, () => {
      const estate = world.estate;
      fixExampleNow(world.now);
      const view = viewOf(estate);
      let checked = 0;
      const mismatches: string[] = [];
      for (const op of OPERATIONS) {
        for (const target of targets(estate, op.kind)) {
          if (op.appliesTo && !op.appliesTo(view, target as never)) continue;
          for (const role of ROLES) {
            const actor = { name: 'walker', role: role as Role };
            const offer = availability(op as never, view, target as never, actor);
            const intents = offer.intents ?? [{ intent: undefined, enabled: offer.enabled, reason: offer.reason }];
            for (const i of intents) {
              const ex = example(op.id, target as Record<string, string>, i.intent, estate);
              if (ex === null) continue;
              const ctx: Ctx = { now: world.now, newId: (p) => `${p}-walk`, actor: 'walker', role };
              const done = accepted(perform(op as never, estate, ex.cmd as never, ctx), ex.inputs);
              checked += 1;
              if (i.enabled !== done.ok) {
                mismatches.push(
                  `${op.id} ${JSON.stringify(target)}${i.intent ? ` ${i.intent}` : ''} as ${role}: offered ` +
                    `${i.enabled} (${i.reason?.code ?? 'ok'}), verb ` +
                    `${done.ok ? 'accepts' : `refuses ${done.refusal?.code}: ${done.refusal?.message}`}`,
                );
              }
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });
  }

  it('has an example for every operation (so the walk above covers the whole catalogue)', () => {
    const estate = demo();
    for (const op of OPERATIONS) {
      expect(
        () =>
          example(
            op.id,
            { serverId: 'srv-DS1', replicaId: 'rep-DS1-PS1-C', groupId: 'pg-DS1-1', computerId: 'cmp-PS1' },
            op.intents?.[0],
            estate,
          ),
        op.id,
      ).not.toThrow();
    }
  });
});
