import { err, ok, overAssigned, type PartyMemberDoc } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { partyMemberId, settingsOf } from './volunteer-policy';
import { toMemberView, householdRows } from './lianbao-records';

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
