import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface AddDisk {
  serverId: string;
  sizeGb: number;
}

/** Management › Disks › Add disk: a disk added to the storage pool increases its capacity. */
/** Add disk: to the storage pool of an online server. */
export function whyNotAddDisk(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : null;
}

export function addDisk(slice: Estate, cmd: AddDisk, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  if (!Number.isInteger(cmd.sizeGb) || cmd.sizeGb < 1 || cmd.sizeGb > 262_144)
    return refuse('INVALID_INPUT', 'A disk has 1 to 262,144 GB.', 'sizeGb');
  const n = Math.max(0, ...server.disks.map((d) => Number(/^Disk (\d+)$/.exec(d.name)?.[1] ?? 0))) + 1;
  const disk = { id: ctx.newId('disk'), name: `Disk ${n}`, sizeGb: cmd.sizeGb, missing: false };
  draft.update('servers', server.id, { disks: [...server.disks, disk] });
  draft.emit({
    type: 'server.disk-added',
    serverId: server.id,
    subjectId: server.id,
    summary: `Added ${disk.name} (${cmd.sizeGb} GB) to the storage pool of ${server.name}`,
  });
  return draft.outcome();
}

export const addDiskOperation = defineOperation<'server', AddDisk>({
  id: 'disks.add',
  name: 'Add disk',
  kind: 'server',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotAddDisk,
  run: addDisk,
});
