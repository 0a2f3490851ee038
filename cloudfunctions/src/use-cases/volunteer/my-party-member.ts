import { ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/** The card's line: the 联户党员 of the caller's household. */
export async function myPartyMember(ctx: Ctx) {
  const homes = ctx.caller.grants.filter((g) => g.role === 'resident').map((g) => g.placeId);
  const [a] = homes.length ? await ctx.ports.store.getMany(COLLECTIONS.lianbaoAssignments, homes) : [];
  return ok({ partyMember: a ? { name: a.partyMemberName, phone: a.partyMemberPhone, householdName: a.householdName } : null });
}
