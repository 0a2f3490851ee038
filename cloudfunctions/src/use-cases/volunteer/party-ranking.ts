import { ok, roundPoints, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { monthEntries } from './ledger-writer';
import { settingsOf } from './volunteer-policy';

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
