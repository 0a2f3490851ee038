import { kindDepth } from '../places/place.rules';
import type { Place } from '../places/place.schema';
import { TEAM_ROLES } from '../team/team.schema';
import {
  DELIBERATION_ROLES,
  isDepartmentRole,
  ROLE_SCOPE_KIND,
  type Grant,
  type Role,
  type ScopeKind,
  type StaffRole,
} from './role.schema';

const isTeamRole = (role: Role) => (TEAM_ROLES as readonly string[]).includes(role);

/** True when a grant's scope covers the place: the place is the grant's place or below it. */
export function grantCovers(grant: Pick<Grant, 'placeId'>, place: Pick<Place, '_id' | 'path'>): boolean {
  return place._id === grant.placeId || place.path.includes(grant.placeId);
}

export function hasStaffScope(
  grants: readonly Grant[],
  place: Pick<Place, '_id' | 'path'>,
  roles: readonly StaffRole[] = ['communityStaff', 'streetStaff', 'admin'],
): boolean {
  return grants.some((g) => (roles as readonly string[]).includes(g.role) && grantCovers(g, place));
}

/** Any 三长五员 role on this compound. */
export function hasTeamRoleIn(grants: readonly Grant[], compoundId: string): boolean {
  return grants.some((g) => isTeamRole(g.role) && g.placeId === compoundId);
}

/**
 * Who may grant a role by invitation, and where:
 * - admin: any role anywhere in their district;
 * - street staff: community staff, 三长五员, a community's 党组织书记 and 两委委员 within their street;
 * - community staff: 三长五员 and 居民代表 within their community;
 * - a department's people are invited by the admin or the street that registered it, and its
 *   staff also by its head (the target is then the department, its path the registering place).
 * Residents are never invited: they bind to a household and staff approve.
 */
export function canGrant(grants: readonly Grant[], role: Role, place: Pick<Place, '_id' | 'path'> & { kind: ScopeKind }): boolean {
  if (role === 'resident') return false;
  if (ROLE_SCOPE_KIND[role] !== place.kind) return false;
  return grants.some((g) => {
    if (!grantCovers(g, place)) return false;
    if (g.role === 'admin') return true;
    if (g.role === 'departmentHead') return role === 'departmentStaff' && g.placeId === place._id;
    if (g.role === 'streetStaff')
      return (
        role === 'communityStaff' || role === 'partySecretary' || role === 'committeeMember' || isTeamRole(role) || isDepartmentRole(role)
      );
    if (g.role === 'communityStaff') return isTeamRole(role) || role === 'representative';
    return false;
  });
}

/** The highest level a person acts at, for the app to pick its home view. */
export function topRole(grants: readonly Grant[]): Role | null {
  const order: Role[] = ['admin', 'streetStaff', 'communityStaff', ...TEAM_ROLES, ...DELIBERATION_ROLES, 'resident'];
  for (const role of order) if (grants.some((g) => g.role === role)) return role;
  return null;
}

export const scopeDepth = (role: Role) => {
  const kind = ROLE_SCOPE_KIND[role];
  return kind === 'department' || kind === 'workGroup' ? -1 : kindDepth(kind);
};

/** The departments the person works in (head or staff). */
export const departmentIdsOf = (grants: readonly Grant[]): string[] => [
  ...new Set(grants.filter((g) => isDepartmentRole(g.role)).map((g) => g.placeId)),
];
