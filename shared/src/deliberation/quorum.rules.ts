/**
 * The legal quorum (到会人数) and pass rule (表决通过) of each kind of meeting that takes a step of
 * 四议一审两公开, as pure integer arithmetic (no floating point: 2/3 of 9 is exactly 6).
 *
 * Sources, checked against the law's text (not the summary):
 * - 居民会议: 《中华人民共和国城市居民委员会组织法》(2018 修正) 第九条第三款: "居民会议必须有全体十八
 *   周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行。会议的决定，由出席人的过半数
 *   通过。" (第十条 is who convenes it; the "§10" is the article after this one.) The 2025
 *   revision (in force 2026-01-01) moved these rules into its 第四章 居民会议和居民代表会议 and renumbered
 *   the articles: the article number is data (`source`) so it can follow the new text without code changes.
 * - 村民会议: 《中华人民共和国村民委员会组织法》第二十二条: "召开村民会议，应当有本村十八周岁以上村民的
 *   过半数，或者本村三分之二以上的户的代表参加，村民会议所作决定应当经到会人员的过半数通过。"
 * - 村民代表会议: 同法第二十六条: "村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会
 *   人员的过半数同意。"
 * - 党员大会: 《中国共产党支部工作条例（试行）》第十一条: "表决必须有半数以上有表决权的党员到会方可进行，
 *   赞成人数超过应到会有表决权的党员的半数为通过。" (note: more than half of those *expected*).
 * "以上" includes the number itself, "过半数"/"超过" does not.
 */

