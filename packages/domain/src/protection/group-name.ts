import type { DomainError } from '../errors';
import { refuse } from '../errors';

/** DPM's limit on a protection group's name (the wizard's field takes at most 64 characters). */
export const GROUP_NAME_MAX = 64;

/**
 * A protection group's name: not empty, at most 64 characters, and unique on its DPM server
 * whatever the case. The wizard checks it on Select Group Members; Create Group checks it again.
 */
export function checkGroupName(name: string, otherNames: readonly string[], serverName: string): DomainError | null {
  const trimmed = name.trim();
  if (trimmed === '') return refuse('INVALID_INPUT', 'Enter a name for the protection group.', 'name');
  if (trimmed.length > GROUP_NAME_MAX)
    return refuse('INVALID_INPUT', `A protection group name has at most ${GROUP_NAME_MAX} characters.`, 'name');
  if (otherNames.some((n) => n.toLowerCase() === trimmed.toLowerCase()))
    return refuse('CONFLICT', `${serverName} already has a protection group named "${trimmed}".`, 'name');
  return null;
}

/** A new group needs at least one member (Modify adds members to those it has). */
export function checkMembersChosen(count: number): DomainError | null {
  return count === 0
    ? refuse('INVALID_INPUT', 'Select at least one member for the protection group.', 'members')
    : null;
}
