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
export const ROLES = ['resident', ...TEAM_ROLES, ...DELIBERATION_ROLES, 'communityStaff', 'streetStaff', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STAFF_ROLES = ['communityStaff', 'streetStaff', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  ...TEAM_ROLE_LABELS,
  partySecretary: '党组织书记',
  committeeMember: '两委委员',
  representative: '居民（村民）代表',
  communityStaff: '社区工作人员',
  streetStaff: '街道工作人员',
  admin: '区级管理员',
};

/** The kind of place each role is scoped to. */
export const ROLE_SCOPE_KIND: Record<Role, PlaceKind> = {
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
};

export const grantSchema = z.object({
  role: roleSchema,
  placeId: z.string(),
  /** The ancestors of placeId, copied so that scope checks need no reads. */
  placePath: z.array(z.string()),
  placeName: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;
