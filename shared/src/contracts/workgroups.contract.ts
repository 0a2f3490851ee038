import { z } from 'zod';
import { idSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';
import { descriptionSchema, photoIdsSchema, requestCategorySchema, requestStatusSchema } from '../requests/request.schema';
import { workGroupDocSchema, workGroupInputSchema } from '../workgroups/work-group.schema';
import { defineContract } from './define';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份要写成 2026-11 这样的格式' });

export const workGroupViewSchema = workGroupDocSchema.omit({ updatedBy: true }).extend({
  /** The posts the seed's rule asks for that it lacks ('' when complete). */
  missingText: z.string(),
  /** The next service day (Shanghai date), today when today is the day. */
  nextDate: z.string(),
  today: z.boolean(),
});
export type WorkGroupView = z.infer<typeof workGroupViewSchema>;

const collectedSchema = z.object({
  _id: z.string(),
  compoundName: z.string(),
  description: z.string(),
  status: requestStatusSchema,
  createdAt: z.string(),
  collectedBy: z.string(),
  dispatched: z.boolean(),
});

export const workGroupsContract = defineContract('workgroups', {
  /** The district assigns (or changes) a community's 服务群众工作组: members and posts, the service day, bookable slots. */
  assign: {
    input: z.object({ communityId: idSchema, group: workGroupInputSchema, version: z.number().int().min(0) }),
    output: z.object({ group: workGroupViewSchema }),
  },
  /** The district's communities, each with its group (or none yet). */
  list: {
    input: z.object({ districtId: idSchema }),
    output: z.object({
      communities: z.array(z.object({ communityId: z.string(), fullName: z.string(), group: workGroupViewSchema.nullable() })),
    }),
  },
  /** One community's group (null when the district has not assigned one). */
  get: { input: z.object({ communityId: idSchema }), output: z.object({ group: workGroupViewSchema.nullable() }) },
  /** The groups the caller is a member of. */
  mine: { input: z.object({}).default({}), output: z.object({ groups: z.array(workGroupViewSchema) }) },
  /** 工作组收集: a member records a problem the group collected; it enters the request flow, the member its owner. */
  collect: {
    input: z.object({
      key: idempotencyKeySchema,
      groupId: idSchema,
      compoundId: idSchema,
      category: requestCategorySchema,
      description: descriptionSchema,
      spot: z.string().trim().min(2, { message: '请写清楚问题在哪里，如“花园一村人行道”' }).max(40, { message: '位置最多 40 个字' }),
      photos: photoIdsSchema,
      emergency: z.boolean().default(false),
    }),
    output: z.object({ requestId: z.string(), created: z.boolean() }),
  },
  /** The community's month with its group: visits (service days held, bookings attended), problems collected, dispatched, solved. */
  figures: {
    input: z.object({ communityId: idSchema, month: monthSchema }),
    output: z.object({
      group: workGroupViewSchema,
      month: z.string(),
      daysHeld: z.number().int(),
      bookingsAttended: z.number().int(),
      bookingsMade: z.number().int(),
      collected: z.number().int(),
      dispatched: z.number().int(),
      solved: z.number().int(),
      problems: z.array(collectedSchema),
    }),
  },
});
export type WorkGroupsContract = typeof workGroupsContract;
