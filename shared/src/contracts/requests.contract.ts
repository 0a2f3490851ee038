import { z } from 'zod';
import { idSchema } from '../common/fields';
import { placeKindSchema } from '../places/place.schema';
import { figureSeriesSchema, figuresSchema, periodSchema } from '../requests/figures.rules';
import {
  descriptionSchema,
  deadlineTierSchema,
  handlerSchema,
  photoIdsSchema,
  ratingSchema,
  requestCategorySchema,
  requestEventSchema,
  requestLocationInputSchema,
  requestStatusSchema,
  REQUEST_STEPS,
  satisfactionSchema,
  triageTrackSchema,
} from '../requests/request.schema';
import { idempotencyKeySchema } from '../common/idempotency';
import { defineContract } from './define';
import { onBehalfOfSchema } from '../ledger/proxy';

const requestRef = { requestId: idSchema };

/** A request as lists show it. */
export const requestSummarySchema = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  category: requestCategorySchema,
  categoryLabel: z.string(),
  description: z.string(),
  photos: z.array(z.string()),
  locationText: z.string(),
  emergency: z.boolean(),
  status: requestStatusSchema,
  statusLabel: z.string(),
  step: z.union([z.enum(REQUEST_STEPS), z.literal('done')]),
  holder: z.string(),
  tier: deadlineTierSchema,
  track: triageTrackSchema.optional(),
  /** Where the district's rules send this category by default. */
  suggestedTrack: triageTrackSchema.optional(),
  handlerName: z.string().optional(),
  deadlineAt: z.string().optional(),
  deadlineText: z.string().optional(),
  deadlineEstimated: z.boolean(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  escalationLabel: z.string(),
  /** In a 待办 list: escalated (督办) to the level of the place listed, so it stands first there. */
  escalatedHere: z.boolean().optional(),
  followerCount: z.number(),
  mergedInto: z.string().optional(),
  topicId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

/** What the caller may do with a request now; the app shows only these buttons. */
export const requestAbilitiesSchema = z.object({
  accept: z.boolean(),
  triage: z.boolean(),
  progress: z.boolean(),
  resolve: z.boolean(),
  merge: z.boolean(),
  rate: z.boolean(),
  confirm: z.boolean(),
  second: z.boolean(),
  callReporter: z.boolean(),
});
export type RequestAbilities = z.infer<typeof requestAbilitiesSchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  /** For the reporter (我), the handler and staff; a neighbour who follows (附议) sees what the public board shows. */
  reporterName: z.string().optional(),
  /** 代办, wherever the reporter is shown: 代 陈秀英 提交 · 社区工作人员 王丽. */
  proxyLine: z.string().optional(),
  /** Only for the assigned handler: one tap to call the resident. */
  reporterPhone: z.string().optional(),
  mine: z.boolean(),
  following: z.boolean(),
  guidance: z.string().optional(),
  result: z.string().optional(),
  resultPhotos: z.array(z.string()),
  rating: ratingSchema.optional(),
  closureLabel: z.string().optional(),
  autoCloseAt: z.string().optional(),
  timeline: z.array(requestEventSchema.omit({ requestId: true })),
  can: requestAbilitiesSchema,
  calendarWarning: z.string().optional(),
  /** Photos shown only to the person who attached them while the image check runs (审核中). */
  pendingPhotos: z.array(z.string()).optional(),
  /** For that person: how many of their photos the image check rejected and removed. */
  removedPhotosNotice: z.string().optional(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const handlerCandidateSchema = handlerSchema.extend({
  role: z.string(),
  /** Which tracks this person may be given: 小事 stays in the compound and community, 大事 goes to the street. */
  tracks: z.array(z.enum(['minor', 'major'])),
});
export type HandlerCandidate = z.infer<typeof handlerCandidateSchema>;

const placeFiguresSchema = z.object({
  place: z.object({ id: z.string(), name: z.string(), kind: placeKindSchema }),
  figures: figuresSchema,
});

export const LIST_VIEWS = ['open', 'overdue', 'mine', 'all'] as const;
export const listViewSchema = z.enum(LIST_VIEWS);
export type ListView = z.infer<typeof listViewSchema>;

const textSchema = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(2, { message: `请填写${label}` })
    .max(max, { message: `${label}最多 ${max} 个字` });

export const requestsContract = defineContract('requests', {
  submit: {
    input: z.object({
      key: idempotencyKeySchema,
      compoundId: idSchema,
      category: requestCategorySchema,
      description: descriptionSchema,
      photos: photoIdsSchema,
      location: requestLocationInputSchema,
      emergency: z.boolean().default(false),
      /** 代办: the ledger resident (places.searchResidents) this is reported for, by staff or 三长五员 of the compound. */
      onBehalfOf: onBehalfOfSchema.optional(),
    }),
    output: z.object({ request: requestSummarySchema, created: z.boolean() }),
  },
  similar: {
    input: z.object({ compoundId: idSchema, category: requestCategorySchema }),
    output: z.object({ requests: z.array(requestSummarySchema.extend({ mine: z.boolean(), following: z.boolean() })) }),
  },
  second: { input: z.object(requestRef), output: z.object({ request: requestSummarySchema }) },
  mine: { input: z.object({}), output: z.object({ requests: z.array(requestSummarySchema.extend({ following: z.boolean() })) }) },
  get: { input: z.object(requestRef), output: requestDetailSchema },
  list: {
    input: z.object({
      placeId: idSchema,
      view: listViewSchema.default('open'),
      status: requestStatusSchema.optional(),
      limit: z.number().int().min(1).max(100).default(50),
      skip: z.number().int().min(0).max(5000).default(0),
    }),
    output: z.object({ requests: z.array(requestSummarySchema), calendarWarning: z.string().optional(), now: z.string() }),
  },
  /** 督办 waiting for the caller: open requests escalated to the level of each place where they are staff (the tab badge). */
  escalatedCount: {
    input: z.object({}).default({}),
    output: z.object({ count: z.number().int(), places: z.array(z.object({ placeId: z.string(), count: z.number().int() })) }),
  },
  accept: { input: z.object(requestRef), output: requestDetailSchema },
  handlers: { input: z.object(requestRef), output: z.object({ candidates: z.array(handlerCandidateSchema) }) },
  triage: {
    input: z
      .object({
        ...requestRef,
        track: triageTrackSchema,
        handlerOpenid: z.string().optional(),
        guidance: z.string().trim().max(300, { message: '指引最多 300 个字' }).optional(),
        complex: z.boolean().default(false),
      })
      .refine((i) => i.track === 'private' || !!i.handlerOpenid, { message: '请选择办理人', path: ['handlerOpenid'] })
      .refine((i) => i.track !== 'private' || (i.guidance ?? '').length >= 5, {
        message: '私事请写给居民的办理指引，至少 5 个字',
        path: ['guidance'],
      }),
    output: requestDetailSchema,
  },
  progress: {
    input: z.object({ ...requestRef, key: idempotencyKeySchema, text: textSchema('进展', 300), photos: photoIdsSchema }),
    output: requestDetailSchema,
  },
  resolve: {
    input: z.object({ ...requestRef, result: textSchema('办理结果', 300), photos: photoIdsSchema }),
    output: requestDetailSchema,
  },
  rate: {
    input: z.object({
      ...requestRef,
      solved: z.boolean({ message: '请选择问题是否解决' }),
      satisfaction: satisfactionSchema,
      comment: z.string().trim().max(200, { message: '评价最多 200 个字' }).optional(),
    }),
    output: requestDetailSchema,
  },
  confirm: { input: z.object(requestRef), output: requestDetailSchema },
  merge: { input: z.object({ ...requestRef, intoId: idSchema }), output: requestDetailSchema },
  figures: {
    input: z.object({ placeId: idSchema, period: periodSchema.default('month') }),
    output: placeFiguresSchema.extend({
      /** The place's charts: received/closed per day, by category, by source, 12 months of rates. */
      series: figureSeriesSchema,
      children: z.array(placeFiguresSchema),
      calendarWarning: z.string().optional(),
    }),
  },
  exportLedger: {
    input: z.object({ placeId: idSchema, period: periodSchema.default('month') }),
    output: z.object({ fileId: z.string(), fileName: z.string(), url: z.string(), rows: z.number() }),
  },
  sweep: {
    input: z.object({}),
    output: z.object({
      warned: z.number(),
      escalated: z.number(),
      closed: z.number(),
      more: z.boolean(),
      /** Image checks whose call had failed, sent again: now pending, decided at once, failed again, given up. */
      mediaChecks: z.object({ sent: z.number(), decided: z.number(), failed: z.number(), gaveUp: z.number() }),
      /** Departments' parts (网格吹哨、部门报到): 督办 of overdue 报到 or resolution, and parts with nothing left to watch. */
      dispatches: z.object({ escalated: z.number(), settled: z.number() }).optional(),
    }),
  },
  /** WeChat's `wxa_media_check` message push (mediaCheckAsync's verdict), delivered by the platform. */
  mediaChecked: {
    input: z.object({
      trace_id: z.string().min(1),
      // 0 when WeChat ran the detection; otherwise it failed (e.g. -1008: the image could not be downloaded)
      errcode: z.number().int().optional(),
      result: z.object({ suggest: z.string(), label: z.union([z.number(), z.string()]).optional() }).optional(),
    }),
    output: z.object({ outcome: z.enum(['shown', 'removed', 'held', 'early', 'ignored', 'retry', 'unchecked']) }),
  },
});
export type RequestsContract = typeof requestsContract;
