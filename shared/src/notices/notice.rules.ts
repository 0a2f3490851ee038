import { err, ok, type Result } from '../common/result';
import { formatShanghai, inShanghai } from '../common/time';
import type { Place, PlaceKind } from '../places/place.schema';
import { grantCovers } from '../roles/role.rules';
import { ROLE_LABELS, type Grant, type Role } from '../roles/role.schema';
import type { TeamMember } from '../team/team.schema';
import type { NoticeCategory, NoticeState, NoticeStatus, ReachCounts } from './notice.schema';

// ───────────────────────────── who may publish where ─────────────────────────────

/**
 * The kinds of place each role may address. A point leader speaks to their own compound (or one
 * of its buildings, e.g. a water cut in 3号楼); community staff to the community, chosen
 * compounds or buildings; street staff to the street and anything in it. Units and households
 * are never targets: a notice is for a place, not a person.
 */
export const PUBLISH_KINDS: Partial<Record<Role, readonly PlaceKind[]>> = {
  pointLeader: ['compound', 'building'],
  communityStaff: ['community', 'compound', 'building'],
  streetStaff: ['street', 'community', 'compound', 'building'],
  admin: ['district', 'street', 'community', 'compound', 'building'],
};

/** 阳光三务 is the residents' committee's public record: only staff disclose it. */
const SUNSHINE_ROLES: readonly Role[] = ['communityStaff', 'streetStaff', 'admin'];

type PlaceRef = Pick<Place, '_id' | 'kind' | 'path'>;

export const publisherGrants = (grants: readonly Grant[]): Grant[] => grants.filter((g) => PUBLISH_KINDS[g.role] !== undefined);

/** True when one of the caller's grants lets them address this place. */
export function canTarget(grants: readonly Grant[], place: PlaceRef): boolean {
  return grants.some((g) => (PUBLISH_KINDS[g.role] ?? []).includes(place.kind) && grantCovers(g, place));
}

/** A notice may be managed (reach, reminders, door list, withdrawal) by whoever could have sent it to every one of its targets. */
export function canManage(grants: readonly Grant[], targets: readonly PlaceRef[]): boolean {
  return targets.length > 0 && targets.every((t) => canTarget(grants, t));
}

export function canPublishCategory(grants: readonly Grant[], category: NoticeCategory, targets: readonly PlaceRef[]): boolean {
  if (category !== 'sunshine') return true;
  return targets.every((t) => grants.some((g) => SUNSHINE_ROLES.includes(g.role) && grantCovers(g, t)));
}

/** "新光花园 小区点长 孙丽华": who a notice is from, as residents read it. */
export function publisherLabel(grant: Pick<Grant, 'role' | 'placeName'>, name: string | null | undefined): string {
  return [grant.placeName, ROLE_LABELS[grant.role], name ?? ''].filter(Boolean).join(' ');
}

/** The grant a publisher acts under for these targets: the narrowest one that covers them all. */
export function actingGrant(grants: readonly Grant[], targets: readonly PlaceRef[]): Grant | undefined {
  const fitting = grants.filter((g) => targets.every((t) => (PUBLISH_KINDS[g.role] ?? []).includes(t.kind) && grantCovers(g, t)));
  return fitting.sort((a, b) => b.placePath.length - a.placePath.length)[0];
}

// ───────────────────────────── time ─────────────────────────────

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How long each kind of notice stays in the feed unless the publisher says otherwise. */
export const DEFAULT_LIFETIME_DAYS: Record<NoticeCategory, number> = {
  urgent: 3,
  outage: 3,
  notice: 14,
  activity: 14,
  sunshine: 30,
};

/** A scheduled notice may be set at most this far ahead, and live at most this long. */
export const MAX_SCHEDULE_AHEAD_DAYS = 30;
export const MAX_LIFETIME_DAYS = 365;
/** A phone's clock and a slow form may lag: "now" from the phone may be this much in the past. */
export const PUBLISH_SKEW_MS = 5 * MINUTE;

export type ScheduleProblem = 'publishInPast' | 'publishTooFar' | 'expiryNotAfterPublish' | 'expiryTooFar' | 'expiryInPast';

