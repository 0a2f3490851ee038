import { z } from 'zod';
import { calendarDateSchema, idSchema, shortTextSchema } from '../common/fields';
import type { Proxy } from '../ledger/proxy';

/**
 * 志愿积分 and 党员积分: activities, sign-ups, attendance, the points ledger and the 积分超市.
 * The rules of record come from 民政部《志愿服务记录与证明出具办法（试行）》(2021): records are
 * 真实、准确、完整、无偿、及时 (第三条); whoever organises records, whoever records certifies
 * (谁组织谁记录、谁记录谁证明); an error or omission the volunteer points out is corrected — here
 * always by a new entry that says who made it and why, never by editing the old one.
 */

// ───────────────────────────── activities ─────────────────────────────

/** Who may sign up: residents and 三长五员 of the community, its party members only, or anyone signed in. */
export const WHO_MAY_JOIN = ['community', 'partyMembers', 'anyone'] as const;
export const whoMayJoinSchema = z.enum(WHO_MAY_JOIN);
export type WhoMayJoin = z.infer<typeof whoMayJoinSchema>;

/** Points per hour of service proven on the spot, or a fixed number for the task. */
export const pointsRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('perHour'),
    points: z.number().min(0.5, { message: '每小时积分至少 0.5' }).max(20, { message: '每小时积分最多 20' }),
  }),
  z.object({
    kind: z.literal('perTask'),
    points: z.number().min(0.5, { message: '每次积分至少 0.5' }).max(100, { message: '每次积分最多 100' }),
  }),
]);
export type PointsRule = z.infer<typeof pointsRuleSchema>;

