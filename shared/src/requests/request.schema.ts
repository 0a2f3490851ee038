import { z } from 'zod';
import { proxySchema } from '../ledger/proxy';
import { requestSourceSchema } from './source.schema';

/**
 * Requests (诉求) and the eight steps of the seeds (seed 004: 发现—受理—分流—处置—跟踪—督办—反馈—评价).
 * Code names are fixed here once; the UI speaks the Chinese labels.
 */
export const REQUEST_STEPS = ['discover', 'accept', 'triage', 'handle', 'track', 'supervise', 'feedback', 'rate'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];
export const REQUEST_STEP_LABELS: Record<RequestStep, string> = {
  discover: '发现',
  accept: '受理',
  triage: '分流',
  handle: '处置',
  track: '跟踪',
  supervise: '督办',
  feedback: '反馈',
  rate: '评价',
};

/**
 * Where a request stands. Staff hold it while submitted / accepted / handling (those have a
 * deadline); the resident holds it while guidance (私事, to confirm) or resolved (to rate).
 */
export const REQUEST_STATUSES = ['submitted', 'accepted', 'handling', 'guidance', 'resolved', 'closed', 'merged'] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatusSchema>;
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  handling: '办理中',
  guidance: '已答复指引',
  resolved: '待评价',
  closed: '已办结',
  merged: '已合并',
};
export const STAFF_HELD_STATUSES = ['submitted', 'accepted', 'handling'] as const satisfies readonly RequestStatus[];
export const OPEN_STATUSES = ['submitted', 'accepted', 'handling', 'guidance', 'resolved'] as const satisfies readonly RequestStatus[];

/**
 * Deadline tiers of the 12345 platforms. Hours are clock hours; working days follow the official
 * holiday calendar with its make-up workdays.
 */
export const DEADLINE_TIERS = ['emergency', 'utility', 'general', 'complex'] as const;
export const deadlineTierSchema = z.enum(DEADLINE_TIERS);
export type DeadlineTier = z.infer<typeof deadlineTierSchema>;
export type Span = { hours: number } | { workdays: number };
/** The deadline of each step: 受理 within 2 h; 办理 by tier. */
export const ACCEPT_WITHIN: Span = { hours: 2 };
export const TIER_SPANS: Record<DeadlineTier, Span> = {
  emergency: { hours: 2 },
  utility: { hours: 24 },
  general: { workdays: 7 },
  complex: { workdays: 15 },
};
/**
 * 首次反馈: from acceptance, the resident must see a first word from staff (a progress line, the
 * result, or guidance for a 私事) within this; missing it is 督办 like the other deadlines.
 */
export const FEEDBACK_WITHIN: Record<DeadlineTier, Span> = {
  emergency: { hours: 2 },
  utility: { hours: 24 },
  general: { workdays: 3 },
  complex: { workdays: 5 },
};
export const TIER_LABELS: Record<DeadlineTier, string> = {
  emergency: '紧急（2 小时内反馈）',
  utility: '水电气暖（24 小时内）',
  general: '一般（7 个工作日）',
  complex: '复杂（15 个工作日）',
};
/**
 * After a missed deadline the request is escalated one level, and again after each further
 * interval while it stays unresolved, so the next level has time to act before the one above.
 */
export const ESCALATE_EVERY: Record<DeadlineTier | 'accept', Span> = {
  accept: { hours: 2 },
  emergency: { hours: 2 },
  utility: { hours: 24 },
  general: { workdays: 3 },
  complex: { workdays: 5 },
};
/** A resolved request the resident does not rate closes as unrated after this (not as satisfied). */
export const RATE_WITHIN_DAYS = 7;
/** A 私事 answered with guidance closes after this unless the resident confirms sooner. */
export const GUIDANCE_CONFIRM_DAYS = 3;

export const REQUEST_CATEGORIES = [
  'utilities',
  'repairs',
  'environment',
  'safety',
  'property',
  'neighbour',
  'parking',
  'construction',
  'policy',
  'other',
] as const;
export const requestCategorySchema = z.enum(REQUEST_CATEGORIES, { message: '请选择诉求类别' });
export type RequestCategory = z.infer<typeof requestCategorySchema>;

const COMMON_REPLIES = [
  '您好，您反映的问题已收到，我们马上安排人员处理。',
  '工作人员已到现场查看，正在处理，请您放心。',
  '需要协调相关单位，处理进展会及时告诉您。',
];

