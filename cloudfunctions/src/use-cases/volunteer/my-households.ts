import { ok, shanghaiDate, visitDue } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { settingsOf } from './volunteer-policy';
import { toVisitView, myAssignments, doorNotices } from './lianbao-records';

/** The party member's own page: their households, the follow-ups due within three days, the doors to knock. */
export async function myHouseholds(ctx: Ctx) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const assignments = await myAssignments(ctx, openid);
  const days = assignments[0] ? (await settingsOf(store, assignments[0].communityId)).visitEveryDays : 30;
  const soon = shanghaiDate(new Date(now.getTime() + 3 * 86_400_000));
  const lastVisit = new Map(assignments.map((a) => [a.householdId, a.lastVisitAt]));
  const visits = await store.find(COLLECTIONS.lianbaoVisits, {
    where: { partyMemberOpenid: openid },
    orderBy: [['date', 'desc']],
    limit: 200,
  });
  // a follow-up is done once a later visit to the household is logged
  const followUps = visits.filter(
    (v) => v.followUpOn && v.followUpOn <= soon && (lastVisit.get(v.householdId) ?? '').slice(0, 10) <= v.date,
  );
  return ok({
    households: assignments.map((a) => ({
      householdId: a.householdId,
      householdName: a.householdName,
      compoundName: a.compoundName,
      buildingName: a.buildingName,
      unitName: a.unitName,
      lastVisitAt: a.lastVisitAt,
      due: visitDue(a.lastVisitAt, now, days),
    })),
    followUps: followUps.map(toVisitView),
    doorNotices: assignments.length ? await doorNotices(ctx, assignments) : [],
    visitEveryDays: days,
  });
}
