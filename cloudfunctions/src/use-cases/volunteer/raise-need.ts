import { createRequest, err, ok, type RequestCategory, type VisitDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { writeChange } from '../requests/commit-request';
import { notifyRequest } from '../requests/notify-request';
import { toVisitView } from './lianbao-records';

/**
 * A need found on a visit becomes a request in one tap: reported at the household (its home), by
 * the party member on its behalf, and the timeline's first line says so. The request's id comes
 * from the visit, so pressing twice raises one request.
 */
export async function raiseNeed(ctx: Ctx, input: { visitId: string; category: RequestCategory }, visit: VisitDoc) {
  const { store, clock, calendar } = ctx.ports;
  if (visit.requestId) return ok({ requestId: visit.requestId, visit: toVisitView(visit) });
  if (!visit.need) return err('LIANBAO.NO_NEED', { requestId: null });
  const compound = await store.get(COLLECTIONS.places, visit.compoundId);
  const community = await store.get(COLLECTIONS.places, visit.communityId);
  if (!compound) return err('PLACE.NOT_FOUND', { placeId: visit.compoundId });
  const user = ctx.caller.user;
  const requestId = `need-${visit._id}`;
  const change = createRequest(
    {
      id: requestId,
      compound: { _id: compound._id, name: compound.name, path: compound.path },
      communityName: community?.name ?? '',
      category: input.category,
      description: visit.need,
      photos: [],
      location: { kind: 'home', text: visit.householdName, householdId: visit.householdId },
      emergency: false,
      reporter: { openid: visit.partyMemberOpenid, name: visit.partyMemberName, ...(user?.phone ? { phone: user.phone } : {}) },
    },
    { now: clock.now(), calendar },
  );
  if (!change.ok) return change;
  const raised = {
    ...change.data,
    events: change.data.events.map((e, i) =>
      i === 0
        ? { ...e, actor: `联户党员 ${visit.partyMemberName}`, text: `走访时发现，代 ${visit.householdName} 住户反映：${visit.need}` }
        : e,
    ),
  };
  const at = clock.now().toISOString();
  const written = await store.transaction(async (tx) => {
    const v = await tx.get(COLLECTIONS.lianbaoVisits, visit._id);
    if (!v || v.requestId || (await tx.get(COLLECTIONS.requests, requestId))) return null;
    const events = await writeChange(tx, raised, at);
    await tx.put(COLLECTIONS.lianbaoVisits, { ...v, requestId });
    return events;
  });
  if (written) await notifyRequest(ctx, raised.next, written);
  const after = (await store.get(COLLECTIONS.lianbaoVisits, visit._id)) ?? { ...visit, requestId };
  return ok({ requestId: after.requestId ?? requestId, visit: toVisitView(after) });
}