/**
 * Each category's default deadline tier and quick replies. Changing a tier here changes new
 * requests only; staff may also mark one request complex at triage.
 */
export const CATEGORY_CONFIG: Record<RequestCategory, { label: string; hint: string; tier: DeadlineTier; quickReplies: string[] }> = {
  utilities: {
    label: '水电气暖',
    hint: '停水、停电、燃气、供暖',
    tier: 'utility',
    quickReplies: ['已联系供水（供电、燃气、供暖）单位，维修人员正在赶来。', '维修已完成，请您试一下是否正常。', ...COMMON_REPLIES],
  },
  repairs: {
    label: '公共设施报修',
    hint: '楼道灯、单元门、电梯、下水管道',
    tier: 'general',
    quickReplies: ['已通知物业维修，预计两天内修好。', '配件已订购，到货后马上更换。', ...COMMON_REPLIES],
  },
  environment: {
    label: '环境卫生',
    hint: '垃圾清运、绿化、异味、噪声',
    tier: 'general',
    quickReplies: ['已安排保洁人员清理。', '已联系环卫部门加密清运。', ...COMMON_REPLIES],
  },
  safety: {
    label: '安全隐患',
    hint: '消防通道堵塞、高空坠物、楼体破损',
    tier: 'general',
    quickReplies: ['已设置警示标志，请绕行注意安全。', '已联系消防（安监）部门到场排查。', ...COMMON_REPLIES],
  },
  property: {
    label: '物业服务',
    hint: '物业费、保洁保安、服务态度',
    tier: 'general',
    quickReplies: ['已约物业负责人当面沟通，稍后给您答复。', ...COMMON_REPLIES],
  },
  neighbour: {
    label: '邻里纠纷',
    hint: '噪音扰民、漏水、占用公共空间',
    tier: 'general',
    quickReplies: ['已约双方到调解室面谈，时间另行通知。', '楼栋长已上门了解情况。', ...COMMON_REPLIES],
  },
  parking: {
    label: '停车与出行',
    hint: '乱停车、占用消防通道、道路破损',
    tier: 'general',
    quickReplies: ['已联系车主挪车。', '已上报交通部门处理。', ...COMMON_REPLIES],
  },
  construction: {
    label: '违建与装修',
    hint: '私搭乱建、违规装修、破坏承重墙',
    tier: 'complex',
    quickReplies: ['已上报街道执法部门，现场核查后依法处理。', ...COMMON_REPLIES],
  },
  policy: {
    label: '政策咨询与办事',
    hint: '社保、医保、低保、证明开具',
    tier: 'general',
    quickReplies: ['请带身份证到社区便民服务大厅办理，工作日 8:30–17:00。', ...COMMON_REPLIES],
  },
  other: { label: '其他', hint: '以上都不是', tier: 'general', quickReplies: COMMON_REPLIES },
};

/** 三事分流 (seed 002, 重庆南岸区). */
export const TRIAGE_TRACKS = ['minor', 'major', 'private'] as const;
export const triageTrackSchema = z.enum(TRIAGE_TRACKS, { message: '请选择大事、小事或私事' });
export type TriageTrack = z.infer<typeof triageTrackSchema>;
export const TRIAGE_LABELS: Record<TriageTrack, { label: string; hint: string }> = {
  minor: { label: '小事', hint: '社区公共事项，由居委会牵头，小区三长五员和社区组织协商办理' },
  major: { label: '大事', hint: '政府管理事项和基本公共服务，上报街道，由职能部门办理' },
  private: { label: '私事', hint: '居民个人事务，给出指引，由居民自行、邻里互助或通过市场解决' },
};

/** 督办 levels up the grid. */
export const ESCALATION_LEVELS = ['compound', 'community', 'street', 'district'] as const;
export type EscalationLevelName = (typeof ESCALATION_LEVELS)[number];
export const ESCALATION_LABELS = ['小区', '社区', '街道', '区'] as const;
export const MAX_ESCALATION_LEVEL = ESCALATION_LEVELS.length - 1;

export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export const satisfactionSchema = z.enum(SATISFACTIONS, { message: '请选择满意、基本满意或不满意' });
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

export const CLOSURES = ['rated', 'unrated', 'private'] as const;
export type Closure = (typeof CLOSURES)[number];
export const CLOSURE_LABELS: Record<Closure, string> = { rated: '已评价', unrated: '未评价（超过 7 天自动办结）', private: '私事已答复' };

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A client-generated idempotency key: it becomes the request's id, so a retry is the same request. */

