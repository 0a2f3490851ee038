import {
  addWorkdays,
  deadlineCalendarWarning,
  err,
  isStaffHeld,
  ok,
  type ActionParsed,
  type Place,
  type RequestDoc,
  type RequestsContract,
  type RequestSummary,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { Filter, SortOrder } from '../../ports/store';
import { LEVEL_FIELD } from './load-detail';
import { toSummary } from './request-views';

type Input = ActionParsed<RequestsContract, 'list'>;

/**
 * The workbench inbox of a place (compound, community, street or district). `open` lists what
 * staff hold, nearest deadline first; `overdue` only what is past it; `mine` what the caller was
 * assigned; `all` everything, newest first, optionally of one status. Each view is one indexed read.
 */
export async function listRequests(
  ctx: Ctx,
  input: Input,
): Promise<Result<{ requests: RequestSummary[]; calendarWarning?: string; now: string }>> {
  const { store, clock, calendar } = ctx.ports;
  const now = clock.now();
  const place = await store.get<Place>(COLLECTIONS.places, input.placeId);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.placeId });
  const field = LEVEL_FIELD[place.kind];
  if (!field) return err('PLACE.NOT_A_COMPOUND');
  let where: Filter;
  let orderBy: [string, SortOrder][] = [['deadlineAt', 'asc']];
  if (input.view === 'open') where = { [field]: place._id, deadlineAt: { gt: '' } };
  else if (input.view === 'overdue') where = { [field]: place._id, deadlineAt: { lt: now.toISOString() } };
  else if (input.view === 'mine') where = { 'handler.openid': callerOpenid(ctx), deadlineAt: { gt: '' }, [field]: place._id };
  else if (input.status && isStaffHeld(input.status)) {
    // what staff hold has a deadline: the deadline index finds it among few, not among all
    where = { [field]: place._id, deadlineAt: { gt: '' }, status: input.status };
  } else {
    // the rest is recent (waiting for the resident) or common (closed): newest first finds it soon
    where = input.status ? { [field]: place._id, status: input.status } : { [field]: place._id };
    orderBy = [['createdAt', 'desc']];
  }
  const docs = await store.find<RequestDoc>(COLLECTIONS.requests, { where, orderBy, limit: input.limit, skip: input.skip });
  // warn while deadlines that are being set now may reach into a year without official holiday data
  const estimated = docs.some((d) => d.deadlineEstimated) || addWorkdays(now, 15, calendar).estimated;
  return ok({
    requests: docs.map((d) => toSummary(d, now)),
    ...(estimated ? { calendarWarning: deadlineCalendarWarning(calendar) } : {}),
    now: now.toISOString(),
  });
}
