/**
 * The console's roles, lowest first. Every operation of the catalogue names the role it needs
 * (operations/catalogue.ts); the server authorizes by it and the console disables by it.
 * - Reader: views and reports.
 * - Operator: jobs, consistency checks, recovery points, inventories, recovery to an alternate
 *   location, alerts.
 * - Administrator: everything, among it protection changes, Switch Disaster Protection, the
 *   DPMDB restore, agents, tapes erased, the estate and the users.
 */
export const ROLES = ['Reader', 'Operator', 'Administrator'] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The sentence of a refusal for want of a role. */
export function roleRefusal(needed: Role, actor: { name: string; role: Role }): string {
  return (
    `This needs the ${needed} role; ${actor.name} is ` +
    `${actor.role === 'Operator' || actor.role === 'Administrator' ? 'an' : 'a'} ${actor.role}.`
  );
}
