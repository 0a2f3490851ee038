import { z } from 'zod';
import { dayjs, inShanghai, shanghaiDate } from '../common/time';
import { STAT_FIELDS, type StatField } from './request.rules';

/**
 * The figures real platforms publish (seed 004; Beijing 12345), from counters kept per place and
 * day. Each ratio is defined here once:
 * - 响应率 = accepted within the 2-hour limit / accepted (by accept day);
 * - 解决率 = ratings that say the problem is solved / ratings;
 * - 满意率 = ratings 满意 or 基本满意 / ratings (unrated closures are not counted as satisfied);
 * - 办结率 = of the requests accepted in the period, how many are closed now (a cohort, so ≤ 100 %);
 * - average handling time = report to close, over the requests closed in the period.
 * A ratio with nothing to divide by is null (shown as “—”), never 100 %.
 */
export type StatCounts = Record<StatField, number>;
export const emptyCounts = (): StatCounts => Object.fromEntries(STAT_FIELDS.map((f) => [f, 0])) as StatCounts;

export const PERIODS = ['today', 'month', 'year'] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;
export const PERIOD_LABELS: Record<Period, string> = { today: '今日', month: '本月', year: '本年' };

/** A period as Shanghai dates, inclusive. */
export function periodRange(period: Period, now: Date): { from: string; to: string } {
  const t = inShanghai(now);
  const to = shanghaiDate(now);
  if (period === 'today') return { from: to, to };
  return { from: t.startOf(period).format('YYYY-MM-DD'), to };
}

export const figuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  submitted: z.number(),
  accepted: z.number(),
  acceptedToday: z.number(),
  closed: z.number(),
  closedToday: z.number(),
  rated: z.number(),
  merged: z.number(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  completionRate: z.number().nullable(),
  avgHandlingHours: z.number().nullable(),
  overdueNow: z.number(),
});
export type Figures = z.infer<typeof figuresSchema>;

/** A percentage with one decimal, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((Math.min(part, whole) / whole) * 1000) / 10 : null;

export const formatRate = (value: number | null): string => (value === null ? '—' : `${value}%`);

export function sumCounts(days: readonly Partial<StatCounts>[]): StatCounts {
  const total = emptyCounts();
  for (const d of days) for (const f of STAT_FIELDS) total[f] += d[f] ?? 0;
  return total;
}

/** Figures of one place over a period from its day counters, plus the live count of overdue requests. */
export function computeFigures(
  days: readonly (Partial<StatCounts> & { day: string })[],
  range: { from: string; to: string },
  today: string,
  overdueNow: number,
): Figures {
  const inRange = days.filter((d) => d.day >= range.from && d.day <= range.to);
  const total = sumCounts(inRange);
  const todays = sumCounts(days.filter((d) => d.day === today));
  return {
    from: range.from,
    to: range.to,
    submitted: total.submitted,
    accepted: total.accepted,
    acceptedToday: todays.accepted,
    closed: total.closed,
    closedToday: todays.closed,
    rated: total.rated,
    merged: total.merged,
    responseRate: ratio(total.acceptedOnTime, total.accepted),
    resolutionRate: ratio(total.solved, total.rated),
    satisfactionRate: ratio(total.satisfied, total.rated),
    completionRate: ratio(total.closedOfAccepted, total.accepted),
    avgHandlingHours: total.closed > 0 ? Math.round(total.handlingMs / total.closed / 360_000) / 10 : null,
    overdueNow,
  };
}

/** Dates from..to inclusive, for a ledger's or a chart's rows. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayjs.utc(from); d.format('YYYY-MM-DD') <= to && out.length < 400; d = d.add(1, 'day')) out.push(d.format('YYYY-MM-DD'));
  return out;
}
