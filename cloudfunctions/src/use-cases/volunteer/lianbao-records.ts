import {
  err,
  householdLabel,
  ok,
  overAssigned,
  type AssignmentDoc,
  type PartyMemberDoc,
  type PartyMemberView,
  type Result,
  type VisitDoc,
  type VisitView,
} from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { householdDocId } from '../notices/notice-records';

/**
 * 十户联保: staff assign households to party members (about ten each, a warning above the
 * community's number) and party members to cadres; a party member logs visits, turns a need into
 * a request on the household's behalf, is reminded of follow-ups, and knocks on the doors of their
 * own households that missed an urgent notice.
 */

export function toMemberView(m: PartyMemberDoc, perMember: number): PartyMemberView {
  return {
    openid: m.openid,
    name: m.name,
    phone: m.phone,
    cadreName: m.cadre?.name ?? null,
    households: m.households,
    over: overAssigned(m.households, perMember),
  };
}

export const toVisitView = (v: VisitDoc): VisitView => ({
  id: v._id,
  householdId: v.householdId,
  householdName: v.householdName,
  partyMemberName: v.partyMemberName,
  date: v.date,
  topics: v.topics,
  need: v.need,
  followUpOn: v.followUpOn,
  requestId: v.requestId,
});

export const placesUnder = (ctx: Ctx, parentId: string) =>
  ctx.ports.store.find(COLLECTIONS.places, { where: { parentId }, orderBy: [['sort', 'asc']], limit: 1000 });

/** Where a household sits, from its path (compound, building, unit) and the names of those places. */
export async function householdRows(
  ctx: Ctx,
  householdIds: readonly string[],
  communityId: string,
): Promise<
  Result<
    Map<
      string,
      Omit<AssignmentDoc, 'partyMemberOpenid' | 'partyMemberName' | 'partyMemberPhone' | 'assignedAt' | 'assignedBy' | 'lastVisitAt'>
    >
  >
> {
  const households = await ctx.ports.store.getMany(COLLECTIONS.places, householdIds);
  const byId = new Map(households.map((h) => [h._id, h]));
  const above = new Set(households.flatMap((h) => h.path.slice(-3)));
  const names = new Map((await ctx.ports.store.getMany(COLLECTIONS.places, [...above])).map((p) => [p._id, p]));
  const out = new Map();
  for (const id of householdIds) {
    const h = byId.get(id);
    if (!h || h.kind !== 'household' || !h.path.includes(communityId)) return err('PLACE.NOT_A_HOUSEHOLD');
    const [compoundId, buildingId, unitId] = h.path.slice(-3) as [string, string, string];
    const compound = names.get(compoundId);
    out.set(id, {
      _id: id,
      householdId: id,
      householdName: householdLabel(h.fullName, compound?.fullName ?? ''),
      communityId,
      compoundId,
      compoundName: compound?.name ?? '',
      buildingId,
      buildingName: names.get(buildingId)?.name ?? '',
      unitId,
      unitName: names.get(unitId)?.name ?? '',
      sortKey:
        `${compound?.sort ?? 0}`.padStart(3, '0') +
        `:${names.get(buildingId)?.sort ?? 0}`.padStart(4, '0') +
        `:${names.get(unitId)?.sort ?? 0}`.padStart(4, '0') +
        `:${h.sort ?? 0}`.padStart(5, '0'),
    });
  }
  return ok(out);
}

export const myAssignments = (ctx: Ctx, openid: string) =>
  findAll(ctx.ports.store, COLLECTIONS.lianbaoAssignments, { partyMemberOpenid: openid }, [
    ['partyMemberOpenid', 'asc'],
    ['sortKey', 'asc'],
  ]);

/** The urgent notices of the last 30 days that reached the member's compounds, with their unread households. */
export async function doorNotices(ctx: Ctx, assignments: readonly AssignmentDoc[]) {
  const { store, clock } = ctx.ports;
  const since = new Date(clock.now().getTime() - 30 * 86_400_000).toISOString();
  const compoundIds = [...new Set(assignments.map((a) => a.compoundId))];
  const noticeIds = new Set<string>();
  for (const compoundId of compoundIds)
    for (const t of await store.find(COLLECTIONS.noticeTargets, {
      where: { compoundId, publishAt: { gte: since } },
      orderBy: [['publishAt', 'desc']],
      limit: 20,
    }))
      noticeIds.add(t.noticeId);
  const notices = (await store.getMany(COLLECTIONS.notices, [...noticeIds])).filter(
    (n) => n.status === 'published' && (n.category === 'urgent' || n.needsAck),
  );
  const out = [];
  for (const n of notices) {
    const rows = await store.getMany(
      COLLECTIONS.noticeHouseholds,
      assignments.map((a) => householdDocId(n._id, a.householdId)),
    );
    const unread = rows.filter((r) => !r.read).length;
    if (unread > 0) out.push({ noticeId: n._id, title: n.title, publishAt: n.publishAt, unread });
  }
  return out.sort((a, b) => b.publishAt.localeCompare(a.publishAt));
}
