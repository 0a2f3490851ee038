import { ok, roundPoints, scoreId, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { appendEntry, dayAndMonth, entriesOf, monthEntries, recorderOf } from './ledger-writer';
import { settingsOf } from './volunteer-policy';
import { unitsOf } from './party-records';

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
