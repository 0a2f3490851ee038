import {
  coverageOf,
  createRequest,
  err,
  householdLabel,
  MESSAGE_PAGES,
  ok,
  overAssigned,
  shanghaiDate,
  visitDue,
  type AssignmentDoc,
  type PartyMemberDoc,
  type PartyMemberView,
  type Place,
  type RequestCategory,
  type Result,
  type VisitDoc,
  type VisitInput,
  type VisitView,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { firstAnswer } from '../idempotency';
import { enqueueQuietly } from '../notifications/message-outbox';
import { householdDocId } from '../notices/notice-records';
import { writeChange } from '../requests/commit-request';
import { notifyRequest } from '../requests/notify-request';
import { partyMemberId, settingsOf, type LoadedHousehold } from './volunteer-policy';

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

const toVisitView = (v: VisitDoc): VisitView => ({
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

export async function listPartyMembers(ctx: Ctx, input: { communityId: string }) {
  const { store } = ctx.ports;
  const settings = await settingsOf(store, input.communityId);
  const members = await findAll(store, COLLECTIONS.partyMembers, { communityId: input.communityId }, [
    ['communityId', 'asc'],
    ['name', 'asc'],
  ]);
  const staff = (await store.get(COLLECTIONS.placeStaff, input.communityId))?.members ?? [];
  return ok({
    members: members.map((m) => toMemberView(m, settings.householdsPerMember)),
    householdsPerMember: settings.householdsPerMember,
    cadres: staff.map((s) => ({ openid: s.openid, name: s.name })),
  });
}

/** Registers a party member of the branch (a person the app knows), with the cadre who covers them. */
export async function addPartyMember(ctx: Ctx, input: { communityId: string; openid: string; name: string; cadreOpenid: string | null }) {
  const { store, clock } = ctx.ports;
  const user = await store.get(COLLECTIONS.users, input.openid);
  if (!user) return err('VOLUNTEER.PERSON_NOT_FOUND');
  const cadreUser = input.cadreOpenid ? await store.get(COLLECTIONS.users, input.cadreOpenid) : null;
  if (input.cadreOpenid && !cadreUser) return err('VOLUNTEER.PERSON_NOT_FOUND');
  const id = partyMemberId(input.communityId, input.openid);
  const at = clock.now().toISOString();
  const member = await store.transaction(async (tx) => {
    const current = await tx.get(COLLECTIONS.partyMembers, id);
    const next: PartyMemberDoc = {
      _id: id,
      communityId: input.communityId,
      openid: input.openid,
      name: input.name,
      phone: user.phone ?? current?.phone ?? '',
      cadre: cadreUser ? { openid: cadreUser._id, name: cadreUser.name } : null,
      households: current?.households ?? 0,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.put(COLLECTIONS.partyMembers, next);
    return next;
  });
  return ok({ member: toMemberView(member, (await settingsOf(store, input.communityId)).householdsPerMember) });
}

const placesUnder = (ctx: Ctx, parentId: string) =>
  ctx.ports.store.find(COLLECTIONS.places, { where: { parentId }, orderBy: [['sort', 'asc']], limit: 1000 });

/** The map staff assign on: buildings → units → households, each with its 联户党员. */
export async function lianbaoMap(ctx: Ctx, _input: { compoundId: string }, compound: Place) {
  const assignments = new Map(
    (
      await findAll(ctx.ports.store, COLLECTIONS.lianbaoAssignments, { compoundId: compound._id }, [
        ['compoundId', 'asc'],
        ['sortKey', 'asc'],
      ])
    ).map((a) => [a.householdId, a]),
  );
  const buildings = [];
  for (const b of await placesUnder(ctx, compound._id)) {
    const units = [];
    for (const u of await placesUnder(ctx, b._id)) {
      const households = (await placesUnder(ctx, u._id)).map((h) => ({
        householdId: h._id,
        name: h.name,
        partyMemberOpenid: assignments.get(h._id)?.partyMemberOpenid ?? null,
        partyMemberName: assignments.get(h._id)?.partyMemberName ?? null,
      }));
      units.push({ id: u._id, name: u.name, households });
    }
    buildings.push({ id: b._id, name: b.name, units });
  }
  return ok({ compoundName: compound.name, communityId: compound.parentId ?? '', buildings });
}

/** Where a household sits, from its path (compound, building, unit) and the names of those places. */
async function householdRows(
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

/**
 * Assigns households to a party member in one transaction: a household held by someone else moves
 * over (their count goes down), and the member's count goes up. Above the community's number the
 * answer carries a warning; staff decide.
 */
export async function assignHouseholds(ctx: Ctx, input: { communityId: string; partyMemberOpenid: string; householdIds: string[] }) {
  const { store, clock } = ctx.ports;
  const memberId = partyMemberId(input.communityId, input.partyMemberOpenid);
  if (!(await store.get(COLLECTIONS.partyMembers, memberId))) return err('LIANBAO.NOT_PARTY_MEMBER');
  const rows = await householdRows(ctx, [...new Set(input.householdIds)], input.communityId);
  if (!rows.ok) return rows;
  const at = clock.now().toISOString();
  const by = callerOpenid(ctx);
  const member = await store.transaction(async (tx) => {
    const m = await tx.get(COLLECTIONS.partyMembers, memberId);
    if (!m) throw new Error(`party member ${memberId} vanished`);
    let added = 0;
    const others = new Map<string, PartyMemberDoc>();
    for (const row of rows.data.values()) {
      const current = await tx.get(COLLECTIONS.lianbaoAssignments, row._id);
      if (current?.partyMemberOpenid === m.openid) continue;
      if (current) {
        const otherId = partyMemberId(input.communityId, current.partyMemberOpenid);
        const other = others.get(otherId) ?? (await tx.get(COLLECTIONS.partyMembers, otherId));
        if (other) others.set(otherId, { ...other, households: Math.max(0, other.households - 1), updatedAt: at });
      }
      await tx.put(COLLECTIONS.lianbaoAssignments, {
        ...row,
        partyMemberOpenid: m.openid,
        partyMemberName: m.name,
        partyMemberPhone: m.phone,
        assignedAt: at,
        assignedBy: by,
        lastVisitAt: current?.lastVisitAt ?? null,
      });
      added++;
    }
    for (const o of others.values()) await tx.put(COLLECTIONS.partyMembers, o);
    const next = { ...m, households: m.households + added, updatedAt: at };
    await tx.put(COLLECTIONS.partyMembers, next);
    return next;
  });
  const perMember = (await settingsOf(store, input.communityId)).householdsPerMember;
  return ok({
    member: toMemberView(member, perMember),
    warning: overAssigned(member.households, perMember) ? { households: member.households, perMember } : null,
  });
}

export async function unassignHouseholds(ctx: Ctx, input: { communityId: string; householdIds: string[] }) {
  const at = ctx.ports.clock.now().toISOString();
  const removed = await ctx.ports.store.transaction(async (tx) => {
    let n = 0;
    const members = new Map<string, PartyMemberDoc>();
    for (const id of new Set(input.householdIds)) {
      const a = await tx.get(COLLECTIONS.lianbaoAssignments, id);
      if (!a || a.communityId !== input.communityId) continue;
      const mid = partyMemberId(a.communityId, a.partyMemberOpenid);
      const m = members.get(mid) ?? (await tx.get(COLLECTIONS.partyMembers, mid));
      if (m) members.set(mid, { ...m, households: Math.max(0, m.households - 1), updatedAt: at });
      await tx.remove(COLLECTIONS.lianbaoAssignments, id);
      n++;
    }
    for (const m of members.values()) await tx.put(COLLECTIONS.partyMembers, m);
    return n;
  });
  return ok({ removed });
}

const myAssignments = (ctx: Ctx, openid: string) =>
  findAll(ctx.ports.store, COLLECTIONS.lianbaoAssignments, { partyMemberOpenid: openid }, [
    ['partyMemberOpenid', 'asc'],
    ['sortKey', 'asc'],
  ]);

/** The urgent notices of the last 30 days that reached the member's compounds, with their unread households. */
async function doorNotices(ctx: Ctx, assignments: readonly AssignmentDoc[]) {
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

export async function householdVisits(ctx: Ctx, _input: { householdId: string }, { household, assignment }: LoadedHousehold) {
  const visits = await ctx.ports.store.find(COLLECTIONS.lianbaoVisits, {
    where: { householdId: household._id },
    orderBy: [['date', 'desc']],
    limit: 50,
  });
  return ok({ householdName: assignment?.householdName ?? household.fullName, visits: visits.map(toVisitView) });
}

export async function coverage(ctx: Ctx, input: { communityId: string }) {
  const { store, clock } = ctx.ports;
  const days = (await settingsOf(store, input.communityId)).visitEveryDays;
  const assignments = await findAll(store, COLLECTIONS.lianbaoAssignments, { communityId: input.communityId }, [
    ['communityId', 'asc'],
    ['sortKey', 'asc'],
  ]);
  return ok({ visitEveryDays: days, ...coverageOf(assignments, clock.now(), days) });
}

/** The card's line: the 联户党员 of the caller's household. */
export async function myPartyMember(ctx: Ctx) {
  const homes = ctx.caller.grants.filter((g) => g.role === 'resident').map((g) => g.placeId);
  const [a] = homes.length ? await ctx.ports.store.getMany(COLLECTIONS.lianbaoAssignments, homes) : [];
  return ok({ partyMember: a ? { name: a.partyMemberName, phone: a.partyMemberPhone, householdName: a.householdName } : null });
}

/** 敲门清单 for one 联户党员: only their households that have not read the notice. */
export async function myDoorList(ctx: Ctx, input: { noticeId: string }) {
  const { store } = ctx.ports;
  const notice = await store.get(COLLECTIONS.notices, input.noticeId);
  if (!notice) return err('NOTICE.NOT_FOUND');
  const assignments = await myAssignments(ctx, callerOpenid(ctx));
  if (assignments.length === 0) return err('LIANBAO.NOT_PARTY_MEMBER');
  const byId = new Map(assignments.map((a) => [a.householdId, a]));
  const rows = await store.getMany(
    COLLECTIONS.noticeHouseholds,
    assignments.map((a) => householdDocId(notice._id, a.householdId)),
  );
  return ok({
    title: notice.title,
    households: rows
      .filter((r) => !r.read)
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
      .map((r) => ({
        householdId: r.householdId,
        householdName: byId.get(r.householdId)?.householdName ?? r.householdName,
        compoundName: r.compoundName,
      })),
  });
}

/** Timer: each follow-up due today is queued once for its party member (the staffTask template: a task of theirs). */
export async function remindFollowUps(ctx: Ctx) {
  const { store, clock } = ctx.ports;
  const today = shanghaiDate(clock.now());
  const due = await store.find(COLLECTIONS.lianbaoVisits, {
    where: { reminded: false, followUpOn: { lte: today } },
    orderBy: [['followUpOn', 'asc']],
    limit: 200,
  });
  let queued = 0;
  for (const v of due) {
    const sent = await enqueueQuietly(
      ctx,
      [
        {
          id: `followup:${v._id}:${v.partyMemberOpenid}`,
          toOpenid: v.partyMemberOpenid,
          template: 'staffTask',
          page: MESSAGE_PAGES.lianbao(),
          data: {
            thing1: `回访 ${v.householdName}`.slice(0, 20),
            phrase2: '待回访',
            thing3: (v.need ?? v.topics).slice(0, 20),
            time4: `${v.followUpOn} 09:00`,
          },
        },
      ],
      { visitId: v._id },
    );
    if (!sent) continue;
    await store.update(COLLECTIONS.lianbaoVisits, v._id, { set: { reminded: true } }, { reminded: false });
    queued++;
  }
  return ok({ queued });
}
