import { z } from 'zod';
import { idSchema, phoneSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';
import {
  departmentDocSchema,
  departmentKindSchema,
  dispatchDocSchema,
  MAX_CO_HANDLERS,
  RETURN_REASON_MIN,
} from '../departments/department.schema';
import { figureSeriesSchema } from '../requests/figures.rules';
import { REQUEST_SOURCES } from '../requests/source.schema';
import {
  descriptionSchema,
  photoIdsSchema,
  requestCategorySchema,
  requestEventSchema,
  requestStatusSchema,
} from '../requests/request.schema';
import { defineContract } from './define';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份要写成 2026-11 这样的格式' });
const dispatchRef = { dispatchId: z.string().min(3).max(200) };
const textSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(2, { message: `请写一下${what}` })
    .max(300, { message: `${what}最多 300 个字` });

export const departmentViewSchema = departmentDocSchema.pick({
  _id: true,
  name: true,
  kind: true,
  ownerPlaceId: true,
  districtId: true,
  areaIds: true,
  areaNames: true,
  phone: true,
});
export type DepartmentView = z.infer<typeof departmentViewSchema>;

/** What a department sees of the request behind its part: the resident's phone only when it leads. */
export const dispatchedRequestSchema = z.object({
  _id: z.string(),
  compoundName: z.string(),
  communityName: z.string(),
  category: requestCategorySchema,
  description: z.string(),
  photos: z.array(z.string()),
  location: z.string(),
  emergency: z.boolean(),
  status: requestStatusSchema,
  source: z.enum(REQUEST_SOURCES),
  reporterName: z.string(),
  reporterPhone: z.string().optional(),
  deadlineAt: z.string().optional(),
});
export const partViewSchema = dispatchDocSchema.omit({ recentKeys: true, key: true, version: true }).extend({
  request: dispatchedRequestSchema,
});
export type PartView = z.infer<typeof partViewSchema>;

const rankedSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  rank: z.number().int(),
  score: z.number().nullable(),
  received: z.number().int(),
  reportedOnTime: z.number().int(),
  returned: z.number().int(),
  overdue: z.number().int(),
  resolved: z.number().int(),
  led: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  averageHoursToReport: z.number().nullable(),
  averageHoursToResolve: z.number().nullable(),
  /** Parts received by the request's source (居民反映, 网格巡查 …). */
  bySource: z.record(z.enum(REQUEST_SOURCES), z.number().int()),
});
export type RankedRow = z.infer<typeof rankedSchema>;

