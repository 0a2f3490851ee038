import type { AttendanceMethod, BoardRow, Entry, PointsRule, Recorder } from './volunteer.schema';

/**
 * The points ledger as pure rules. Entries are append-only: a balance is always the sum of a
 * person's entries, a correction is a new entry, and undoing one is a reversing entry that names
 * it. What an entry is about makes its id (`grantId`, `spendId` …), so confirming an activity twice,
 * or a retry, meets the id already written instead of writing a second grant.
 */

export const grantId = (ledger: string, activityId: string, openid: string) => `${ledger}:grant:${activityId}:${openid}`;
export const spendId = (redemptionId: string) => `volunteer:spend:${redemptionId}`;
export const reversalId = (entryId: string) => `rev:${entryId}`;
export const scoreId = (communityId: string, month: string, itemId: string, openid: string) =>
  `party:score:${communityId}:${month}:${itemId}:${openid}`;
export const walletId = (ledger: string, communityId: string, openid: string) => `${ledger}:${communityId}:${openid}`;
export const capId = (communityId: string, openid: string, month: string) => `${communityId}:${openid}:${month}`;

/** Points kept to one decimal: 0.1 + 0.2 must not print as 0.30000000000000004. */
export const roundPoints = (n: number) => Math.round(n * 10) / 10;

export interface Totals {
  /** The sum of every entry: what may be spent. */
  balance: number;
  /** Credited by grants and corrections, less their reversals. */
  earned: number;
  /** Taken by redemptions and expiry, less their reversals. */
  spent: number;
  hours: number;
  entries: number;
}

/** A person's totals, from their entries alone. */
export function foldLedger(entries: readonly Pick<Entry, 'points' | 'hours' | 'kind'>[]): Totals {
  let balance = 0;
  let earned = 0;
  let spent = 0;
  let hours = 0;
  for (const e of entries) {
    balance += e.points;
    hours += e.hours;
    if (e.kind === 'spend' || e.kind === 'expiry') spent -= e.points;
    else if (e.kind === 'reversal' && e.points > 0) spent -= e.points;
    else earned += e.points;
  }
  return {
    balance: roundPoints(balance),
    earned: roundPoints(earned),
    spent: roundPoints(spent),
    hours: roundPoints(hours),
    entries: entries.length,
  };
}

/** What a new entry needs besides its place in the ledger (seq, balanceAfter), which the writer adds. */
export type EntryDraft = Omit<Entry, 'seq' | 'balanceAfter'>;

/** Why an entry cannot be reversed, or null. A reversal is never reversed itself: correct again instead. */
export function reversalRefusal(entry: Pick<Entry, 'kind'>, alreadyReversed: boolean): 'reversal' | 'alreadyReversed' | 'spend' | null {
  if (entry.kind === 'reversal') return 'reversal';
  // a redemption is undone by cancelling it (which returns the item to the shelf), not from the ledger
  if (entry.kind === 'spend') return 'spend';
  if (alreadyReversed) return 'alreadyReversed';
  return null;
}

/** The entry that undoes `entry`: the same points and hours with the opposite sign, naming it. */
export function reversalOf(entry: Entry, by: Recorder, reason: string, at: Date, day: string, month: string): EntryDraft {
  return {
    _id: reversalId(entry._id),
    ledger: entry.ledger,
    communityId: entry.communityId,
    openid: entry.openid,
    name: entry.name,
    kind: 'reversal',
    points: roundPoints(-entry.points),
    hours: roundPoints(-entry.hours),
    ...(entry.activityId ? { activityId: entry.activityId } : {}),
    ...(entry.activityTitle ? { activityTitle: entry.activityTitle } : {}),
    ...(entry.redemptionId ? { redemptionId: entry.redemptionId } : {}),
    ...(entry.itemId ? { itemId: entry.itemId } : {}),
    reverses: entry._id,
    reason,
    recordedBy: by,
    at: at.toISOString(),
    month,
    day,
  };
}

export interface Caps {
  capPerDay: number | null;
  capPerMonth: number | null;
}

/** What one person has already been granted, counted in the same transaction as the grant. */
export interface CapUsage {
  month: number;
  days: Record<string, number>;
}

/**
 * How much of a grant the caps let through (never below zero), and whether a cap cut it. A cap
 * limits what attendance earns; staff corrections are their own, recorded with a reason.
 */
export function capGrant(points: number, caps: Caps, usage: CapUsage, day: string): { points: number; capped: boolean } {
  let allowed = points;
  if (caps.capPerDay !== null) allowed = Math.min(allowed, caps.capPerDay - (usage.days[day] ?? 0));
  if (caps.capPerMonth !== null) allowed = Math.min(allowed, caps.capPerMonth - usage.month);
  allowed = roundPoints(Math.max(0, allowed));
  return { points: allowed, capped: allowed < points };
}

