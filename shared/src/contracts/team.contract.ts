import { z } from 'zod';
import { idSchema } from '../common/fields';
import { missingPostSchema, teamChangeSchema, teamMemberSchema, teamPersonSchema, teamRoleSchema } from '../team/team.schema';
import { defineContract } from './define';

export const cardSchema = z.object({
  compound: z.object({
    _id: z.string(),
    name: z.string(),
    fullName: z.string(),
    address: z.string().optional(),
    communityId: z.string(),
    communityName: z.string(),
    checkpoints: z.array(z.string()),
  }),
  groups: z.array(z.object({ role: teamRoleSchema, label: z.string(), members: z.array(teamMemberSchema) })),
  missing: z.array(missingPostSchema),
  missingText: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  /**
   * The community's 服务群众工作组 (getCard only): its day, hours and place, and the service residents
   * book it through; its members (name, post, unit) only on the service day itself.
   */
  serviceDay: z
    .object({
      groupName: z.string(),
      dayText: z.string(),
      today: z.boolean(),
      nextDate: z.string(),
      serviceId: z.string(),
      members: z.array(z.object({ name: z.string(), post: z.string(), unit: z.string() })),
    })
    .optional(),
});
export type Card = z.infer<typeof cardSchema>;

const compoundRef = { compoundId: idSchema };

export const teamContract = defineContract('team', {
  getCard: { input: z.object(compoundRef), output: cardSchema },
  addMember: {
    input: z.object({
      ...compoundRef,
      role: teamRoleSchema,
      checkpoint: z.string().trim().optional(),
      person: teamPersonSchema,
    }),
    output: cardSchema,
  },
  replaceMember: {
    input: z.object({ ...compoundRef, memberId: idSchema, person: teamPersonSchema }),
    output: cardSchema,
  },
  removeMember: {
    input: z.object({ ...compoundRef, memberId: idSchema }),
    output: cardSchema,
  },
  history: {
    input: z.object({ ...compoundRef, limit: z.number().int().min(1).max(100).default(50) }),
    output: z.object({ changes: z.array(teamChangeSchema) }),
  },
});
