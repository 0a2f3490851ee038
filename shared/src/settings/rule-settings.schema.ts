import { z } from 'zod';
import {
  ACCEPT_WITHIN,
  CATEGORY_CONFIG,
  DEADLINE_TIERS,
  ESCALATE_EVERY,
  deadlineTierSchema,
  FEEDBACK_WITHIN,
  REQUEST_CATEGORIES,
  TIER_SPANS,
  triageTrackSchema,
  type DeadlineTier,
  type RequestCategory,
  type Span,
  type TriageTrack,
} from '../requests/request.schema';

/** A span as the district admin sets it: clock hours, or working days by the holiday calendar. */
export const spanSchema = z.union([
  z.object({ hours: z.number().min(0.5, { message: '至少半小时' }).max(720, { message: '最多 720 小时（30 天）' }) }),
  z.object({
    workdays: z.number().int({ message: '工作日要写整数' }).min(1, { message: '至少 1 个工作日' }).max(60, { message: '最多 60 个工作日' }),
  }),
]);

/** One deadline tier: 受理 within, first 反馈 within, 办结 within, and how long before the deadline the holder is warned. */
export const tierRuleSchema = z.object({
  accept: spanSchema,
  feedback: spanSchema,
  resolve: spanSchema,
  warnBeforeHours: z.number().min(0.5, { message: '提醒至少提前半小时' }).max(72, { message: '提醒最多提前 72 小时' }),
});
export type TierRule = z.infer<typeof tierRuleSchema>;

/** The numbers each community works with; another feature reads them through `communityNumbers`. */
export const communityNumbersSchema = z.object({
  /** 议事厅: the 附议 a topic needs before it goes to the 议事会. */
  yishitingSupportThreshold: z.number().int().min(1, { message: '至少 1 人' }).max(10_000, { message: '最多 10000 人' }),
  /** 社区 (城市居民委员会组织法) or 村 (村民委员会组织法): which law's meetings take its resolutions. */
  communityKind: z.enum(['urban', 'village']).default('urban'),
});
export type CommunityNumbers = z.infer<typeof communityNumbersSchema>;
export type CommunityKind = CommunityNumbers['communityKind'];
export const COMMUNITY_KIND_LABELS: Record<CommunityKind, string> = {
  urban: '城市社区（居民会议／居民代表会议，城市居民委员会组织法）',
  village: '村（村民会议／村民代表会议，村民委员会组织法）',
};

export const ruleSettingsSchema = z.object({
  tiers: z.object(Object.fromEntries(DEADLINE_TIERS.map((t) => [t, tierRuleSchema])) as Record<DeadlineTier, typeof tierRuleSchema>),
  /** 三事分流: each category's deadline tier and the track it goes to by default. */
  categories: z.object(
    Object.fromEntries(REQUEST_CATEGORIES.map((c) => [c, z.object({ tier: deadlineTierSchema, track: triageTrackSchema })])) as Record<
      RequestCategory,
      z.ZodObject<{ tier: typeof deadlineTierSchema; track: typeof triageTrackSchema }>
    >,
  ),
  /**
   * 督办 intervals: after a missed deadline, how long each level has before the request goes one
   * level further (受理, then per tier while it is handled). Versions saved before it had the code's.
   */
  escalateEvery: z
    .object({
      accept: spanSchema,
      ...(Object.fromEntries(DEADLINE_TIERS.map((t) => [t, spanSchema])) as Record<DeadlineTier, typeof spanSchema>),
    })
    .default(ESCALATE_EVERY),
  /** Every community's numbers unless it has its own below. */
  community: communityNumbersSchema,
  communities: z.record(z.string(), communityNumbersSchema.partial()),
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

const WARN_BEFORE: Record<DeadlineTier, number> = { emergency: 0.5, utility: 6, general: 24, complex: 24 };
/** Where a category goes by default: 水电气暖, 违建 and 政策 are government matters (大事), the rest stays in the community. */
const DEFAULT_TRACK: Partial<Record<RequestCategory, TriageTrack>> = {
  utilities: 'major',
  construction: 'major',
  policy: 'major',
  safety: 'major',
};

/** The seed: the 12345 platforms' deadlines (as the code had them) and the demo street's numbers. */
export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  tiers: Object.fromEntries(
    DEADLINE_TIERS.map((t) => [
      t,
      { accept: ACCEPT_WITHIN, feedback: FEEDBACK_WITHIN[t], resolve: TIER_SPANS[t], warnBeforeHours: WARN_BEFORE[t] },
    ]),
  ) as Record<DeadlineTier, TierRule>,
  categories: Object.fromEntries(
    REQUEST_CATEGORIES.map((c) => [c, { tier: CATEGORY_CONFIG[c].tier, track: DEFAULT_TRACK[c] ?? 'minor' }]),
  ) as RuleSettings['categories'],
  escalateEvery: ESCALATE_EVERY,
  community: { yishitingSupportThreshold: 10, communityKind: 'urban' },
  communities: {},
};

/** A stored version as it reads now: a version saved before a setting existed has the seed's. */
export const completeSettings = (s: RuleSettings): RuleSettings => ({ ...s, escalateEvery: s.escalateEvery ?? ESCALATE_EVERY });

/** A community's numbers: its own where set, the district's otherwise. */
export const communityNumbers = (settings: RuleSettings, communityId: string): CommunityNumbers => ({
  ...DEFAULT_RULE_SETTINGS.community,
  ...settings.community,
  ...Object.fromEntries(Object.entries(settings.communities[communityId] ?? {}).filter(([, v]) => v !== undefined)),
});

/** The settings in force on a date: the latest version effective on or before it, else the seed. */
export function settingsInForce<V extends { effectiveFrom: string; settings: RuleSettings }>(
  versions: readonly V[],
  date: string,
): RuleSettings {
  const inForce = versions.filter((v) => v.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return inForce ? completeSettings(inForce.settings) : DEFAULT_RULE_SETTINGS;
}

export const spanText = (s: Span): string => ('hours' in s ? `${s.hours} 小时` : `${s.workdays} 个工作日`);
