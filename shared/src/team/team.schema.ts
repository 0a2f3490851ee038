import { z } from 'zod';
import { personNameSchema, phoneSchema } from '../common/fields';

/** The 三长五员 roles, in the order the seeds list them and the card shows them. */
export const TEAM_ROLES = [
  'pointLeader',
  'emergencyLeader',
  'honoraryLeader',
  'propertyManager',
  'checkpointGuard',
  'medicalPatroller',
  'policePatroller',
  'streetOfficer',
] as const;
export const teamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRoleSchema>;

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  pointLeader: '小区点长',
  emergencyLeader: '应急点长',
  honoraryLeader: '荣誉点长',
  propertyManager: '物业管理员',
  checkpointGuard: '卡口值守员',
  medicalPatroller: '医疗防疫巡查员',
  policePatroller: '社区警务巡查员',
  streetOfficer: '街道专管员',
};

/** Who fills each post, from the seed (大东区 三长五员 工作专班). Shown to staff as a hint. */
export const TEAM_ROLE_HINTS: Record<TeamRole, string> = {
  pointLeader: '1 名社区工作者，专班第一责任人，常驻小区且不能兼任',
  emergencyLeader: '市、区两级下沉干部各 1 名',
  honoraryLeader: '党支部书记、党员中心户、老党员、老劳模、老教师、楼栋长、单元长、志愿者等，可多人',
  propertyManager: '1 名物业项目负责人',
  checkpointGuard: '物业安排，每个卡口 3 至 5 名',
  medicalPatroller: '1 名医疗卫生（疫情防控）人员',
  policePatroller: '1 名公安警务人员',
  streetOfficer: '1 名街道干部',
};

const dutyHoursSchema = z.string().trim().min(1, { message: '请填写值班时间' }).max(40, { message: '值班时间最多 40 个字' });

const servicesSchema = z
  .array(z.string().trim().min(1).max(30, { message: '每项服务最多 30 个字' }))
  .max(10, { message: '服务清单最多 10 项' });

/** What staff type in for a person on the team. */
export const teamPersonSchema = z.object({
  name: personNameSchema,
  phone: phoneSchema,
  dutyHours: dutyHoursSchema,
  services: servicesSchema,
  /** e.g. 市级下沉干部, 党员中心户, 3号楼楼栋长 */
  title: z.string().trim().max(30, { message: '身份说明最多 30 个字' }).optional(),
});
export type TeamPerson = z.infer<typeof teamPersonSchema>;

export const teamMemberSchema = teamPersonSchema.extend({
  id: z.string(),
  role: teamRoleSchema,
  /** Only for 卡口值守员: which checkpoint (卡口) they guard. */
  checkpoint: z.string().optional(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** One document per compound: the whole team changes in one transaction. */
export const teamSchema = z.object({
  _id: z.string(),
  compoundId: z.string(),
  communityId: z.string(),
  members: z.array(teamMemberSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamChangeKindSchema = z.enum(['add', 'replace', 'remove']);
export type TeamChangeKind = z.infer<typeof teamChangeKindSchema>;

export const teamChangeSchema = z.object({
  _id: z.string(),
  compoundId: z.string(),
  at: z.string(),
  actor: z.object({ openid: z.string(), name: z.string() }),
  kind: teamChangeKindSchema,
  role: teamRoleSchema,
  before: teamMemberSchema.nullable(),
  after: teamMemberSchema.nullable(),
});
export type TeamChange = z.infer<typeof teamChangeSchema>;

export const missingPostSchema = z.object({
  role: teamRoleSchema,
  checkpoint: z.string().optional(),
  have: z.number().int(),
  need: z.number().int(),
});
export type MissingPost = z.infer<typeof missingPostSchema>;
