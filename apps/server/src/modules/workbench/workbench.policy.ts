// Whose workbench the caller sees: one of the roles they hold, the broadest first unless they ask for another.
import { type RoleCode, workbenchRoleOrder } from '@wenming/contracts';
import type { Actor } from '../../platform/access';
import { fail } from '../../platform/errors';

/** The roles the actor holds, in the workbench's order (office work first, the three officers last). */
export function rolesOf(actor: Actor): RoleCode[] {
  const held = new Set(actor.grants.map((g) => g.role));
  return workbenchRoleOrder.filter((r) => held.has(r));
}

/** The role whose workbench to lay out: the requested one when held (403 otherwise), else the first held. */
export function chooseWorkbenchRole(actor: Actor, requested?: RoleCode): RoleCode {
  const roles = rolesOf(actor);
  if (requested && !roles.includes(requested)) throw fail('WORKBENCH_ROLE_NOT_HELD', { role: requested });
  const role = requested ?? roles[0];
  if (!role) throw fail('FORBIDDEN');
  return role;
}