export const photoIdsSchema = z
  .array(z.string().min(1).max(300))
  .max(MAX_PHOTOS, { message: `照片最多 ${MAX_PHOTOS} 张` })
  .default([]);

export const requestLocationInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('home') }),
    z.object({
      kind: z.literal('spot'),
      text: z.string().trim().min(2, { message: '请写清楚具体位置，如“3号楼东侧路灯”' }).max(40, { message: '位置最多 40 个字' }),
    }),
  ],
  { message: '请选择问题在哪里' },
);
export type RequestLocationInput = z.infer<typeof requestLocationInputSchema>;

/** The most a request's description may hold; the report form counts towards it as the schema does (trimmed). */
export const DESCRIPTION_MAX = 500;
export const DESCRIPTION_MIN = 5;
export const descriptionSchema = z
  .string()
  .trim()
  .min(DESCRIPTION_MIN, { message: `请把问题写清楚一些，至少 ${DESCRIPTION_MIN} 个字` })
  .max(DESCRIPTION_MAX, { message: `问题描述最多 ${DESCRIPTION_MAX} 个字，请删减一些再提交` });

const actorSchema = z.object({ openid: z.string(), name: z.string(), label: z.string() });
export type RequestActor = z.infer<typeof actorSchema>;

export const handlerSchema = z.object({
  openid: z.string(),
  name: z.string(),
  /** e.g. 小区点长, 社区工作人员 */
  roleLabel: z.string(),
  placeName: z.string(),
});
export type RequestHandler = z.infer<typeof handlerSchema>;