/** When a notice goes out and when it leaves the feed; refuses times a person would not mean. */
export function scheduleNotice(
  input: { category: NoticeCategory; publishAt?: string | undefined; expiresAt?: string | undefined },
  now: Date,
): Result<{ publishAt: string; expiresAt: string }> {
  const nowMs = now.getTime();
  const requested = input.publishAt ? Date.parse(input.publishAt) : nowMs;
  if (requested < nowMs - PUBLISH_SKEW_MS) return err('NOTICE.SCHEDULE_INVALID', { reason: 'publishInPast' satisfies ScheduleProblem });
  if (requested > nowMs + MAX_SCHEDULE_AHEAD_DAYS * DAY)
    return err('NOTICE.SCHEDULE_INVALID', { reason: 'publishTooFar' satisfies ScheduleProblem, maxDays: MAX_SCHEDULE_AHEAD_DAYS });
  // a time slightly in the past means "now": nobody should see a notice dated before it was written
  const publishMs = Math.max(requested, nowMs);
  const expiryMs = input.expiresAt ? Date.parse(input.expiresAt) : publishMs + DEFAULT_LIFETIME_DAYS[input.category] * DAY;
  if (expiryMs <= nowMs) return err('NOTICE.SCHEDULE_INVALID', { reason: 'expiryInPast' satisfies ScheduleProblem });
  if (expiryMs <= publishMs) return err('NOTICE.SCHEDULE_INVALID', { reason: 'expiryNotAfterPublish' satisfies ScheduleProblem });
  if (expiryMs > publishMs + MAX_LIFETIME_DAYS * DAY)
    return err('NOTICE.SCHEDULE_INVALID', { reason: 'expiryTooFar' satisfies ScheduleProblem, maxDays: MAX_LIFETIME_DAYS });
  return ok({ publishAt: new Date(publishMs).toISOString(), expiresAt: new Date(expiryMs).toISOString() });
}

export function noticeState(notice: { status: NoticeStatus; publishAt: string; expiresAt: string }, now: Date): NoticeState {
  if (notice.status === 'withdrawn') return 'withdrawn';
  if (notice.status === 'preparing') return 'preparing';
  const t = now.toISOString();
  if (notice.publishAt > t) return 'scheduled';
  if (notice.expiresAt <= t) return 'expired';
  return 'live';
}

/** "Remind the unread" at most this often per notice: WeChat grants are scarce and residents are not to be nagged. */
export const REMIND_INTERVAL_MS = 5 * MINUTE;

// ───────────────────────────── residents' feed ─────────────────────────────

/** 紧急 and 停水停电 cannot wait: they sit at the top with pinned notices. */
export const isUrgentCategory = (category: NoticeCategory): boolean => category === 'urgent' || category === 'outage';

/** Feed order: urgent or pinned first, then newest first. */
export function compareFeed(
  a: { category: NoticeCategory; pinned: boolean; publishAt: string },
  b: { category: NoticeCategory; pinned: boolean; publishAt: string },
): number {
  const top = (n: typeof a) => (isUrgentCategory(n.category) || n.pinned ? 1 : 0);
  return top(b) - top(a) || (a.publishAt < b.publishAt ? 1 : a.publishAt > b.publishAt ? -1 : 0);
}

/** The Shanghai month a disclosure belongs to in the 阳光三务 archive. */
export const archiveMonth = (at: string | Date): string => inShanghai(at).format('YYYY-MM');

// ───────────────────────────── delivery ─────────────────────────────

/** Attempts per outbox row before it is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** Wait before the n-th retry: 30 s, 2 min, 8 min, 32 min, capped at an hour. */
export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attemptsSoFar - 1), 60 * MINUTE);
}

/** WeChat's `thing` fields take at most 20 characters (counted as code points). */
export function clipThing(text: string, max = 20): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The data of the notice subscribe message. The keys follow the template picked in the console
 * (通知标题 thing1, 发布单位 thing2, 发布时间 time3, 温馨提示 thing4).
 */
export function noticeMessageData(
  notice: { title: string; publisherLabel: string; publishAt: string; needsAck: boolean; category: NoticeCategory },
  reminder: boolean,
): Record<string, string> {
  const tip = reminder
    ? '您还没有查看这条通知，请点开查看'
    : notice.needsAck
      ? '请点开查看，并点“我已知晓”'
      : isUrgentCategory(notice.category)
        ? '紧急通知，请尽快查看'
        : '点开查看详情';
  return {
    thing1: clipThing(notice.title),
    thing2: clipThing(notice.publisherLabel),
    time3: formatShanghai(notice.publishAt),
    thing4: clipThing(tip),
  };
}

// ───────────────────────────── reach and the door-knocking list ─────────────────────────────

/** Orders buildings, units and rooms as a person walks them: by each place's `sort`, then name. */
export function walkKey(parts: readonly { sort?: number | undefined; name: string }[]): string {
  return parts.map((p) => `${String(p.sort ?? 0).padStart(6, '0')}~${p.name}`).join('|');
}

