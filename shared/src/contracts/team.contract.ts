import { z } from 'zod';
import { idSchema } from '../common/fields';
import { missingPostSchema, teamChangeSchema, teamMemberSchema, teamPersonSchema, teamRoleSchema } from '../team/team.schema';
import { posterSchema } from '../team/poster.rules';
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
   * Only for the staff who keep the card: the printed posters (张贴的联系卡) made before the team
   * last changed, by place name, so the card can say to print them again.
   */
  outdatedPosters: z.array(z.object({ placeId: z.string(), title: z.string(), generatedAt: z.string() })).optional(),
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
  /** The printed card of the compound, or of one of its buildings (`buildingId`); recorded with the team's fingerprint. */
  poster: {
    input: z.object({ ...compoundRef, buildingId: idSchema.optional() }),
    output: posterSchema,
  },
  history: {
    input: z.object({ ...compoundRef, limit: z.number().int().min(1).max(100).default(50) }),
    output: z.object({ changes: z.array(teamChangeSchema) }),
  },
});