export const ratingSchema = z.object({
  solved: z.boolean(),
  satisfaction: satisfactionSchema,
  comment: z.string().optional(),
  at: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;

/** A photo whose image check is pending or rejected, and who attached it. */
export const heldPhotoSchema = z.object({ fileId: z.string(), openid: z.string() });
export type HeldPhoto = z.infer<typeof heldPhotoSchema>;
/** A photo taken out of a request: by a risky verdict, or `unchecked` when its check could never be sent. */
export const removedPhotoSchema = heldPhotoSchema.extend({ unchecked: z.literal(true).optional() });
export type RemovedPhoto = z.infer<typeof removedPhotoSchema>;

/** What a checked image belongs to: a request's photos (reported, progress, result), or a notice's attachments. */
export const MEDIA_CHECK_KINDS = ['request', 'progress', 'result', 'notice'] as const;
export type MediaCheckKind = (typeof MEDIA_CHECK_KINDS)[number];

/** The stored request document. */
export const requestDocSchema = z.object({
  _id: z.string(),
  /** Bumped on every change. */
  version: z.number().int(),
  compoundId: z.string(),
  compoundName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  streetId: z.string(),
  districtId: z.string(),
  /** The compound's ancestors and the compound itself, so scope checks need no reads. */
  placePath: z.array(z.string()),
  category: requestCategorySchema,
  /** Where it came from (网格巡查, 12345 …); absent for a resident's own report. */
  source: requestSourceSchema.optional(),
  /** 工作组收集: the 服务群众工作组 that collected it, for its community's monthly figures. */
  workGroupId: z.string().optional(),
  /** The member who collected it and answers for it (its owner), with their post. */
  collectedBy: z.object({ openid: z.string(), name: z.string(), label: z.string() }).optional(),
  description: z.string(),
  photos: z.array(z.string()),
  location: z.object({ kind: z.enum(['home', 'spot']), text: z.string(), householdId: z.string().optional() }),
  emergency: z.boolean(),
  reporter: z.object({ openid: z.string(), name: z.string() }),
  /**
   * 代办: the staff member or 三长五员 who reported for a resident without a phone. The reporter is
   * then the resident (openid `proxy:<ledger id>` until they bind, when it becomes theirs).
   */
  proxy: proxySchema.optional(),
  /** Shown only to the assigned handler. */
  reporterPhone: z.string().optional(),
  status: requestStatusSchema,
  tier: deadlineTierSchema,
  /**
   * The deadline rules in force when it was filed (the district's settings), per tier since triage
   * may change the tier; requests filed before settings existed lack it and use the code's tables.
   */
  /** 三事分流: where the district's rules send this category by default (the triage form starts there). */
  suggestedTrack: triageTrackSchema.optional(),
  tierRules: z
    .record(
      z.string(),
      z.object({
        accept: z.union([z.object({ hours: z.number() }), z.object({ workdays: z.number() })]),
        /** Absent on requests filed before feedback was enforced: the code's FEEDBACK_WITHIN then. */
        feedback: z.union([z.object({ hours: z.number() }), z.object({ workdays: z.number() })]).optional(),
        resolve: z.union([z.object({ hours: z.number() }), z.object({ workdays: z.number() })]),
        warnBeforeHours: z.number(),
      }),
    )
    .optional(),
  /** The 督办 intervals in force when it was filed (受理 and per tier); absent: the code's ESCALATE_EVERY. */
  escalateEvery: z.record(z.string(), z.union([z.object({ hours: z.number() }), z.object({ workdays: z.number() })])).optional(),
  track: triageTrackSchema.optional(),
  handler: handlerSchema.optional(),
  acceptedAt: z.string().optional(),
  acceptedBy: actorSchema.optional(),
  acceptedOnTime: z.boolean().optional(),
  /** Start of the current step, for the warning before its deadline. */
  stepStartedAt: z.string(),
  /** Deadline of the current step while staff hold the request; absent otherwise. */
  deadlineAt: z.string().optional(),
  /** True when the deadline reaches into a year the holiday calendar has no official data for. */
  deadlineEstimated: z.boolean().optional(),
  warnAt: z.string().optional(),
  escalateAt: z.string().optional(),
  /**
   * 首次反馈: while staff have not yet told the resident anything since acceptance (a progress line,
   * the result, guidance), when that is due and when its holder is warned. Both go once feedback is
   * given or missed (then it is 督办 once); absent when the feedback time is no shorter than the
   * handling deadline, which escalates anyway.
   */
  feedbackDueAt: z.string().optional(),
  feedbackWarnAt: z.string().optional(),
  autoCloseAt: z.string().optional(),
  /** The earliest of warnAt / escalateAt / feedbackWarnAt / feedbackDueAt / autoCloseAt: what the sweep queries (one index, one range). */
  dueAt: z.string().optional(),
  escalationLevel: z.number().int().min(0).max(MAX_ESCALATION_LEVEL),
  guidance: z.string().optional(),
  result: z.string().optional(),
  resultPhotos: z.array(z.string()).optional(),
  resolvedAt: z.string().optional(),
  rating: ratingSchema.optional(),
  closure: z.enum(CLOSURES).optional(),
  closedAt: z.string().optional(),
  mergedInto: z.string().optional(),
  /** The 议事厅 topic staff opened from this 大事 (alone or merged with others): its page shows the progress. */
  topicId: z.string().optional(),
  reopenCount: z.number().int(),
  /**
   * Photos (of the request, a progress line or the result) whose image check has not answered yet:
   * only the person who attached them sees them, marked 审核中.
   */
  heldPhotos: z.array(heldPhotoSchema).optional(),
  /** Photos the image check rejected (or that could never be checked): taken out of the request; their uploader is told. */
  removedPhotos: z.array(removedPhotoSchema).optional(),
  /** Idempotency keys of the latest progress posts, so a retried post adds no second line. */
  recentKeys: z.array(z.string()).optional(),
  progressCount: z.number().int(),
  followerCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestDoc = z.infer<typeof requestDocSchema>;

export const REQUEST_EVENT_KINDS = [
  'submitted',
  'accepted',
  'triaged',
  'progress',
  'warned',
  'escalated',
  'resolved',
  'guidance',
  'rated',
  'reopened',
  'confirmed',
  'closed',
  'merged',
  'absorbed',
  /** The working-day calendar changed (a schedule entered, a local closure): the deadline was counted again. */
  'rescheduled',
  // 网格吹哨、部门报到: a department's steps, each named by its department on the timeline
  'dispatched',
  'arrived',
  'returned',
  'part',
  'departmentEscalated',
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

/** One line of a request's timeline. */
export const requestEventSchema = z.object({
  _id: z.string(),
  requestId: z.string(),
  at: z.string(),
  kind: z.enum(REQUEST_EVENT_KINDS),
  step: z.enum(REQUEST_STEPS),
  /** Who did it, as residents see it (e.g. 小区点长 李斌); the system for timer events. */
  actor: z.string(),
  text: z.string().optional(),
  photos: z.array(z.string()).optional(),
  /** Events only staff see (warnings to the holder). */
  staffOnly: z.boolean().optional(),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;