export type UnitReach = ReachCounts & {
  unitId: string;
  unitName: string;
  buildingId: string;
  buildingName: string;
  sortKey: string;
};

export type BuildingReach = ReachCounts & {
  buildingId: string;
  buildingName: string;
  units: (ReachCounts & { unitId: string; unitName: string })[];
};

const COUNT_KEYS: (keyof ReachCounts)[] = [
  'households',
  'householdsUnregistered',
  'recipients',
  'delivered',
  'noGrant',
  'read',
  'acked',
  'householdsRead',
  'householdsAcked',
];

export function countsOf(source: Partial<ReachCounts>): ReachCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, source[k] ?? 0])) as ReachCounts;
}

function addCounts(into: ReachCounts, from: ReachCounts): void {
  for (const k of COUNT_KEYS) into[k] += from[k];
}

/** Per-unit counters rolled up by building and in total, in walking order. */
export function summarizeReach(units: readonly UnitReach[]): { totals: ReachCounts; buildings: BuildingReach[] } {
  const totals = countsOf({});
  const buildings = new Map<string, BuildingReach>();
  for (const u of [...units].sort((a, b) => a.sortKey.localeCompare(b.sortKey))) {
    const counts = countsOf(u);
    let b = buildings.get(u.buildingId);
    if (!b) {
      b = { buildingId: u.buildingId, buildingName: u.buildingName, ...countsOf({}), units: [] };
      buildings.set(u.buildingId, b);
    }
    b.units.push({ unitId: u.unitId, unitName: u.unitName, ...counts });
    addCounts(b, counts);
    addCounts(totals, counts);
  }
  return { totals, buildings: [...buildings.values()] };
}

/** A 楼栋长 / 单元长 from the compound's team, who knocks on the doors of their building or unit. */
export type DoorHead = { name: string; phone: string; title: string };

const headOf = (m: TeamMember): DoorHead => ({ name: m.name, phone: m.phone, title: m.title ?? '' });

/**
 * The building head on the team (荣誉点长 titled like "1号楼楼栋长" or "1号楼楼长"); the unit head
 * ("1号楼2单元单元长"), the seeds' fourth-level grid worker, when there is one.
 */
export function findHeads(
  members: readonly TeamMember[],
  buildingName: string,
  unitName: string,
): { building?: DoorHead; unit?: DoorHead } {
  const titled = members.filter((m) => m.role === 'honoraryLeader' && m.title);
  const building = titled.find((m) => m.title!.startsWith(buildingName) && /楼栋长|楼长/.test(m.title!.slice(buildingName.length)));
  const unit = titled.find((m) => m.title!.startsWith(`${buildingName}${unitName}`) && /单元长|楼门长/.test(m.title!));
  return { ...(building ? { building: headOf(building) } : {}), ...(unit ? { unit: headOf(unit) } : {}) };
}

export type DoorHousehold = {
  householdId: string;
  householdName: string;
  buildingId: string;
  buildingName: string;
  unitId: string;
  unitName: string;
  compoundId: string;
  compoundName: string;
  sortKey: string;
  /** Registered residents of the household (0: nobody uses the mini-program there). */
  members: number;
};

export type DoorListGroup = {
  buildingId: string;
  buildingName: string;
  compoundName: string;
  head: DoorHead | null;
  count: number;
  units: {
    unitId: string;
    unitName: string;
    head: DoorHead | null;
    households: { householdId: string; name: string; members: number }[];
  }[];
};

/** Households that have not read, grouped by building and unit in walking order, each with who knocks. */
export function groupDoorList(households: readonly DoorHousehold[], teams: ReadonlyMap<string, readonly TeamMember[]>): DoorListGroup[] {
  const groups = new Map<string, DoorListGroup>();
  for (const h of [...households].sort((a, b) => a.sortKey.localeCompare(b.sortKey))) {
    const heads = findHeads(teams.get(h.compoundId) ?? [], h.buildingName, h.unitName);
    let g = groups.get(h.buildingId);
    if (!g) {
      g = {
        buildingId: h.buildingId,
        buildingName: h.buildingName,
        compoundName: h.compoundName,
        head: heads.building ?? null,
        count: 0,
        units: [],
      };
      groups.set(h.buildingId, g);
    }
    let unit = g.units.find((u) => u.unitId === h.unitId);
    if (!unit) {
      unit = { unitId: h.unitId, unitName: h.unitName, head: heads.unit ?? null, households: [] };
      g.units.push(unit);
    }
    unit.households.push({ householdId: h.householdId, name: h.householdName, members: h.members });
    g.count += 1;
  }
  return [...groups.values()];
}
