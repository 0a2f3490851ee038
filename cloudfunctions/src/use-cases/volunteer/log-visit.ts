import { householdLabel, ok, type VisitDoc, type VisitInput } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { type LoadedHousehold } from './volunteer-policy';
import { toVisitView } from './lianbao-records';

/** Logs a 走访; the household's last visit moves in the same transaction (coverage reads it). */
export async function logVisit(ctx: Ctx, input: VisitInput, { household, assignment }: LoadedHousehold) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const id = `lv_${input.key}`;
  const replay = { collection: 'lianbao_visits', id, ownerOf: (v: VisitDoc) => v.partyMemberOpenid, answer: (v: VisitDoc) => v } as const;
  const earlier = await firstAnswer(store, openid, replay);
  if (earlier) return earlier.ok ? ok({ visit: toVisitView(earlier.data) }) : earlier;
  const communityId = household.path[2] ?? '';
  const compoundId = household.path[3] ?? '';
  const compound = await store.get(COLLECTIONS.places, compoundId);
  const visitAt = `${input.date}T12:00:00+08:00`;
  const visit: VisitDoc = {
    _id: id,
    householdId: household._id,
    householdName: assignment?.householdName ?? householdLabel(household.fullName, compound?.fullName ?? ''),
    communityId,
    compoundId,
    partyMemberOpenid: openid,
    partyMemberName: ctx.caller.user?.name ?? '党员',
    date: input.date,
    topics: input.topics,
    need: input.need ? input.need : null,
    followUpOn: input.followUpOn ?? null,
    requestId: null,
    reminded: false,
    createdAt: clock.now().toISOString(),
  };
  const written = await store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.lianbaoVisits, id)) return false;
    await tx.insert(COLLECTIONS.lianbaoVisits, visit);
    const a = await tx.get(COLLECTIONS.lianbaoAssignments, household._id);
    const iso = new Date(visitAt).toISOString();
    if (a && (a.lastVisitAt === null || a.lastVisitAt < iso)) await tx.put(COLLECTIONS.lianbaoAssignments, { ...a, lastVisitAt: iso });
    return true;
  });
  if (!written) {
    const again = await firstAnswer(store, openid, replay);
    if (!again) throw new Error(`visit ${id} vanished`);
    return again.ok ? ok({ visit: toVisitView(again.data) }) : again;
  }
  return ok({ visit: toVisitView(visit) });
}
