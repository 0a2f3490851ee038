import { data, WHO, type Call } from './harness';

/** 中房社区's 服务群众工作组 as the district makes it (seed 002, 南岸: every Thursday 服务群众工作日). */
export const WORK_GROUP = {
  name: '大东区服务群众工作组（中房社区）',
  members: [
    { name: '周立群', post: 'districtLeader', unit: '大东区人民政府' },
    { name: '韩明', post: 'departmentLeader', unit: '区民政局' },
    { name: '李静', post: 'streetLeader', unit: '东塔街道' },
  ],
  day: { weekday: 4, start: '09:00', end: '11:30', place: '中房社区党群服务中心' },
  seats: 2,
};

/** The district makes the group; 韩明 (WHO.groupMember) joins it with the code the district gives him. */
export async function joinWorkGroup(call: Call) {
  const made = data(await call('workgroups', 'assign', { communityId: 'c-zhongfang', group: WORK_GROUP, version: 0 }, WHO.admin));
  const invite = data(await call('identity', 'createInvite', { role: 'workGroupMember', placeId: made.group._id }, WHO.admin));
  data(await call('identity', 'redeemInvite', { code: invite.code, name: '韩明' }, WHO.groupMember));
  return made.group;
}
