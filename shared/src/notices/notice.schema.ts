import { z } from 'zod';
import { idempotencyKeySchema } from '../common/idempotency';
import { placeKindSchema } from '../places/place.schema';

/** 通知, 紧急, 停水停电, 活动, 阳光三务: what residents see on each notice's label. */
export const NOTICE_CATEGORIES = ['notice', 'urgent', 'outage', 'activity', 'sunshine'] as const;
export const noticeCategorySchema = z.enum(NOTICE_CATEGORIES, { message: '请选择通知类别' });
export type NoticeCategory = z.infer<typeof noticeCategorySchema>;

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  notice: '通知',
  urgent: '紧急',
  outage: '停水停电',
  activity: '活动',
  sunshine: '阳光三务',
};

/** 阳光三务: the three kinds of public disclosure (党务、村务、财务公开). */
export const SUNSHINE_TYPES = ['party', 'affairs', 'finance'] as const;
export const sunshineTypeSchema = z.enum(SUNSHINE_TYPES, { message: '请选择公开类型：党务、村务或财务' });
export type SunshineType = z.infer<typeof sunshineTypeSchema>;

export const SUNSHINE_TYPE_LABELS: Record<SunshineType, string> = {
  party: '党务',
  affairs: '村务',
  finance: '财务',
};

export const ATTACHMENT_KINDS = ['image', 'pdf'] as const;
export const attachmentSchema = z.object({
  /** A cloud file id (cloud://…) in WeChat, or the local host's upload id. */
  fileId: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1, { message: '附件需要一个名字' }).max(60, { message: '附件名最多 60 个字' }),
  kind: z.enum(ATTACHMENT_KINDS),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * An attachment as a viewer sees it. `pending`: an image still waiting for WeChat's image check,
 * shown only to its publisher (residents see it once it passes).
 */
export const attachmentViewSchema = attachmentSchema.extend({ pending: z.literal(true).optional() });
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** An attachment with a link the app can open (a temporary link in production, /dev/files/… locally). */
export const attachmentLinkSchema = attachmentViewSchema.extend({ url: z.string().nullable() });
export type AttachmentLink = z.infer<typeof attachmentLinkSchema>;

/** What each attachment kind may be. */
export const ATTACHMENT_CONTENT_TYPES: Record<(typeof ATTACHMENT_KINDS)[number], readonly string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  pdf: ['application/pdf'],
};

export const MAX_ATTACHMENTS = 9;
export const MAX_TARGETS = 20;
export const TITLE_MAX = 40;
export const BODY_MAX = 2000;

/** Client-made idempotency key: a retried publish finds the notice it already made. */

export const publishInputSchema = z
  .object({
    requestKey: idempotencyKeySchema,
    title: z
      .string()
      .trim()
      .min(1, { message: '请填写标题' })
      .max(TITLE_MAX, { message: `标题最多 ${TITLE_MAX} 个字` }),
    body: z
      .string()
      .trim()
      .min(1, { message: '请填写通知内容' })
      .max(BODY_MAX, { message: `通知内容最多 ${BODY_MAX} 个字` }),
    category: noticeCategorySchema,
    sunshineType: sunshineTypeSchema.optional(),
    /** Compounds, buildings, a community or a street: whatever the publisher's scope allows. */
    targetIds: z
      .array(z.string().trim().min(1))
      .min(1, { message: '请选择发给哪里' })
      .max(MAX_TARGETS, { message: `一次最多选 ${MAX_TARGETS} 个地方` }),
    needsAck: z.boolean().default(false),
    pinned: z.boolean().default(false),
    /** ISO instant; absent means now. */
    publishAt: z.string().datetime({ offset: true, message: '发布时间格式不对' }).optional(),
    /** ISO instant; absent means the category's default. */
    expiresAt: z.string().datetime({ offset: true, message: '截止时间格式不对' }).optional(),
    attachments: z
      .array(attachmentSchema)
      .max(MAX_ATTACHMENTS, { message: `附件最多 ${MAX_ATTACHMENTS} 个` })
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.category === 'sunshine' && !v.sunshineType)
      ctx.addIssue({ code: 'custom', path: ['sunshineType'], message: '阳光三务请选择公开类型：党务、村务或财务' });
    if (v.category !== 'sunshine' && v.sunshineType)
      ctx.addIssue({ code: 'custom', path: ['sunshineType'], message: '只有阳光三务需要选择公开类型' });
  });
