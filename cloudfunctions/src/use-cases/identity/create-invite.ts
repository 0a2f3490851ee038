import { INVITE_ALPHABET, INVITE_CODE_LENGTH, ok, type Invite, type Role } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { GrantTarget } from './grant-target';

const INVITE_DAYS = 7;

/** A one-time code that grants `role` on the place (or department) to whoever redeems it first (its policy checked canGrant). */
export async function createInvite(ctx: Ctx, input: { role: Role; placeId: string }, place: GrantTarget) {
  const { store, clock, ids } = ctx.ports;
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const invite: Invite = {
      _id: ids.newCode(INVITE_ALPHABET, INVITE_CODE_LENGTH),
      role: input.role,
      placeId: place._id,
      placeName: place.fullName,
      createdBy: callerOpenid(ctx),
      createdAt: now.toISOString(),
      expiresAt,
      usedBy: null,
      usedAt: null,
    };
    if ((await store.insert(COLLECTIONS.invites, invite)) === 'inserted')
      return ok({ code: invite._id, role: invite.role, placeName: invite.placeName, expiresAt });
  }
  throw new Error('could not find a free invitation code');
}