/** The usage after a grant of `points` on `day`. */
export const addUsage = (usage: CapUsage, day: string, points: number): CapUsage => ({
  month: roundPoints(usage.month + points),
  days: { ...usage.days, [day]: roundPoints((usage.days[day] ?? 0) + points) },
});

/** Why a redemption cannot go through, or null: the shelf and the balance are read in the same transaction. */
export function redemptionRefusal(
  balance: number,
  price: number,
  left: number,
  active: boolean,
): 'inactive' | 'outOfStock' | 'insufficient' | null {
  if (!active) return 'inactive';
  if (left <= 0) return 'outOfStock';
  // no balance ever goes below zero
  if (balance < price) return 'insufficient';
  return null;
}

const HOUR = 3_600_000;

/** Service time proven between check-in and check-out, inside the activity's hours, in half hours (rounded down). */
export function provenHours(
  attendance: { checkInAt?: string; checkOutAt?: string; method?: AttendanceMethod; manualHours?: number },
  activity: { startAt: string; endAt: string },
): number {
  if (attendance.method === 'manual' && attendance.manualHours !== undefined) return attendance.manualHours;
  if (!attendance.checkInAt || !attendance.checkOutAt) return 0;
  const from = Math.max(Date.parse(attendance.checkInAt), Date.parse(activity.startAt));
  const to = Math.min(Date.parse(attendance.checkOutAt), Date.parse(activity.endAt));
  if (to <= from) return 0;
  return Math.floor(((to - from) / HOUR) * 2) / 2;
}

/** Whether a person counts as present (checked in, or marked by hand). */
export const attended = (a: { checkInAt?: string; method?: AttendanceMethod }) => Boolean(a.checkInAt) || a.method === 'manual';

/** Points a present volunteer earns: per proven hour, or once for the task. */
export function pointsFor(rule: PointsRule, hours: number, present: boolean): number {
  if (!present) return 0;
  return roundPoints(rule.kind === 'perHour' ? rule.points * hours : rule.points);
}

/** 陈秀英 → 陈*英, 王丽 → 王*: a volunteer finds themselves on the public board, a stranger learns little. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** What counts on the monthly board: service (grants, corrections, and their reversals), not spending. */
const onBoard = (e: Pick<Entry, 'kind' | 'reverses'>) =>
  e.kind === 'grant' || e.kind === 'correction' || (e.kind === 'reversal' && !e.reverses?.startsWith('volunteer:spend:'));

/**
 * 公示: hours and points by volunteer for one month, most hours first (then points, activities, name), from
 * the month's entries. Volunteers whose month nets to nothing are left out.
 */
export function monthlyBoard(
  entries: readonly Pick<Entry, 'openid' | 'name' | 'kind' | 'points' | 'hours' | 'activityId' | 'reverses'>[],
): BoardRow[] {
  const rows = new Map<string, { name: string; hours: number; points: number; activities: Set<string> }>();
  for (const e of entries) {
    if (!onBoard(e)) continue;
    let row = rows.get(e.openid);
    if (!row) {
      row = { name: e.name, hours: 0, points: 0, activities: new Set() };
      rows.set(e.openid, row);
    }
    row.hours += e.hours;
    row.points += e.points;
    if (e.activityId) {
      if (e.kind === 'grant') row.activities.add(e.activityId);
      else if (e.kind === 'reversal') row.activities.delete(e.activityId);
    }
  }
  return [...rows.values()]
    .map((r) => ({ name: maskName(r.name), hours: roundPoints(r.hours), points: roundPoints(r.points), activities: r.activities.size }))
    .filter((r) => r.hours !== 0 || r.points !== 0)
    .sort((a, b) => b.hours - a.hours || b.points - a.points || b.activities - a.activities || a.name.localeCompare(b.name));
}

/**
 * Points that have outlived their life (credited before `cutoff`) and are not yet used: spending,
 * expiry and debits take the oldest credits first, so what expires is what is left of the old
 * credits after every debit so far — never more than the balance.
 */
export function expirable(entries: readonly Pick<Entry, 'points' | 'at'>[], cutoff: Date): number {
  let oldCredits = 0;
  let debits = 0;
  let balance = 0;
  for (const e of entries) {
    balance += e.points;
    if (e.points < 0) debits -= e.points;
    else if (Date.parse(e.at) < cutoff.getTime()) oldCredits += e.points;
  }
  return roundPoints(Math.max(0, Math.min(balance, oldCredits - debits)));
}

/** Credits earned before this instant have outlived a life of `months` months at `now`. */
export function expiryCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** One expiry entry per (ledger, community, person, Shanghai day): a repeated timer run writes it once. */
export const expiryId = (ledger: string, communityId: string, openid: string, day: string) =>
  `${ledger}:expiry:${communityId}:${openid}:${day}`;
