import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Computer, Estate } from '../model';
import { refuse } from '../errors';
import type { DomainError } from '../errors';
import type { View } from '../view';
import { defineOperation } from '../operations/operation';

export interface AddComputer {
  name: string;
  fqdn: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;

/** The domain of an FQDN (what follows the host name). */
export function domainOf(fqdn: string): string {
  return fqdn.split('.').slice(1).join('.');
}

/** Checks a new computer's NetBIOS name and FQDN against the estate; null when they are fine. */
export function newComputerProblem(draft: View, name: string, fqdn: string) {
  if (!NAME.test(name))
    return refuse('INVALID_INPUT', 'A computer name has 1 to 15 letters, digits and hyphens.', 'name');
  const lower = fqdn.toLowerCase();
  if (!lower.startsWith(`${name.toLowerCase()}.`) || domainOf(lower) === '')
    return refuse('INVALID_INPUT', `The FQDN must be ${name.toLowerCase()}.<domain>.`, 'fqdn');
  if (
    draft.all('computers').some((c) => c.name.toLowerCase() === name.toLowerCase() || c.fqdn.toLowerCase() === lower)
  ) {
    return refuse('CONFLICT', `A computer named ${name} is already in the estate.`, 'name');
  }
  return null;
}

/** A computer record without an agent, trusted by no DPM server yet. */
export function newComputer(id: string, name: string, fqdn: string): Computer {
  return {
    id,
    name,
    fqdn: fqdn.toLowerCase(),
    domain: domainOf(fqdn.toLowerCase()),
    dpmServerId: null,
    agent: null,
    security: {
      distributedComUsers: [],
      dpmRadComTrustedMachines: [],
      dpmRadmTrustedMachines: [],
      dcomLaunchActivation: [],
    },
  };
}

/**
 * Estate › Add computer: the simulated domain gets a server (volumes C:\ and D:\) that a DPM
 * server can then install an agent on.
 */
export function addComputer(slice: Estate, cmd: AddComputer, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const name = cmd.name.trim().toUpperCase();
  const problem = newComputerProblem(draft, name, cmd.fqdn.trim());
  if (problem) return problem;
  const computer = draft.put('computers', newComputer(ctx.newId('cmp'), name, cmd.fqdn.trim()));
  draft.put('dataSources', { id: ctx.newId('ds'), computerId: computer.id, kind: 'Volume', name: 'C:\\', sizeGb: 60 });
  draft.put('dataSources', { id: ctx.newId('ds'), computerId: computer.id, kind: 'Volume', name: 'D:\\', sizeGb: 100 });
  draft.emit({
    type: 'estate.computer-added',
    serverId: null,
    subjectId: computer.id,
    summary: `Added the computer ${name}`,
  });
  return draft.outcome();
}

/** The estate always takes new computers and DPM servers; their names decide (newComputerProblem). */
export const whyNotAddToEstate = (): DomainError | null => null;

export const addComputerOperation = defineOperation<'estate', AddComputer>({
  id: 'estate.add-computer',
  name: 'Add computer',
  kind: 'estate',
  area: 'Estate',
  role: 'Administrator',
  whyNot: whyNotAddToEstate,
  run: addComputer,
});
