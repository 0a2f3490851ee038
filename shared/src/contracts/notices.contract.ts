import { z } from 'zod';
import { idSchema } from '../common/fields';
import { placeKindSchema } from '../places/place.schema';
import {
  attachmentLinkSchema,
  noticeStateSchema,
  noticeViewSchema,
  messageOutlookSchema,
  publishInputSchema,
  reachCountsSchema,
  sunshineTypeSchema,
} from '../notices/notice.schema';
import { subscribeTemplateKeySchema, subscriptionViewSchema } from '../notices/subscription.schema';
import { defineContract } from './define';

const noticeRef = z.object({ noticeId: idSchema });

const doorHeadSchema = z.object({ name: z.string(), phone: z.string(), title: z.string() });

export const unitReachSchema = reachCountsSchema.extend({ unitId: z.string(), unitName: z.string() });
export const buildingReachSchema = reachCountsSchema.extend({
  buildingId: z.string(),
  buildingName: z.string(),
  units: z.array(unitReachSchema),
});

export const reachSchema = z.object({
  notice: noticeViewSchema,
  counts: reachCountsSchema,
  buildings: z.array(buildingReachSchema),
  reminders: z.number().int(),
  lastRemindedAt: z.string().nullable(),
  /** When "remind the unread" may be pressed again. */
  remindableAt: z.string(),
  /** Outbox rows still waiting for the sender (first sends and reminders). */
  pendingDeliveries: z.number().int(),
});
export type Reach = z.infer<typeof reachSchema>;

export const doorListSchema = z.object({
  notice: noticeViewSchema,
  generatedAt: z.string(),
  /** Households still to reach; `groups` lists them unless the list was cut at `limit`. */
  total: z.number().int(),
  truncated: z.boolean(),
  groups: z.array(
    z.object({
      buildingId: z.string(),
      buildingName: z.string(),
      compoundName: z.string(),
      head: doorHeadSchema.nullable(),
      count: z.number().int(),
      units: z.array(
        z.object({
          unitId: z.string(),
          unitName: z.string(),
          head: doorHeadSchema.nullable(),
          households: z.array(z.object({ householdId: z.string(), name: z.string(), members: z.number().int() })),
        }),
      ),
    }),
  ),
  /** The same households split by 联户党员 (十户联保): each knocks on their own; `unassigned` have none. */
  byPartyMember: z.array(
    z.object({
      openid: z.string(),
      name: z.string(),
      phone: z.string(),
      count: z.number().int(),
      households: z.array(z.object({ householdId: z.string(), name: z.string() })),
    }),
  ),
  unassigned: z.number().int(),
});
export type DoorList = z.infer<typeof doorListSchema>;

export const feedItemSchema = noticeViewSchema.omit({ body: true }).extend({
  excerpt: z.string(),
  read: z.boolean(),
  acked: z.boolean(),
});
export type FeedItem = z.infer<typeof feedItemSchema>;

export const openedNoticeSchema = z.object({
  notice: noticeViewSchema,
  links: z.array(attachmentLinkSchema),
  read: z.boolean(),
  acked: z.boolean(),
  readAt: z.string().nullable(),
  ackedAt: z.string().nullable(),
});
export type OpenedNotice = z.infer<typeof openedNoticeSchema>;

export const managedNoticeSchema = noticeViewSchema.omit({ body: true }).extend({ counts: reachCountsSchema });
export type ManagedNotice = z.infer<typeof managedNoticeSchema>;

export const deliverReportSchema = z.object({
  claimed: z.number().int(),
  sent: z.number().int(),
  noGrant: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  deferred: z.number().int(),
  /** Rows a crashed run left mid-send, closed as unknown (never re-sent). */
  recoveredUnknown: z.number().int(),
  rateLimited: z.number().int(),
  stoppedBy: z.enum(['drained', 'budget']),
});
export type DeliverReport = z.infer<typeof deliverReportSchema>;

const subscriptionsOutput = z.object({ items: z.array(subscriptionViewSchema) });

export const noticesContract = defineContract('notices', {
  // ── publishers: point leaders, community and street staff ──
  /** Where the caller may publish, and whether they may publish 阳光三务. */
  scopes: {
    input: z.object({}).default({}),
    output: z.object({
      places: z.array(
        z.object({ _id: z.string(), kind: placeKindSchema, name: z.string(), fullName: z.string(), parentId: z.string().nullable() }),
      ),
      canSunshine: z.boolean(),
    }),
  },
  publish: {
    input: publishInputSchema,
    output: z.object({ notice: noticeViewSchema, counts: reachCountsSchema, messages: messageOutlookSchema }),
  },
  /** Notices in the caller's scope, newest first, with their counters. */
  listMine: {
    input: z.object({ limit: z.number().int().min(1).max(100).default(30) }).default({ limit: 30 }),
    output: z.object({ notices: z.array(managedNoticeSchema) }),
  },
  reach: { input: noticeRef, output: reachSchema },
  remind: {
    input: noticeRef,
    output: z.object({ queued: z.number().int(), remindableAt: z.string(), messages: messageOutlookSchema }),
  },
  doorList: {
    input: noticeRef.extend({ limit: z.number().int().min(1).max(10_000).default(5000) }),
    output: doorListSchema,
  },
  withdraw: { input: noticeRef, output: z.object({ notice: noticeViewSchema, cancelled: z.number().int() }) },

  // ── residents ──
  feed: {
    input: z.object({}).default({}),
    output: z.object({
      household: z.object({ _id: z.string(), fullName: z.string(), communityId: z.string().nullable() }).nullable(),
      items: z.array(feedItemSchema),
      unread: z.number().int(),
    }),
  },
  unreadCount: { input: z.object({}).default({}), output: z.object({ unread: z.number().int() }) },
  /** Opening a notice marks it read for the resident and their household. */
  open: { input: noticeRef, output: openedNoticeSchema },
  acknowledge: { input: noticeRef, output: openedNoticeSchema },

  // ── the public 阳光三务 archive ──
  archive: {
    input: z.object({
      communityId: idSchema,
      /** YYYY-MM; absent means the latest month that has anything. */
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 2026-11' })
        .optional(),
      type: sunshineTypeSchema.optional(),
    }),
    output: z.object({
      community: z.object({ _id: z.string(), name: z.string() }),
      months: z.array(z.string()),
      month: z.string().nullable(),
      items: z.array(
        z.object({
          noticeId: z.string(),
          title: z.string(),
          sunshineType: sunshineTypeSchema,
          publishAt: z.string(),
          publisherLabel: z.string(),
          state: noticeStateSchema,
        }),
      ),
    }),
  },
  archiveNotice: { input: noticeRef, output: z.object({ notice: noticeViewSchema, links: z.array(attachmentLinkSchema) }) },

  // ── subscribe-message grants (一次性订阅) ──
  subscriptions: { input: z.object({}).default({}), output: subscriptionsOutput },
  /** Records what the resident accepted in WeChat's subscribe dialog (one more message each). */
  recordSubscriptions: {
    input: z.object({ accepted: z.array(subscribeTemplateKeySchema).max(3) }),
    output: subscriptionsOutput,
  },
  setSubscription: {
    input: z.object({ template: subscribeTemplateKeySchema, off: z.boolean() }),
    output: subscriptionsOutput,
  },

  // ── the platform's timer ──
  /** Sends due outbox rows as subscribe messages. */
  deliver: { input: z.object({}).default({}), output: deliverReportSchema },
});
