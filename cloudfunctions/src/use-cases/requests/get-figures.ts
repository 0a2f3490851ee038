import {
  addWorkdays,
  computeFigures,
  computeSeries,
  deadlineCalendarWarning,
  err,
  lastMonths,
  ok,
  periodRange,
  shanghaiDate,
  type Figures,
  type FigureSeries,
  type Period,
  type Place,
  type PlaceKind,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { foldStats } from './fold-stats';
import { LEVEL_FIELD } from './load-detail';

type PlaceFigures = { place: { id: string; name: string; kind: PlaceKind }; figures: Figures };

/**
 * Figures are read from counters, not by scanning requests: every step that changes a count
 * writes its deltas as one row in the same transaction, added to its places' day documents
 * (compound, community, street and district) after the answer by the requests timer and by every
 * figures read first (fold-stats.ts), so a street with 200,000 requests costs one read of at most
 * 366 day documents plus one indexed count of what is overdue now, whatever the number of
 * requests. Counters are exact whenever read (up to a page of 100 pending rows per read; a backlog
 * beyond that waits for the timer's next run, at most 5 minutes).
 */
export async function figuresOf(ctx: Ctx, place: Place, period: Period): Promise<PlaceFigures> {
  return (await readFigures(ctx, place, period, false)).own;
}

/**
 * With the series the read reaches back to the first day of the month 11 months ago (which holds
 * every period: at most 366 day documents), for the 12 months of rates.
 */
async function readFigures(
  ctx: Ctx,
  place: Place,
  period: Period,
  withSeries: boolean,
): Promise<{ own: PlaceFigures; series?: FigureSeries }> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const range = periodRange(period, now);
  const field = LEVEL_FIELD[place.kind];
  const from = withSeries ? `${lastMonths(range.to)[0]}-01` : range.from;
  const [days, overdueNow] = await Promise.all([
    store.find(COLLECTIONS.requestStats, {
      where: { placeId: place._id, day: { gte: from, lte: range.to } },
      orderBy: [['day', 'asc']],
      limit: 400,
    }),
    field ? store.count(COLLECTIONS.requests, { [field]: place._id, deadlineAt: { lt: now.toISOString() } }) : Promise.resolve(0),
  ]);
  return {
    own: {
      place: { id: place._id, name: place.name, kind: place.kind },
      figures: computeFigures(days, range, shanghaiDate(now), overdueNow),
    },
    ...(withSeries ? { series: computeSeries(days, range, period) } : {}),
  };
}

/** A place's figures and its children's (a street's communities, a community's compounds) for drill-down. */
export async function getFigures(
  ctx: Ctx,
  input: { placeId: string; period: Period },
): Promise<Result<PlaceFigures & { series: FigureSeries; children: PlaceFigures[]; calendarWarning?: string }>> {
  const { store, clock, calendar } = ctx.ports;
  // the steps' counter rows not yet added are added first, beside the place's read (fold-stats.ts)
  const [place] = await Promise.all([store.get(COLLECTIONS.places, input.placeId), foldStats(ctx, { pages: 1 })]);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.placeId });
  if (!LEVEL_FIELD[place.kind]) return err('PLACE.NOT_A_COMPOUND');
  const children =
    place.kind === 'compound'
      ? []
      : await store.find(COLLECTIONS.places, { where: { parentId: place._id }, orderBy: [['sort', 'asc']], limit: 100 });
  const [{ own, series }, rest] = await Promise.all([
    readFigures(ctx, place, input.period, true),
    Promise.all(children.map((c) => figuresOf(ctx, c, input.period))),
  ]);
  const estimated = addWorkdays(clock.now(), 15, calendar).estimated;
  return ok({ ...own, series: series!, children: rest, ...(estimated ? { calendarWarning: deadlineCalendarWarning(calendar) } : {}) });
}
