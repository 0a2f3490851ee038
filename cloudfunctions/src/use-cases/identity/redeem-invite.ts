import { err, ok, type Grant, type Result, type User } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { addToPlaceStaff } from '../place-staff';
import { grantTargetIn } from './grant-target';

/** Spends an invitation code once and adds its role to the caller, in one transaction. */
export async function redeemInvite(ctx: Ctx, input: { code: string; name: string }): Promise<Result<{ grant: Grant }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  return store.transaction(async (tx): Promise<Result<{ grant: Grant }>> => {
    const invite = await tx.get(COLLECTIONS.invites, input.code);
    if (!invite) return err('IDENTITY.INVITE_NOT_FOUND');
    if (invite.usedBy) return err('IDENTITY.INVITE_USED');
    if (invite.expiresAt <= now) return err('IDENTITY.INVITE_EXPIRED', { expiresAt: invite.expiresAt });
    const place = await grantTargetIn(tx, invite.placeId);
    if (!place) return err('PLACE.NOT_FOUND', { placeId: invite.placeId });
    const grant: Grant = {
      role: invite.role,
      placeId: place._id,
      placePath: place.path,
      placeName: place.fullName,
      grantedAt: now,
      grantedBy: invite.createdBy,
      inviteCode: invite._id,
    };
    const user = await tx.get(COLLECTIONS.users, openid);
    const others = (user?.grants ?? []).filter((g) => !(g.role === grant.role && g.placeId === grant.placeId));
    await tx.update(COLLECTIONS.invites, invite._id, { set: { usedBy: openid, usedAt: now } });
    await tx.put(COLLECTIONS.users, {
      _id: openid,
      name: user?.name ?? input.name,
      ...(user?.phone ? { phone: user.phone } : {}),
      grants: [...others, grant],
      createdAt: user?.createdAt ?? now,
    } satisfies User);
    // the place's roster is how requests find their responders and handlers
    await addToPlaceStaff(tx, grant, { openid, name: user?.name ?? input.name });
    return ok({ grant });
  });
}
