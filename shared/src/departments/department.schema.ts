import { z } from 'zod';
import { deadlineTierSchema, type DeadlineTier, type Span } from '../requests/request.schema';
import { requestSourceSchema } from '../requests/source.schema';

/**
 * 网格吹哨、部门报到 (seed 001 and the Beijing 12345 rules): functional departments and
 * public-service units are handlers of their own. A street or the district registers them with
 * the area each serves; the street (or community) dispatches (派单) a request to one lead (主办)
 * and optional co-handlers (协办), who must 报到 by a deadline.
 */
export const DEPARTMENT_KINDS = [
  'enforcement',
  'police',
  'market',
  'housing',
  'power',
  'water',
  'gas',
  'heating',
  'propertyAuthority',
  'other',
] as const;
export const departmentKindSchema = z.enum(DEPARTMENT_KINDS, { message: '请选择部门类别' });
export type DepartmentKind = z.infer<typeof departmentKindSchema>;
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  enforcement: '城管执法',
  police: '派出所',
  market: '市场监管',
  housing: '住建',
  power: '供电',
  water: '供水',
  gas: '燃气',
  heating: '供暖',
  propertyAuthority: '物业主管',
  other: '其他单位',
};

/** 主办 leads and answers for the result; 协办 add their part; an open offer goes to whoever accepts first (首接负责). */
export const DISPATCH_ROLES = ['lead', 'co', 'open'] as const;
export type DispatchRole = (typeof DISPATCH_ROLES)[number];
export const DISPATCH_ROLE_LABELS: Record<DispatchRole, string> = { lead: '主办', co: '协办', open: '待认领' };

export const DISPATCH_STATUSES = ['pending', 'arrived', 'returned', 'done'] as const;
export const dispatchStatusSchema = z.enum(DISPATCH_STATUSES);
export type DispatchStatus = z.infer<typeof dispatchStatusSchema>;
export const DISPATCH_STATUS_LABELS: Record<DispatchStatus, string> = {
  pending: '待报到',
  arrived: '已报到',
  returned: '已退单',
  done: '已完成',
};

/** The level a dispatcher acts at: 督办 goes to that level as well as to the department's head. */
export const DISPATCH_LEVELS = ['community', 'street', 'district'] as const;
export type DispatchLevel = (typeof DISPATCH_LEVELS)[number];

/**
 * Time to 报到 (acknowledge and arrive), tiered like the request deadlines: 2 hours for an
 * emergency (risk to life or property), 4 for water, power, gas and heating, one working day in
 * general, two for complex cases.
 */
export const REPORT_WITHIN: Record<DeadlineTier, Span> = {
  emergency: { hours: 2 },
  utility: { hours: 4 },
  general: { workdays: 1 },
  complex: { workdays: 2 },
};
/** A department returns a dispatch (退单) within this, and never after it has 报到'd. */
export const RETURN_WITHIN_HOURS = 24;
/** After an overdue 报到 or resolution, 督办 again after each further interval while it stays overdue. */
export const DISPATCH_ESCALATE_EVERY: Record<DeadlineTier, Span> = {
  emergency: { hours: 2 },
  utility: { hours: 4 },
  general: { workdays: 1 },
  complex: { workdays: 2 },
};
export const MAX_CO_HANDLERS = 5;
export const RETURN_REASON_MIN = 5;

export const departmentDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  kind: departmentKindSchema,
  /** The street or district that registered it; its staff manage the department. */
  ownerPlaceId: z.string(),
  ownerPath: z.array(z.string()),
  districtId: z.string(),
  /** The places it serves (streets, communities or compounds): it sees requests there only. */
  areaIds: z.array(z.string()).min(1),
  areaNames: z.array(z.string()),
  phone: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DepartmentDoc = z.infer<typeof departmentDocSchema>;

const actorSchema = z.object({ openid: z.string(), name: z.string(), label: z.string() });

/** One department's part in one request: the row its inbox lists, by deadline. */
export const dispatchDocSchema = z.object({
  /** `${requestId}:${departmentId}`: a department holds at most one part of a request. */
  _id: z.string(),
  version: z.number().int(),
  requestId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  departmentKind: departmentKindSchema,
  /** The request's place path, for scope without a read. */
  placePath: z.array(z.string()),
  districtId: z.string(),
  tier: deadlineTierSchema,
  role: z.enum(DISPATCH_ROLES),
  status: dispatchStatusSchema,
  /** The district's decision after a dispute: it cannot be returned again. */
  final: z.boolean(),
  note: z.string().optional(),
  dispatchedAt: z.string(),
  dispatchedBy: actorSchema,
  dispatcherLevel: z.enum(DISPATCH_LEVELS),
  dispatcherPlaceId: z.string(),
  reportBy: z.string(),
  resolveBy: z.string(),
  returnBy: z.string(),
  arrivedAt: z.string().optional(),
  arrivedBy: actorSchema.optional(),
  arrivedOnTime: z.boolean().optional(),
  arrivalPhotos: z.array(z.string()).optional(),
  returnedAt: z.string().optional(),
  returnReason: z.string().optional(),
  part: z.string().optional(),
  doneAt: z.string().optional(),
  /** The request's outcome, copied when it resolves and is rated, for figures without a join. */
  resolvedAt: z.string().optional(),
  resolvedOnTime: z.boolean().optional(),
  satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']).optional(),
  /** The request's source (网格巡查, 12345 …), copied at dispatch, for the figures by source. */
  source: requestSourceSchema.optional(),
  escalations: z.number().int(),
  /** When the sweep next looks at it (报到 or resolution overdue); absent when nothing is due. */
  dueAt: z.string().optional(),
  /** Shanghai month of dispatch, YYYY-MM, for the monthly ranking through one index. */
  month: z.string(),
  /** The dispatcher's idempotency key: a repeated 派单 answers the parts it made. */
  key: z.string().optional(),
  recentKeys: z.array(z.string()).optional(),
  updatedAt: z.string(),
});
export type DispatchDoc = z.infer<typeof dispatchDocSchema>;

/** One per dispatched request (id = request id): its lead so far ('' while an open offer waits), for 首接负责. */
export const dispatchCaseSchema = z.object({ _id: z.string(), lead: z.string(), updatedAt: z.string() });
export type DispatchCaseDoc = z.infer<typeof dispatchCaseSchema>;
