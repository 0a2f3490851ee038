import { z } from 'zod';
import { dayjs, inShanghai, shanghaiDate } from '../common/time';
import { STAT_FIELDS, type StatField } from './request.rules';
import { CATEGORY_CONFIG, REQUEST_CATEGORIES, type RequestCategory } from './request.schema';
import { REQUEST_SOURCE_LABELS, REQUEST_SOURCES, type RequestSource } from './source.schema';

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

/**
 * Beside the STAT_FIELDS, a day document counts the requests reported that day by source
 * (`from_patrol` …) and by category (`cat_repairs` …), for the figures pages' charts.
 */
export const sourceField = (s: RequestSource) => `from_${s}` as const;
export const categoryField = (c: RequestCategory) => `cat_${c}` as const;

/** The breakdown fields a step's counters add: each report counted again under its source and its category. */
export function breakdownOf(
  inc: Readonly<Record<string, number>>,
  r: { source?: RequestSource | undefined; category: RequestCategory },
): Record<string, number> {
  const n = inc.submitted ?? 0;
  return n ? { [sourceField(r.source ?? 'resident')]: n, [categoryField(r.category)]: n } : {};
}

const rateSchema = z.number().nullable();
export const figureSeriesSchema = z.object({
  /** Received (反映) and closed (办结) per day of the period; per month for a year. */
  points: z.array(z.object({ label: z.string(), submitted: z.number(), closed: z.number() })),
  /** The period's reports by category, most first (categories with none left out). */
  byCategory: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  /** The period's reports by source, every source. */
  bySource: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  /** 响应率 / 解决率 / 满意率 month by month over the last 12 months (this month last). */
  months: z.array(z.object({ month: z.string(), responseRate: rateSchema, resolutionRate: rateSchema, satisfactionRate: rateSchema })),
});
export type FigureSeries = z.infer<typeof figureSeriesSchema>;

/** The 12 months (YYYY-MM) ending with the month of `today` (YYYY-MM-DD). */
export function lastMonths(today: string, n = 12): string[] {
  const end = dayjs.utc(`${today.slice(0, 7)}-01`);
  return Array.from({ length: n }, (_, i) => end.subtract(n - 1 - i, 'month').format('YYYY-MM'));
}

/** A day document as the charts read it: the counters of one day, with its breakdown fields. */
export type DayDoc = Partial<StatCounts> & { day: string } & Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * The charts' series of one place from its day documents: `days` must cover the period and the
 * last 12 months. A year's points are its months (365 bars would not read on a phone).
 */
export function computeSeries(days: readonly DayDoc[], range: { from: string; to: string }, period: Period): FigureSeries {
  const inRange = days.filter((d) => d.day >= range.from && d.day <= range.to);
  const byDay = new Map(inRange.map((d) => [d.day, d]));
  const points =
    period === 'year'
      ? lastMonths(range.to, Number(range.to.slice(5, 7))).map((m) => {
          const sum = sumCounts(inRange.filter((d) => d.day.startsWith(m)));
          return { label: `${Number(m.slice(5))}月`, submitted: sum.submitted, closed: sum.closed };
        })
      : datesBetween(range.from, range.to).map((day) => ({
          label: `${Number(day.slice(5, 7))}/${Number(day.slice(8))}`,
          submitted: byDay.get(day)?.submitted ?? 0,
          closed: byDay.get(day)?.closed ?? 0,
        }));
  const total = (field: string) => inRange.reduce((n, d) => n + num(d[field]), 0);
  const byCategory = REQUEST_CATEGORIES.map((c) => ({ key: c, label: CATEGORY_CONFIG[c].label, count: total(categoryField(c)) }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
  const bySource = REQUEST_SOURCES.map((s) => ({ key: s, label: REQUEST_SOURCE_LABELS[s], count: total(sourceField(s)) }));
  const months = lastMonths(range.to).map((month) => {
    const t = sumCounts(days.filter((d) => d.day.startsWith(month)));
    return {
      month,
      responseRate: ratio(t.acceptedOnTime, t.accepted),
      resolutionRate: ratio(t.solved, t.rated),
      satisfactionRate: ratio(t.satisfied, t.rated),
    };
  });
  return { points, byCategory, bySource, months };
}
