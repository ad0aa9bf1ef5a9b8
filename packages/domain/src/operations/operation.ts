import type { CommandResult, Ctx } from '../command';
import type { DomainError } from '../errors';
import { refuse } from '../errors';
import type { Estate } from '../model';
import type { Role } from '../roles';
import { roleAllows, roleRefusal } from '../roles';
import type { View } from '../view';

/** The kinds of object an operation applies to: what a list row, a tree node or a pane shows. */
export type ObjectKind =
  | 'member'
  | 'group'
  | 'alert'
  | 'job'
  | 'agent'
  | 'library'
  | 'tape'
  | 'disk'
  | 'server'
  | 'estate'
  | 'computer'
  | 'recoveryPoint';

/**
 * How each kind of object is named in a request. Every object but those of the estate itself is
 * named under the DPM server whose view it belongs to: the precondition refuses an object of
 * another server as not found, so scoping by DPM server happens here and nowhere else.
 */
export interface Targets {
  member: { serverId: string; replicaId: string };
  group: { serverId: string; groupId: string };
  alert: { serverId: string; alertId: string };
  job: { serverId: string; jobId: string };
  agent: { serverId: string; computerId: string };
  library: { serverId: string; libraryId: string };
  tape: { serverId: string; tapeId: string };
  disk: { serverId: string; diskId: string };
  server: { serverId: string };
  estate: Record<string, never>;
  computer: { computerId: string };
  recoveryPoint: { serverId: string; recoveryPointId: string };
}

export type WorkArea = 'Monitoring' | 'Protection' | 'Recovery' | 'Reporting' | 'Management' | 'DPM servers' | 'Estate';

export interface Actor {
  name: string;
  role: Role;
}

/**
 * One DPM operation: the words on its control in DPM's console, the kind of object it applies
 * to, the role it needs, and its precondition. `whyNot` is pure and is what the verb itself checks
 * before it changes anything, so what the console offers and what the server does can't drift.
 * An operation with `intents` (Switch Disaster Protection: to the secondary or back; a recovery
 * type) is checked per intent: a request states the one the administrator chose.
 */
export interface Operation<K extends ObjectKind = ObjectKind, C = never, I extends string = string> {
  /** Stable identifier: the audit trail's action name and the console's key. */
  readonly id: string;
  readonly name: string;
  readonly kind: K;
  readonly role: Role;
  /** The work area whose controls offer it: a member's menu shows its Protection operations. */
  readonly area: WorkArea;
  readonly intents?: readonly I[];
  // Methods rather than function properties, so that the catalogue can list operations of every
  // kind and command side by side (their parameters are compared bivariantly).
  /** The intents that apply to this object (a data source's recovery types); all of them when absent. */
  intentsFor?(view: View, target: Targets[K]): readonly I[];
  /** Whether DPM shows the operation for this object at all; when not, it is not listed. */
  appliesTo?(view: View, target: Targets[K]): boolean;
  whyNot(view: View, target: Targets[K], actor: Actor, intent?: I): DomainError | null;
  /** The verb (a read for an operation that only shows something, such as View tape contents). */
  run(slice: Estate, cmd: C, ctx: Ctx): CommandResult;
}

/** Any operation of the catalogue, whatever its command. */
export type AnyOperation = Operation<ObjectKind, never, string>;

export function defineOperation<K extends ObjectKind, C, I extends string = never>(
  op: Operation<K, C, I>,
): Operation<K, C, I> {
  return op;
}

/** Who a command acts as: the role from its context; DPM's own work (the clock) as an administrator. */
export function actorOf(ctx: Pick<Ctx, 'actor' | 'role'>): Actor {
  return { name: ctx.actor, role: ctx.role ?? 'Administrator' };
}

/** A refusal for want of a role, or null. */
export function roleCheck(op: Pick<AnyOperation, 'role'>, actor: Actor): DomainError | null {
  return roleAllows(actor.role, op.role) ? null : refuse('FORBIDDEN', roleRefusal(op.role, actor));
}

/**
 * Runs an operation's verb as the actor of `ctx`: refused for want of the role first, then the
 * verb decides (its precondition included). The BFF runs every command through here.
 */
export function perform<C>(op: Operation<ObjectKind, C, string>, slice: Estate, cmd: C, ctx: Ctx): CommandResult {
  return roleCheck(op, actorOf(ctx)) ?? op.run(slice, cmd, ctx);
}

/** A refusal as a list shows it: its rule code and sentence. */
export interface Reason {
  code: string;
  message: string;
}

/** One operation of an object as a list offers it: enabled, or disabled with the reason. */
export interface Availability {
  id: string;
  name: string;
  area: WorkArea;
  enabled: boolean;
  reason: Reason | null;
  /** Per intent, for an operation that has them: the one(s) that can be chosen now. */
  intents?: { intent: string; enabled: boolean; reason: Reason | null }[];
}

const reasonOf = (e: DomainError | null): Reason | null => (e === null ? null : { code: e.code, message: e.message });

/** Whether an operation is offered for a target, by role and precondition (per intent where it has them). */
export function availability<K extends ObjectKind>(
  op: Operation<K, never, string>,
  view: View,
  target: Targets[K],
  actor: Actor,
): Availability {
  const role = roleCheck(op, actor);
  if (!op.intents) {
    const why = role ?? op.whyNot(view, target, actor);
    return { id: op.id, name: op.name, area: op.area, enabled: why === null, reason: reasonOf(why) };
  }
  const intents = (op.intentsFor?.(view, target) ?? op.intents).map((intent) => {
    const why = role ?? op.whyNot(view, target, actor, intent);
    return { intent, enabled: why === null, reason: reasonOf(why) };
  });
  const first = intents.find((i) => i.enabled) ?? intents[0];
  return {
    id: op.id,
    name: op.name,
    area: op.area,
    enabled: first?.enabled ?? false,
    reason: first?.enabled ? null : (first?.reason ?? null),
    intents,
  };
}
