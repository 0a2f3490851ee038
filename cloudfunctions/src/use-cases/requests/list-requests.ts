import {
  addWorkdays,
  deadlineCalendarWarning,
  err,
  escalationLevelOf,
  isStaffHeld,
  ok,
  type ActionParsed,
  type RequestDoc,
  type RequestsContract,
  type RequestSummary,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { Filter, SortOrder } from '../../ports/store';
import { LEVEL_FIELD } from './load-detail';
import { toSummary } from './request-views';

type Input = ActionParsed<RequestsContract, 'list'>;

/**
 * The workbench inbox of a place (compound, community, street or district). `open` (待办) lists what
 * staff hold: at a community, street or district first what was escalated (督办) to that level,
 * marked, then the rest, nearest deadline first; `overdue` only what is past its deadline; `mine`
 * what the caller was assigned; `all` everything, newest first, optionally of one status. Each
 * view is one indexed read (`open` at a 督办 level: a count and at most two).
 */
export async function listRequests(
  ctx: Ctx,
  input: Input,
): Promise<Result<{ requests: RequestSummary[]; calendarWarning?: string; now: string }>> {
  const { store, clock, calendar } = ctx.ports;
  const now = clock.now();
  const place = await store.get(COLLECTIONS.places, input.placeId);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.placeId });
  const field = LEVEL_FIELD[place.kind];
  if (!field) return err('PLACE.NOT_A_COMPOUND');
  const level = escalationLevelOf(place.kind);
  let docs: RequestDoc[];
  let escalated = 0;
  if (input.view === 'open' && level !== null) {
    const page = await escalatedFirst(ctx, field, place._id, level, input.skip, input.limit);
    docs = page.docs;
    escalated = page.escalated;
  } else {
    const { where, orderBy } = viewQuery(input, field, place._id, ctx.caller.openid ?? '', now);
    docs = await store.find(COLLECTIONS.requests, { where, orderBy, limit: input.limit, skip: input.skip });
  }
  // warn while deadlines that are being set now may reach into a year without official holiday data
  const estimated = docs.some((d) => d.deadlineEstimated) || addWorkdays(now, 15, calendar).estimated;
  return ok({
    requests: docs.map((d, i) => ({ ...toSummary(d, now), ...(i < escalated ? { escalatedHere: true } : {}) })),
    ...(estimated ? { calendarWarning: deadlineCalendarWarning(calendar) } : {}),
    now: now.toISOString(),
  });
}

type LevelField = NonNullable<(typeof LEVEL_FIELD)[keyof typeof LEVEL_FIELD]>;

function viewQuery(
  input: Input,
  field: LevelField,
  placeId: string,
  openid: string,
  now: Date,
): { where: Filter; orderBy: [string, SortOrder][] } {
  const byDeadline: [string, SortOrder][] = [['deadlineAt', 'asc']];
  if (input.view === 'open') return { where: { [field]: placeId, deadlineAt: { gt: '' } }, orderBy: byDeadline };
  if (input.view === 'overdue') return { where: { [field]: placeId, deadlineAt: { lt: now.toISOString() } }, orderBy: byDeadline };
  if (input.view === 'mine') return { where: { 'handler.openid': openid, deadlineAt: { gt: '' }, [field]: placeId }, orderBy: byDeadline };
  // what staff hold has a deadline: the deadline index finds it among few, not among all
  if (input.status && isStaffHeld(input.status))
    return { where: { [field]: placeId, deadlineAt: { gt: '' }, status: input.status }, orderBy: byDeadline };
  // the rest is recent (waiting for the resident) or common (closed): newest first finds it soon
  return { where: input.status ? { [field]: placeId, status: input.status } : { [field]: placeId }, orderBy: [['createdAt', 'desc']] };
}

/**
 * One page of a 督办 level's 待办: the requests escalated to this level (nearest deadline first),
 * then the others it holds, as one list that `skip` and `limit` page through. Answers the page and
 * how many of its first rows are 督办 here.
 */
async function escalatedFirst(ctx: Ctx, field: LevelField, placeId: string, level: number, skip: number, limit: number) {
  const { store } = ctx.ports;
  const here: Filter = { [field]: placeId, escalationLevel: level, deadlineAt: { gt: '' } };
  const rest: Filter = { [field]: placeId, escalationLevel: { ne: level }, deadlineAt: { gt: '' } };
  const orderBy: [string, SortOrder][] = [['deadlineAt', 'asc']];
  const total = await store.count(COLLECTIONS.requests, here);
  const first = skip < total ? await store.find(COLLECTIONS.requests, { where: here, orderBy, limit, skip }) : [];
  const left = limit - first.length;
  const then =
    left > 0 ? await store.find(COLLECTIONS.requests, { where: rest, orderBy, limit: left, skip: Math.max(0, skip - total) }) : [];
  return { docs: [...first, ...then], escalated: first.length };
}
