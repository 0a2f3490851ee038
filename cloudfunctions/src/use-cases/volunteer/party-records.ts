import { shanghaiInstant, type PartyItem } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * 党员积分 (石北村): the branch scores its members monthly on the items it defines. Items with a
 * source are counted from what the app already holds — volunteer hours (the volunteer ledger),
 * 十户联保 visits, requests handled to the end — and the branch secretary awards the rest. The same
 * ledger rules apply: one entry per (month, item, member), so scoring a month twice adds only what
 * has appeared since (as a further entry under its own id), never a second copy.
 */

export const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: shanghaiInstant(`${month}-01`).toISOString(), to: shanghaiInstant(`${next}-01`).toISOString() };
};

/** The units a member has on a sourced item in the month (hours, visits, requests). */
export async function unitsOf(
  ctx: Ctx,
  item: PartyItem,
  communityId: string,
  openid: string,
  month: string,
  hoursByMember: Map<string, number>,
) {
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
