import { ROLE_SCOPE_KIND, TEAM_ROLES, type Grant, type PlaceKind, type Role } from '@linli/shared';

/**
 * The roles this person may hand out by invitation (mirrors canGrant in shared/roles):
 * community staff invite 三长五员; street staff also community staff; admins also street staff.
 */
export function grantableRoles(grants: readonly Grant[]): Role[] {
  const has = (role: Role) => grants.some((g) => g.role === role);
  const roles: Role[] = [];
  if (has('communityStaff') || has('streetStaff') || has('admin')) roles.push(...TEAM_ROLES);
  if (has('streetStaff') || has('admin')) roles.push('communityStaff');
  if (has('admin')) roles.push('streetStaff');
  return roles;
}

/** The kind of place a role's invitation names (department people are invited from their department's page). */
export const inviteTarget = (role: Role) => ROLE_SCOPE_KIND[role] as PlaceKind;
