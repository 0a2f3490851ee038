import { z } from 'zod';
import { personNameSchema } from '../common/fields';
import { minutesOfDay, timeOfDaySchema, WEEKDAY_LABELS } from '../booking/schedule.schema';

/**
 * 服务群众工作组 (seed 002, 重庆南岸): the district assigns one working group to each community
 * (定点联系服务一个村（社区）), made of a serving district leader, a leader of a district department,
 * a leader of the street and street and community cadres. Every week on the community's
 * 服务群众工作日 (in 南岸 every Thursday) the group comes to 调查研究、接访群众、解疑释惑.
 */
export const WORK_GROUP_POSTS = ['districtLeader', 'departmentLeader', 'streetLeader', 'streetCadre', 'communityCadre'] as const;
export const workGroupPostSchema = z.enum(WORK_GROUP_POSTS, { message: '请选择成员职务' });
export type WorkGroupPost = z.infer<typeof workGroupPostSchema>;
export const WORK_GROUP_POST_LABELS: Record<WorkGroupPost, string> = {
  districtLeader: '区级领导',
  departmentLeader: '区级部门领导',
  streetLeader: '街道领导',
  streetCadre: '街道干部',
  communityCadre: '社区干部',
};
/** The posts a group is made of by the seed's rule (一名区级领导、一名区级部门领导班子成员、一名镇街领导班子成员). */
export const WORK_GROUP_REQUIRED_POSTS: readonly WorkGroupPost[] = ['districtLeader', 'departmentLeader', 'streetLeader'];

export const workGroupMemberSchema = z.object({
  name: personNameSchema,
  post: workGroupPostSchema,
  /** Where they work, e.g. 区民政局; shown on the card. */
  unit: z.string().trim().min(2, { message: '请写成员的单位，如“区民政局”' }).max(30, { message: '单位最多 30 个字' }),
});
export type WorkGroupMember = z.infer<typeof workGroupMemberSchema>;

/** The service day: a weekday, its hours and where the group receives residents. */
export const serviceDaySchema = z
  .object({
    weekday: z.number().int().min(1, { message: '请选择星期几' }).max(7, { message: '请选择星期几' }),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
    place: z.string().trim().min(2, { message: '请写接访地点，如“社区党群服务中心二楼”' }).max(40, { message: '地点最多 40 个字' }),
  })
  .refine((d) => minutesOfDay(d.end) - minutesOfDay(d.start) >= 30, { message: '接访时间至少要 30 分钟', path: ['end'] });
export type ServiceDay = z.infer<typeof serviceDaySchema>;

export const workGroupInputSchema = z.object({
  name: z.string().trim().min(2, { message: '请写工作组名称' }).max(30, { message: '工作组名称最多 30 个字' }),
  members: z.array(workGroupMemberSchema).min(1, { message: '请至少添加一位成员' }).max(12, { message: '工作组成员最多 12 人' }),
  day: serviceDaySchema,
  /** Residents received per half hour on the day. */
  seats: z.number().int().min(1, { message: '每个时段至少接待 1 人' }).max(20, { message: '每个时段最多接待 20 人' }).default(3),
});
export type WorkGroupInput = z.infer<typeof workGroupInputSchema>;

/** One per community: its id is workGroupIdOf(communityId), and its people are invited on it. */
export const workGroupDocSchema = workGroupInputSchema.extend({
  _id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  /** The community's path (district, street) and the community: scope without a read. */
  placePath: z.array(z.string()),
  districtId: z.string(),
  /** The bookable service of the community's catalogue (服务群众工作日) residents book the group through. */
  serviceId: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type WorkGroupDoc = z.infer<typeof workGroupDocSchema>;

export const workGroupIdOf = (communityId: string) => `wg-${communityId}`;
export const serviceDayServiceIdOf = (communityId: string) => `svc-wg-${communityId}`;
export const weekdayLabel = (weekday: number) => WEEKDAY_LABELS[weekday] ?? '';