export const MEETING_TYPES = ['residentsMeeting', 'villagersMeeting', 'villagersRepMeeting', 'partyAssembly', 'committeeMeeting'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** Whose attendance the quorum counts: adults, one person per household, or the members (代表, 党员, 两委). */
export const MEETING_BASES = ['adults', 'households', 'groupReps', 'members'] as const;
export type MeetingBase = (typeof MEETING_BASES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  residentsMeeting: '居民会议',
  villagersMeeting: '村民会议',
  villagersRepMeeting: '村民代表会议',
  partyAssembly: '党员大会',
  committeeMeeting: '两委联席会议',
};

export const MEETING_BASE_LABELS: Record<MeetingBase, string> = {
  adults: '十八周岁以上的居民（村民）',
  households: '户的代表（每户一人）',
  groupReps: '居民小组选举的代表',
  members: '组成人员',
};

/** A fraction of a count: `strict` means "more than" (过半数), otherwise "at least" (以上). */
export type Fraction = { num: number; den: number; strict: boolean };
export type QuorumRule = {
  type: MeetingType;
  base: MeetingBase;
  quorum: Fraction;
  /** Approval counted against those present (到会人员) or those expected (应到会). */
  pass: Fraction & { of: 'present' | 'expected' };
  /** The law and article, for the page that shows the rule. */
  source: string;
  /** The rule in a resident's words. */
  text: string;
};

const MORE_THAN_HALF: Fraction = { num: 1, den: 2, strict: true };
const HALF_OR_MORE: Fraction = { num: 1, den: 2, strict: false };
const TWO_THIRDS_OR_MORE: Fraction = { num: 2, den: 3, strict: false };

const URBAN = '《中华人民共和国城市居民委员会组织法》第九条';
const VILLAGE = '《中华人民共和国村民委员会组织法》';

export const QUORUM_RULES: readonly QuorumRule[] = [
  ...(['adults', 'households', 'groupReps'] as const).map((base): QuorumRule => ({
    type: 'residentsMeeting',
    base,
    quorum: MORE_THAN_HALF,
    pass: { ...MORE_THAN_HALF, of: 'present' },
    source: URBAN,
    text: `须有${MEETING_BASE_LABELS[base]}过半数出席方可举行，决定由出席人的过半数通过`,
  })),
  {
    type: 'villagersMeeting',
    base: 'adults',
    quorum: MORE_THAN_HALF,
    pass: { ...MORE_THAN_HALF, of: 'present' },
    source: `${VILLAGE}第二十二条`,
    text: '须有本村十八周岁以上村民的过半数参加，所作决定经到会人员的过半数通过',
  },
  {
    type: 'villagersMeeting',
    base: 'households',
    quorum: TWO_THIRDS_OR_MORE,
    pass: { ...MORE_THAN_HALF, of: 'present' },
    source: `${VILLAGE}第二十二条`,
    text: '须有本村三分之二以上的户的代表参加，所作决定经到会人员的过半数通过',
  },
  {
    type: 'villagersRepMeeting',
    base: 'members',
    quorum: TWO_THIRDS_OR_MORE,
    pass: { ...MORE_THAN_HALF, of: 'present' },
    source: `${VILLAGE}第二十六条`,
    text: '须有三分之二以上的组成人员参加方可召开，所作决定经到会人员的过半数同意',
  },
  {
    type: 'partyAssembly',
    base: 'members',
    quorum: HALF_OR_MORE,
    pass: { ...MORE_THAN_HALF, of: 'expected' },
    source: '《中国共产党支部工作条例（试行）》第十一条',
    text: '表决须有半数以上有表决权的党员到会，赞成人数超过应到会党员的半数为通过',
  },
  {
    type: 'committeeMeeting',
    base: 'members',
    quorum: MORE_THAN_HALF,
    pass: { ...MORE_THAN_HALF, of: 'present' },
    source: '村（社区）“两委”联席会议议事规则：少数服从多数',
    text: '须有过半数的两委成员到会，决定由到会成员的过半数通过',
  },
];

/** The rule for a meeting type on a base, or null when the law has no such meeting (a 村民会议 of 小组代表). */
export function quorumRule(type: MeetingType, base: MeetingBase): QuorumRule | null {
  return QUORUM_RULES.find((r) => r.type === type && r.base === base) ?? null;
}

/** The bases a meeting type may be counted on, for the scheduling form. */
export const basesOf = (type: MeetingType): MeetingBase[] => QUORUM_RULES.filter((r) => r.type === type).map((r) => r.base);

/** `count` reaches the fraction of `total`: exact integer comparison. */
export function reaches(count: number, total: number, f: Fraction): boolean {
  return f.strict ? count * f.den > total * f.num : count * f.den >= total * f.num;
}

/** The smallest count that reaches the fraction of `total` (what the page shows as 法定到会人数). */
export function needed(total: number, f: Fraction): number {
  const exact = (total * f.num) / f.den;
  return f.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

export type QuorumCheck = { expected: number; present: number; needed: number; met: boolean; source: string; text: string };

export function checkQuorum(rule: QuorumRule, expected: number, present: number): QuorumCheck {
  return {
    expected,
    present,
    needed: needed(expected, rule.quorum),
    met: expected > 0 && reaches(present, expected, rule.quorum),
    source: rule.source,
    text: rule.text,
  };
}

export type MeetingTally = { yes: number; no: number; abstain: number };

export type MeetingDecision =
  | { ok: true; passed: boolean; quorum: QuorumCheck; yesNeeded: number }
  | { ok: false; code: 'DELIB.NO_QUORUM' | 'DELIB.TALLY_INVALID'; quorum: QuorumCheck };

/**
 * A show-of-hands vote in a meeting: refused without quorum, refused when the hands add up to more
 * than were present, else passed by the rule's approval fraction.
 */
export function decideMeeting(rule: QuorumRule, expected: number, present: number, tally: MeetingTally): MeetingDecision {
  const quorum = checkQuorum(rule, expected, present);
  if (!quorum.met) return { ok: false, code: 'DELIB.NO_QUORUM', quorum };
  const counts = [tally.yes, tally.no, tally.abstain];
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || tally.yes + tally.no + tally.abstain > present)
    return { ok: false, code: 'DELIB.TALLY_INVALID', quorum };
  const base = rule.pass.of === 'present' ? present : expected;
  return { ok: true, passed: reaches(tally.yes, base, rule.pass), quorum, yesNeeded: needed(base, rule.pass) };
}

/** Which law a meeting type belongs to: 居民会议 the urban law, 村民（代表）会议 the village law; party and 两委 meetings both. */
export const MEETING_LAW: Record<MeetingType, 'urban' | 'village' | null> = {
  residentsMeeting: 'urban',
  villagersMeeting: 'village',
  villagersRepMeeting: 'village',
  partyAssembly: null,
  committeeMeeting: null,
};

/** The meeting types a community of this kind may hold (the scheduling form's choice). */
export const meetingTypesFor = (kind: 'urban' | 'village', types: readonly MeetingType[] = MEETING_TYPES): MeetingType[] =>
  types.filter((t) => MEETING_LAW[t] === null || MEETING_LAW[t] === kind);

/** A community of `kind` may hold a meeting of `type` under its own law only. */
export const lawAllows = (kind: 'urban' | 'village', type: MeetingType): boolean =>
  MEETING_LAW[type] === null || MEETING_LAW[type] === kind;