export const activityInputSchema = z.object({
  title: shortTextSchema('活动名称', 30),
  description: z.string().trim().max(500, { message: '活动说明最多 500 个字' }).default(''),
  location: shortTextSchema('活动地点', 40),
  startAt: z.iso.datetime({ message: '请选择开始时间' }),
  endAt: z.iso.datetime({ message: '请选择结束时间' }),
  seats: z.number().int().min(1, { message: '至少需要 1 人' }).max(500, { message: '最多 500 人' }),
  points: pointsRuleSchema,
  whoMayJoin: whoMayJoinSchema.default('community'),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const ACTIVITY_STATUSES = ['open', 'cancelled', 'confirmed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** An activity as stored. `secret` signs its attendance codes and never leaves the server. */
export type ActivityDoc = ActivityInput & {
  _id: string;
  communityId: string;
  communityName: string;
  /** The community's ancestors and itself, so scope checks need no read. */
  communityPath: string[];
  organiser: { openid: string; name: string };
  status: ActivityStatus;
  taken: number;
  waiting: number;
  lineSeq: number;
  secret: string;
  confirmedAt?: string;
  confirmedBy?: { openid: string; name: string };
  createdAt: string;
  updatedAt: string;
};

export const SIGNUP_STATUSES = ['signedUp', 'waiting', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** How attendance was proven: the rotating code scanned on the spot, or marked by the organiser by hand. */
export const attendanceMethodSchema = z.enum(['qr', 'manual']);
export type AttendanceMethod = z.infer<typeof attendanceMethodSchema>;

/** One person's place in an activity, id `${activityId}:${openid}`. */
export type SignupDoc = {
  _id: string;
  activityId: string;
  communityId: string;
  openid: string;
  name: string;
  phone: string;
  startAt: string;
  status: SignupStatus;
  seq: number;
  checkInAt?: string;
  checkOutAt?: string;
  method?: AttendanceMethod;
  /** Hours the organiser entered by hand (manual attendance). */
  manualHours?: number;
  markedBy?: { openid: string; name: string };
  /** 代办: who signed this resident up; the owner is then `proxy:<ledger id>` until she binds. */
  proxy?: Proxy;
  createdAt: string;
  updatedAt: string;
};

export const activityViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  description: z.string(),
  location: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  seats: z.number().int(),
  taken: z.number().int(),
  waiting: z.number().int(),
  points: pointsRuleSchema,
  whoMayJoin: whoMayJoinSchema,
  organiserName: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  confirmedAt: z.string().nullable(),
  /** The caller's own sign-up. */
  mine: z
    .object({
      status: z.enum(SIGNUP_STATUSES),
      position: z.number().int().nullable(),
      checkInAt: z.string().nullable(),
      checkOutAt: z.string().nullable(),
    })
    .nullable(),
  /** The caller organises it (or is staff of its community). */
  canManage: z.boolean(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export const rosterRowSchema = z.object({
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().int().nullable(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  method: attendanceMethodSchema.nullable(),
  /** Hours and points the confirmation grants (or granted). */
  hours: z.number(),
  points: z.number(),
  /** 代办: 代 陈秀英 提交 · 社区工作人员 王丽. */
  proxyLine: z.string().optional(),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

// ───────────────────────────── ledger ─────────────────────────────

/** Two ledgers with the same rules: volunteer points (spent in the 积分超市) and 党员积分 (scored monthly). */
export const LEDGERS = ['volunteer', 'party'] as const;
export const ledgerSchema = z.enum(LEDGERS);
export type Ledger = z.infer<typeof ledgerSchema>;

/** grant: earned by confirmed attendance; spend: a redemption; expiry; correction: staff by hand; reversal: undoes one entry; score: a 党员积分 item. */
export const ENTRY_KINDS = ['grant', 'spend', 'expiry', 'correction', 'reversal', 'score'] as const;
export const entryKindSchema = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof entryKindSchema>;

export const recorderSchema = z.object({ openid: z.string(), name: z.string(), role: z.string() });
export type Recorder = z.infer<typeof recorderSchema>;

/** One ledger line: append-only; its id says what it is about, so the same fact is never written twice. */
export const entrySchema = z.object({
  _id: z.string(),
  ledger: ledgerSchema,
  communityId: z.string(),
  openid: z.string(),
  name: z.string(),
  kind: entryKindSchema,
  /** Signed: credits are positive, debits negative. */
  points: z.number(),
  /** Service hours this line adds (grants) or takes back (their reversal). */
  hours: z.number(),
  /** What it is about: an activity, a redemption, a 党员积分 item, the entry it reverses. */
  activityId: z.string().optional(),
  activityTitle: z.string().optional(),
  activityDate: z.string().optional(),
  activityLocation: z.string().optional(),
  redemptionId: z.string().optional(),
  itemId: z.string().optional(),
  reverses: z.string().optional(),
  reason: z.string(),
  recordedBy: recorderSchema,
  at: z.string(),
  /** Shanghai month and day of `at` (the board and the caps read them). */
  month: z.string(),
  day: z.string(),
  /** Position in the person's ledger and the running balance after it, like a bank statement. */
  seq: z.number().int(),
  balanceAfter: z.number(),
});
export type Entry = z.infer<typeof entrySchema>;

export const entryViewSchema = entrySchema
  .pick({
    _id: true,
    kind: true,
    points: true,
    hours: true,
    activityTitle: true,
    reason: true,
    at: true,
    balanceAfter: true,
    reverses: true,
  })
  .extend({ recordedByName: z.string(), reversible: z.boolean() });
export type EntryView = z.infer<typeof entryViewSchema>;

// ───────────────────────────── settings ─────────────────────────────

export const volunteerSettingsInputSchema = z.object({
  /** Most volunteer points one person may earn on one day / in one month; null: no cap. */
  capPerDay: z.number().int().min(1).max(1000).nullable().default(null),
  capPerMonth: z.number().int().min(1).max(10000).nullable().default(null),
  /** 十户联保: households per party member above which staff are warned. */
  householdsPerMember: z.number().int().min(1).max(50).default(10),
  /** 十户联保: a household not visited for this many days counts as uncovered. */
  visitEveryDays: z.number().int().min(7).max(180).default(30),
  /** Volunteer points not used this many months after they were earned expire (oldest first); null: never. */
  pointsLifeMonths: z
    .number()
    .int()
    .min(1, { message: '有效期至少 1 个月' })
    .max(120, { message: '有效期最多 120 个月' })
    .nullable()
    .default(null),
});
export type VolunteerSettingsInput = z.infer<typeof volunteerSettingsInputSchema>;

/**
 * 党员积分 items the branch scores (石北村: 党员基本义务和先锋模范作用细化分类、赋值量化). Items with a
 * source are counted from the records the app holds; `manual` ones the branch secretary awards.
 */
export const PARTY_SOURCES = ['manual', 'volunteerHours', 'visits', 'requestsHandled'] as const;
export const partySourceSchema = z.enum(PARTY_SOURCES);
export type PartySource = z.infer<typeof partySourceSchema>;
export const partyItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,30}$/),
  name: shortTextSchema('积分项目', 20),
  /** Points per unit (an hour, a visit, a request handled) or per award. */
  points: z.number().min(0.5).max(100),
  source: partySourceSchema,
  /** Most points the item gives one member in a month (null: no limit). */
  monthlyMax: z.number().min(1).max(1000).nullable(),
});
export type PartyItem = z.infer<typeof partyItemSchema>;

export const DEFAULT_PARTY_ITEMS: PartyItem[] = [
  { id: 'theme-day', name: '参加主题党日', points: 5, source: 'manual', monthlyMax: 5 },
  { id: 'volunteer', name: '志愿服务（每小时）', points: 1, source: 'volunteerHours', monthlyMax: 20 },
  { id: 'visits', name: '十户联保走访（每次）', points: 1, source: 'visits', monthlyMax: 20 },
  { id: 'requests', name: '承办诉求（每件办结）', points: 2, source: 'requestsHandled', monthlyMax: 20 },
];

export const DEFAULT_VOLUNTEER_SETTINGS: VolunteerSettingsInput = {
  capPerDay: null,
  capPerMonth: null,
  householdsPerMember: 10,
  visitEveryDays: 30,
  pointsLifeMonths: null,
};

export type SettingsDoc = VolunteerSettingsInput & {
  _id: string;
  /** Volunteer team leads (志愿服务队长) appointed by staff: they post activities and run attendance. */
  leads: Lead[];
  partyItems: PartyItem[];
  version: number;
  updatedAt: string;
  /**
   * Points expiry (the hourly timer): when the community is next due (set when a life is saved;
   * absent while points never expire), and the last wallet id checked, so each run takes the next page.
   */
  expiryDueAt?: string;
  expiryCursor?: string;
};

export const leadSchema = z.object({ openid: z.string(), name: z.string() });
export type Lead = z.infer<typeof leadSchema>;

// ───────────────────────────── 积分超市 ─────────────────────────────

export const rewardInputSchema = z.object({
  name: shortTextSchema('奖品名称', 20),
  description: z.string().trim().max(100, { message: '说明最多 100 个字' }).default(''),
  price: z.number().int().min(1, { message: '至少 1 积分' }).max(10000),
  stock: z.number().int().min(0).max(100000),
  active: z.boolean().default(true),
});
export type RewardInput = z.infer<typeof rewardInputSchema>;

/** `stock` is what was put on the shelf, `redeemed` what has been taken: what is left is their difference. */
export type RewardDoc = RewardInput & { _id: string; communityId: string; redeemed: number; updatedAt: string };

export const rewardViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number().int(),
  left: z.number().int(),
  stock: z.number().int(),
  active: z.boolean(),
});
export type RewardView = z.infer<typeof rewardViewSchema>;

/** held: points taken and the item set aside, waiting for staff to hand it over; handedOver; cancelled (points returned). */
export const REDEMPTION_STATUSES = ['held', 'handedOver', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export type RedemptionDoc = {
  _id: string;
  code: string;
  communityId: string;
  rewardId: string;
  rewardName: string;
  price: number;
  openid: string;
  name: string;
  status: RedemptionStatus;
  createdAt: string;
  handedOverAt?: string;
  handedOverBy?: { openid: string; name: string };
  cancelledAt?: string;
  /** 代办: who redeemed for this resident; the owner is then `proxy:<ledger id>` until she binds. */
  proxy?: Proxy;
};

export const redemptionViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  rewardName: z.string(),
  price: z.number().int(),
  name: z.string(),
  status: z.enum(REDEMPTION_STATUSES),
  createdAt: z.string(),
  handedOverAt: z.string().nullable(),
  /** 代办: 代 陈秀英 提交 · 社区工作人员 王丽. */
  proxyLine: z.string().optional(),
});
export type RedemptionView = z.infer<typeof redemptionViewSchema>;

/** Redemption codes avoid look-alike characters like booking codes, and are as long. */
export const REDEMPTION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REDEMPTION_CODE_LENGTH = 6;
export const redemptionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${REDEMPTION_CODE_ALPHABET}]{${REDEMPTION_CODE_LENGTH}}$`), { message: '兑换码是 6 位字母和数字' }));

// ───────────────────────────── views ─────────────────────────────

export const boardRowSchema = z.object({
  /** 陈*英: enough for a volunteer to find themselves, not a full name for strangers. */
  name: z.string(),
  hours: z.number(),
  points: z.number(),
  activities: z.number().int(),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

export const certificateSchema = z.object({
  /** Stable for the same records: a certificate printed twice carries the same number. */
  number: z.string(),
  volunteerName: z.string(),
  phoneMasked: z.string().nullable(),
  issuer: z.string(),
  issuedAt: z.string(),
  totalHours: z.number(),
  activities: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      date: z.string(),
      location: z.string(),
      hours: z.number(),
      recordedBy: z.string(),
    }),
  ),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份要写成 2026-11 这样的格式' });

export const attendanceKindSchema = z.enum(['in', 'out']);
export type AttendanceKind = z.infer<typeof attendanceKindSchema>;

export const activityRefSchema = { activityId: idSchema };
export const dateSchema = calendarDateSchema;
