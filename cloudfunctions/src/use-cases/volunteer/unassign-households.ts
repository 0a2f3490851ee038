import { ok, type PartyMemberDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { partyMemberId } from './volunteer-policy';

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
