import { err, ok, type PartyMemberDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { partyMemberId, settingsOf } from './volunteer-policy';
import { toMemberView } from './lianbao-records';

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
