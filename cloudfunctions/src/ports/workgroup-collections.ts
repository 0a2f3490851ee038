import type { WorkGroupDoc } from '@linli/shared';

/**
 * 服务群众工作组: the collections of the `workgroups` function, spread into COLLECTIONS, INDEXES and
 * Documents (collections.ts, documents.ts). The group's bookings are the booking function's, of
 * the community's 服务群众工作日 service.
 */
export const WORK_GROUP_COLLECTIONS = {
  /** One per community, id `wg-<communityId>`: its members and posts, its service day, its bookable service. */
  workGroups: 'work_groups',
} as const;

export type WorkGroupDocuments = { work_groups: WorkGroupDoc };

type Name = (typeof WORK_GROUP_COLLECTIONS)[keyof typeof WORK_GROUP_COLLECTIONS] | 'requests';

export const WORK_GROUP_INDEXES: { collection: Name; name: string; fields: [string, 'asc' | 'desc'][] }[] = [
  // the district's list of its groups
  {
    collection: 'work_groups',
    name: 'work_groups_district',
    fields: [
      ['districtId', 'asc'],
      ['communityName', 'asc'],
    ],
  },
  // the problems one group collected, by month
  {
    collection: 'requests',
    name: 'requests_workgroup_created',
    fields: [
      ['workGroupId', 'asc'],
      ['createdAt', 'asc'],
    ],
  },
];