export type PublishInput = z.infer<typeof publishInputSchema>;

export const noticeTargetSchema = z.object({ placeId: z.string(), kind: placeKindSchema, name: z.string() });
export type NoticeTarget = z.infer<typeof noticeTargetSchema>;

export const NOTICE_STATUSES = ['preparing', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** What a notice is right now, from its status and the clock. */
export const NOTICE_STATES = ['preparing', 'scheduled', 'live', 'expired', 'withdrawn'] as const;
export const noticeStateSchema = z.enum(NOTICE_STATES);
export type NoticeState = z.infer<typeof noticeStateSchema>;

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  preparing: '正在发布',
  scheduled: '定时发布',
  live: '发布中',
  expired: '已截止',
  withdrawn: '已撤回',
};

/** Counters kept with `inc` as people read and acknowledge, so reach needs no scan. */
export const reachCountsSchema = z.object({
  /** Households in the target, with or without anyone registered. */
  households: z.number().int(),
  /** Households where nobody has bound the mini-program: only a door knock reaches them. */
  householdsUnregistered: z.number().int(),
  /** Registered residents the notice was meant for. */
  recipients: z.number().int(),
  /** Residents a WeChat message reached (at least once). */
  delivered: z.number().int(),
  /** Residents WeChat could not message: no subscription left, or they turned it off. */
  noGrant: z.number().int(),
  read: z.number().int(),
  acked: z.number().int(),
  householdsRead: z.number().int(),
  householdsAcked: z.number().int(),
});
export type ReachCounts = z.infer<typeof reachCountsSchema>;

/** What a publisher is told about WeChat messages right after publishing, from the recipients' grants. */
export const messageOutlookSchema = z.object({
  /** Registered residents the notice is for (one outbox row each). */
  recipients: z.number().int(),
  /** Of them, those who allowed 社区通知 messages and have one left: a WeChat message will reach them. */
  willReceive: z.number().int(),
  /** Those who allowed none, used them up or switched them off: only the 通知 tab (or a knock) reaches them. */
  noGrant: z.number().int(),
});
export type MessageOutlook = z.infer<typeof messageOutlookSchema>;

export const emptyReachCounts = (): ReachCounts => ({
  households: 0,
  householdsUnregistered: 0,
  recipients: 0,
  delivered: 0,
  noGrant: 0,
  read: 0,
  acked: 0,
  householdsRead: 0,
  householdsAcked: 0,
});

/** A notice as every client sees it (no openids). */
export const noticeViewSchema = z.object({
  _id: z.string(),
  title: z.string(),
  body: z.string(),
  category: noticeCategorySchema,
  sunshineType: sunshineTypeSchema.nullable(),
  needsAck: z.boolean(),
  pinned: z.boolean(),
  attachments: z.array(attachmentViewSchema),
  /** For its publisher only: images taken out because they failed (or could not pass) the image check. */
  imagesRemoved: z.number().int().positive().optional(),
  targets: z.array(noticeTargetSchema),
  /** e.g. 新光花园 小区点长 孙丽华 */
  publisherLabel: z.string(),
  publishAt: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  state: noticeStateSchema,
});
export type NoticeView = z.infer<typeof noticeViewSchema>;

/** Outbox row states. `unknown`: the sender stopped mid-send; never re-sent, so nobody gets it twice. */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'noGrant', 'failed', 'unknown', 'cancelled', 'late'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
