import { z } from 'zod';
import { TEAM_ROLES, TEAM_ROLE_LABELS } from '../team/team.schema';
import type { PlaceKind } from '../places/place.schema';

/**
 * 议事厅 (四议一审两公开): who takes the steps of a community's decisions, scoped to the community
 * (社区/村): its 党组织书记, its 两委 (党组织 and 居（村）委会) members, its 居民（村民）代表. Party members
 * are the branch's roll (party_members), not a grant.
 */
export const DELIBERATION_ROLES = ['partySecretary', 'committeeMember', 'representative'] as const;

/** Everything a person can be granted. Team roles are scoped to a compound. */
export const ROLES = [
  'resident',
  ...TEAM_ROLES,
  ...DELIBERATION_ROLES,
  'communityStaff',
  'streetStaff',
  'admin',
  'departmentHead',
  'departmentStaff',
  'workGroupMember',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STAFF_ROLES = ['communityStaff', 'streetStaff', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A functional department's people (职能部门): scoped to their department, which serves an area. */
export const DEPARTMENT_ROLES = ['departmentHead', 'departmentStaff'] as const satisfies readonly Role[];
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];
export const isDepartmentRole = (role: Role): role is DepartmentRole => (DEPARTMENT_ROLES as readonly Role[]).includes(role);

/** What a grant is scoped to: a place of the grid, or (department roles) a department. */
export type ScopeKind = PlaceKind | 'department' | 'workGroup';

/** A member of a community's 服务群众工作组: scoped to the group, acting for its community only. */
export const isWorkGroupRole = (role: Role): role is 'workGroupMember' => role === 'workGroupMember';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  ...TEAM_ROLE_LABELS,
  partySecretary: '党组织书记',
  committeeMember: '两委委员',
  representative: '居民（村民）代表',
  communityStaff: '社区工作人员',
  streetStaff: '街道工作人员',
  admin: '区级管理员',
  departmentHead: '部门负责人',
  departmentStaff: '部门工作人员',
  workGroupMember: '服务群众工作组成员',
};

/** The kind of place each role is scoped to (a department's people: their department). */
export const ROLE_SCOPE_KIND: Record<Role, ScopeKind> = {
  resident: 'household',
  pointLeader: 'compound',
  emergencyLeader: 'compound',
  honoraryLeader: 'compound',
  propertyManager: 'compound',
  checkpointGuard: 'compound',
  medicalPatroller: 'compound',
  policePatroller: 'compound',
  streetOfficer: 'compound',
  partySecretary: 'community',
  committeeMember: 'community',
  representative: 'community',
  communityStaff: 'community',
  streetStaff: 'street',
  admin: 'district',
  departmentHead: 'department',
  departmentStaff: 'department',
  workGroupMember: 'workGroup',
};

export const grantSchema = z.object({
  role: roleSchema,
  placeId: z.string(),
  /**
   * The ancestors of placeId, copied so that scope checks need no reads. A department grant's
   * placeId is the department and its path the place that registered it: it covers no place of
   * the grid, so a department sees requests only through its dispatches.
   */
  placePath: z.array(z.string()),
  placeName: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
  /** The invitation code the role was granted through, when it was (grants made before this was kept lack it). */
  inviteCode: z.string().optional(),
});
export type Grant = z.infer<typeof grantSchema>;
