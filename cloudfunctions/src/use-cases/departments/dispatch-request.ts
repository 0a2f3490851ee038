import {
  dispatchChange,
  err,
  isActive,
  ok,
  planDispatch,
  refusalErr,
  type ActionParsed,
  type DepartmentsContract,
  type DispatchDoc,
  type PartView,
  type RequestDoc,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { actorOf } from '../requests/actor';
import { writeChange } from '../requests/commit-request';
import { notifyRequest } from '../requests/notify-request';
import { dispatcherPost } from './department-policy';
import { applyPartStats } from './department-stats';
import { toPartView } from './part-views';

type Input = ActionParsed<DepartmentsContract, 'dispatch'>;

/**
 * 吹哨 / 派单: community, street or district staff send the request to one lead and co-handlers
 * (or to several, the first to 报到 leading). The parts, the request's step and its 首接负责 record
 * are written in one transaction on the request, so two dispatchers at once cannot both send it
 * to the same department; a repeat with the dispatcher's key answers the parts it made.
 */
export async function dispatchRequest(ctx: Ctx, input: Input, request: RequestDoc): Promise<Result<{ parts: PartView[] }>> {
  const openid = callerOpenid(ctx);
  const { store, clock, calendar } = ctx.ports;
  const answer = async (): Promise<Result<{ parts: PartView[] }> | null> => {
    const existing = await store.find(COLLECTIONS.dispatches, {
      where: { requestId: request._id },
      orderBy: [['dispatchedAt', 'asc']],
      limit: 100,
    });
    const mine = existing.filter((d) => d.key === input.key);
    if (mine.length === 0) return null;
    if (mine.some((d) => d.dispatchedBy.openid !== openid)) return err('COMMON.KEY_REUSED');
    const fresh = (await store.get(COLLECTIONS.requests, request._id)) ?? request;
    return ok({ parts: mine.map((d) => toPartView(d, fresh)) });
  };
  const first = await answer();
  if (first) return first;
  const post = dispatcherPost(ctx.caller.grants, request);
  if (!post) return err('COMMON.FORBIDDEN');
  const departments = await store.getMany(COLLECTIONS.departments, input.departmentIds);
  const now = clock.now();
  const actor = actorOf(ctx, request);
  const result = await store.transaction(async (tx) => {
    const r = await tx.get(COLLECTIONS.requests, request._id);
    if (!r) return err('REQUEST.NOT_FOUND');
    const existing = (await Promise.all(input.departmentIds.map((id) => tx.get(COLLECTIONS.dispatches, `${r._id}:${id}`)))).filter(
      (d): d is DispatchDoc => !!d,
    );
    const kase = await tx.get(COLLECTIONS.dispatchCases, r._id);
    // the lead in play (if any) is the case's: a part of another department may hold it
    const leadPart = kase?.lead ? await tx.get(COLLECTIONS.dispatches, `${r._id}:${kase.lead}`) : null;
    const known = leadPart && !existing.some((d) => d._id === leadPart._id) ? [...existing, leadPart] : existing;
    const plan = planDispatch({
      request: {
        _id: r._id,
        status: r.status,
        tier: r.tier,
        placePath: r.placePath,
        districtId: r.districtId,
        ...(r.deadlineAt ? { deadlineAt: r.deadlineAt } : {}),
      },
      departmentIds: input.departmentIds,
      ...(input.leadId ? { leadId: input.leadId } : {}),
      departments,
      existing: known,
      dispatcher: { actor, level: post.level, placeId: post.placeId },
      ...(input.note ? { note: input.note } : {}),
      now,
      calendar,
    });
    if (!plan.ok) return refusalErr(plan.refusal);
    const parts = plan.value.map((p) => ({ ...p, key: input.key, source: r.source ?? ('resident' as const) }));
    const change = dispatchChange(r, parts, actor, now);
    if (!change.ok) return refusalErr(change.refusal);
    for (const p of parts) {
      await tx.put(COLLECTIONS.dispatches, p);
      await applyPartStats(tx, existing.find((d) => d._id === p._id) ?? null, p);
    }
    const activeLead = leadPart && isActive(leadPart) ? leadPart.departmentId : '';
    const lead = activeLead || parts.find((p) => p.role === 'lead')?.departmentId || '';
    await tx.put(COLLECTIONS.dispatchCases, { _id: r._id, lead, updatedAt: now.toISOString() });
    const events = await writeChange(tx, change.value, now.toISOString());
    return ok({ request: change.value.next, parts, events });
  });
  if (!result.ok) return result;
  await notifyRequest(ctx, result.data.request, result.data.events);
  return ok({ parts: result.data.parts.map((p) => toPartView(p, result.data.request)) });
}