export const departmentsContract = defineContract('departments', {
  /** A street or the district registers a department or public-service unit with the area it serves. */
  register: {
    input: z.object({
      key: idempotencyKeySchema,
      ownerPlaceId: idSchema,
      name: z.string().trim().min(2, { message: '请写部门名称，如“东塔街道城管执法队”' }).max(30, { message: '部门名称最多 30 个字' }),
      kind: departmentKindSchema,
      areaIds: z.array(idSchema).min(1, { message: '请至少选一个服务范围' }).max(50, { message: '服务范围最多 50 处' }),
      phone: phoneSchema.optional(),
    }),
    output: z.object({ department: departmentViewSchema, created: z.boolean() }),
  },
  /** The street or district that registered a department edits its name, kind, area or phone (parts already sent keep theirs). */
  update: {
    input: z.object({
      departmentId: idSchema,
      name: z.string().trim().min(2, { message: '请写部门名称，如“东塔街道城管执法队”' }).max(30, { message: '部门名称最多 30 个字' }),
      kind: departmentKindSchema,
      areaIds: z.array(idSchema).min(1, { message: '请至少选一个服务范围' }).max(50, { message: '服务范围最多 50 处' }),
      phone: phoneSchema.optional(),
    }),
    output: z.object({ department: departmentViewSchema }),
  },
  /** The departments of the place's district that serve it (the dispatcher's choice), or that it registered. */
  list: {
    input: z.object({ placeId: idSchema }),
    output: z.object({ serving: z.array(departmentViewSchema), registered: z.array(departmentViewSchema) }),
  },
  /** The departments the caller works in. */
  mine: {
    input: z.object({}).default({}),
    output: z.object({ departments: z.array(departmentViewSchema.extend({ open: z.number().int() })) }),
  },
  /** 巡查发现: a 网格员 or any 三长五员 reports what they found; it skips 受理 (the reporter is the grid). */
  patrol: {
    input: z.object({
      key: idempotencyKeySchema,
      compoundId: idSchema,
      category: requestCategorySchema,
      description: descriptionSchema,
      spot: z.string().trim().min(2, { message: '请写清楚具体位置，如“3号楼东侧井盖”' }).max(40, { message: '位置最多 40 个字' }),
      photos: photoIdsSchema.refine((p) => p.length > 0, { message: '巡查发现请拍一张现场照片' }),
      emergency: z.boolean().default(false),
    }),
    output: z.object({ requestId: z.string(), created: z.boolean() }),
  },
  /** 吹哨 / 派单: one lead (主办) and co-handlers (协办); without a lead the first to 报到 leads. */
  dispatch: {
    input: z.object({
      key: idempotencyKeySchema,
      requestId: idSchema,
      departmentIds: z
        .array(idSchema)
        .min(1, { message: '请至少选一个承办部门' })
        .max(MAX_CO_HANDLERS + 1, { message: '一次最多派给 6 个部门' }),
      leadId: idSchema.optional(),
      note: z.string().trim().max(200, { message: '派单说明最多 200 个字' }).optional(),
    }),
    output: z.object({ parts: z.array(partViewSchema) }),
  },
  /** The parts of one request (for the dispatcher's page and a department's view of the others). */
  parts: { input: z.object({ requestId: idSchema }), output: z.object({ parts: z.array(partViewSchema.omit({ request: true })) }) },
  /** A department's inbox, by deadline: what to 报到 first, then what it leads. */
  inbox: {
    input: z.object({ departmentId: idSchema }),
    output: z.object({ department: departmentViewSchema, parts: z.array(partViewSchema), now: z.string() }),
  },
  part: {
    input: z.object(dispatchRef),
    output: z.object({ part: partViewSchema, events: z.array(requestEventSchema), now: z.string() }),
  },
  /** 报到: a photo from the spot; the time is the server's. */
  arrive: {
    input: z.object({ ...dispatchRef, photos: photoIdsSchema.refine((p) => p.length > 0, { message: '报到要拍一张现场照片' }) }),
    output: z.object({ part: partViewSchema }),
  },
  progress: {
    input: z.object({ ...dispatchRef, key: idempotencyKeySchema, text: textSchema('进展'), photos: photoIdsSchema }),
    output: z.object({ part: partViewSchema }),
  },
  /** 协办: the co-handler's part, which ends its share. */
  contribute: {
    input: z.object({ ...dispatchRef, text: textSchema('协办意见') }),
    output: z.object({ part: partViewSchema }),
  },
  /** 退单: not its job, once, with a reason, within the allowed time. */
  return: {
    input: z.object({
      ...dispatchRef,
      reason: z
        .string()
        .trim()
        .min(RETURN_REASON_MIN, { message: `请写明退单理由（至少 ${RETURN_REASON_MIN} 个字），如“井盖产权属于燃气公司”` })
        .max(200, { message: '退单理由最多 200 个字' }),
    }),
    output: z.object({ part: partViewSchema }),
  },
  /** The lead answers the resident with the result: the request is resolved, to be rated. */
  resolve: {
    input: z.object({ ...dispatchRef, result: textSchema('办理结果'), photos: photoIdsSchema }),
    output: z.object({ part: partViewSchema }),
  },
  /** The district's ranking of its departments for a month, with one department's parts on drill-down. */
  ranking: {
    input: z.object({ districtId: idSchema, month: monthSchema, departmentId: idSchema.optional() }),
    output: z.object({
      month: z.string(),
      rows: z.array(rankedSchema),
      parts: z.array(partViewSchema.omit({ request: true })).optional(),
      bySource: z.record(z.enum(REQUEST_SOURCES), z.number().int()),
      /** The drilled-down department's rates month by month (its last 12 months), for the trend chart. */
      months: z
        .array(
          z.object({
            month: z.string(),
            responseRate: z.number().nullable(),
            resolutionRate: z.number().nullable(),
            satisfactionRate: z.number().nullable(),
            score: z.number().nullable(),
          }),
        )
        .optional(),
      /** The drilled-down department's trends, in the shape of a place's (the same charts draw them). */
      series: figureSeriesSchema.optional(),
    }),
  },
  /**
   * System only (a deploy step, or after a repair): recounts a district's department counters from
   * its parts, copying each led request's outcome and source onto its part first. Answers how many
   * it read and wrote; running it again writes the same documents.
   */
  recount: {
    input: z.object({
      districtId: idSchema,
      /** The last department the previous call finished (its `after`); absent to start. */
      after: idSchema.optional(),
      /** Departments per call at most (each call also stops taking departments after 8 s). */
      pageSize: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({
      parts: z.number().int(),
      synced: z.number().int(),
      documents: z.number().int(),
      /** Present while departments remain: pass it to the next call. */
      after: z.string().optional(),
    }),
  },
});
export type DepartmentsContract = typeof departmentsContract;
