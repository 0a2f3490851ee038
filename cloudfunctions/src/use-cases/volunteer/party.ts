import { err, foldLedger, ok, roundPoints, scoreId, shanghaiInstant, type PartyItem, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { appendEntry, dayAndMonth, entriesOf, monthEntries, recorderOf } from './ledger-writer';
import { partyMemberId, settingsOf } from './volunteer-policy';

/**
 * 党员积分 (石北村): the branch scores its members monthly on the items it defines. Items with a
 * source are counted from what the app already holds — volunteer hours (the volunteer ledger),
 * 十户联保 visits, requests handled to the end — and the branch secretary awards the rest. The same
 * ledger rules apply: one entry per (month, item, member), so scoring a month twice adds only what
 * has appeared since (as a further entry under its own id), never a second copy.
 */

const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: shanghaiInstant(`${month}-01`).toISOString(), to: shanghaiInstant(`${next}-01`).toISOString() };
};

/** The units a member has on a sourced item in the month (hours, visits, requests). */
async function unitsOf(ctx: Ctx, item: PartyItem, communityId: string, openid: string, month: string, hoursByMember: Map<string, number>) {
  const { store } = ctx.ports;
  const { from, to } = monthRange(month);
  if (item.source === 'volunteerHours') return hoursByMember.get(openid) ?? 0;
  if (item.source === 'visits') {
    const visits = await store.find(COLLECTIONS.lianbaoVisits, {
      where: { partyMemberOpenid: openid, date: { gte: `${month}-01`, lte: `${month}-31` } },
      orderBy: [['date', 'desc']],
      limit: 1000,
    });
    return visits.filter((v) => v.communityId === communityId).length;
  }
  if (item.source === 'requestsHandled') {
    const handled = await store.find(COLLECTIONS.requests, {
      where: { 'handler.openid': openid },
      orderBy: [['deadlineAt', 'asc']],
      limit: 1000,
    });
    return handled.filter((r) => r.resolvedAt && r.resolvedAt >= from && r.resolvedAt < to).length;
  }
  return 0;
}

export async function scoreMonth(ctx: Ctx, input: { communityId: string; month: string }, community: Place) {
  const { store, clock } = ctx.ports;
  const settings = await settingsOf(store, community._id);
  const members = await findAll(store, COLLECTIONS.partyMembers, { communityId: community._id }, [
    ['communityId', 'asc'],
    ['name', 'asc'],
  ]);
  const hours = new Map<string, number>();
  for (const e of await monthEntries(store, 'volunteer', community._id, input.month))
    hours.set(e.openid, (hours.get(e.openid) ?? 0) + e.hours);
  const now = clock.now();
  const recorder = recorderOf(ctx.caller, '党支部');
  let written = 0;
  let points = 0;
  for (const m of members)
    for (const item of settings.partyItems.filter((i) => i.source !== 'manual')) {
      const units = await unitsOf(ctx, item, community._id, m.openid, input.month, hours);
      const earned = roundPoints(Math.min(units * item.points, item.monthlyMax ?? Infinity));
      // what earlier runs already scored for this (month, item, member)
      const base = scoreId(community._id, input.month, item.id, m.openid);
      const before = (await entriesOf(store, 'party', community._id, m.openid)).filter((e) => e._id.startsWith(base));
      const already = roundPoints(before.reduce((n, e) => n + e.points, 0));
      const delta = roundPoints(earned - already);
      if (delta === 0) continue;
      const result = await store.transaction((tx) =>
        appendEntry(tx, {
          _id: before.length ? `${base}:${before.length + 1}` : base,
          ledger: 'party',
          communityId: community._id,
          openid: m.openid,
          name: m.name,
          kind: 'score',
          points: delta,
          hours: 0,
          itemId: item.id,
          reason: `${input.month} ${item.name}：${units}${item.source === 'volunteerHours' ? ' 小时' : ' 次'}${before.length ? '（补记）' : ''}`,
          recordedBy: recorder,
          at: now.toISOString(),
          ...dayAndMonth(now),
          month: input.month,
        }),
      );
      if (result.written) {
        written++;
        points += delta;
      }
    }
  return ok({ written, points: roundPoints(points) });
}

/** The branch secretary awards a manual item (参加主题党日 …), once per member, item and month. */
export async function awardParty(
  ctx: Ctx,
  input: { communityId: string; openid: string; itemId: string; month: string; note: string },
  community: Place,
) {
  const { store, clock } = ctx.ports;
  const settings = await settingsOf(store, community._id);
  const item = settings.partyItems.find((i) => i.id === input.itemId && i.source === 'manual');
  const member = await store.get(COLLECTIONS.partyMembers, partyMemberId(community._id, input.openid));
  if (!item || !member) return err('VOLUNTEER.PERSON_NOT_FOUND');
  const now = clock.now();
  await store.transaction((tx) =>
    appendEntry(tx, {
      _id: scoreId(community._id, input.month, item.id, member.openid),
      ledger: 'party',
      communityId: community._id,
      openid: member.openid,
      name: member.name,
      kind: 'score',
      points: roundPoints(Math.min(item.points, item.monthlyMax ?? Infinity)),
      hours: 0,
      itemId: item.id,
      reason: `${input.month} ${item.name}${input.note ? `：${input.note}` : ''}`,
      recordedBy: recorderOf(ctx.caller, '党支部书记'),
      at: now.toISOString(),
      ...dayAndMonth(now),
      month: input.month,
    }),
  );
  return ok({ totals: foldLedger(await entriesOf(store, 'party', community._id, member.openid)) });
}

/** The branch's monthly ranking, from the month's 党员积分 entries. */
export async function partyRanking(ctx: Ctx, input: { communityId: string; month: string }, community: Place) {
  const settings = await settingsOf(ctx.ports.store, community._id);
  const rows = new Map<string, { openid: string; name: string; points: number; byItem: Record<string, number> }>();
  for (const m of await findAll(ctx.ports.store, COLLECTIONS.partyMembers, { communityId: community._id }, [
    ['communityId', 'asc'],
    ['name', 'asc'],
  ]))
    rows.set(m.openid, { openid: m.openid, name: m.name, points: 0, byItem: {} });
  for (const e of await monthEntries(ctx.ports.store, 'party', community._id, input.month)) {
    const row = rows.get(e.openid) ?? { openid: e.openid, name: e.name, points: 0, byItem: {} };
    row.points = roundPoints(row.points + e.points);
    if (e.itemId) row.byItem[e.itemId] = roundPoints((row.byItem[e.itemId] ?? 0) + e.points);
    rows.set(e.openid, row);
  }
  return ok({
    month: input.month,
    rows: [...rows.values()].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name)),
    items: settings.partyItems,
  });
}
