import { err, ok, type Place, type Result, type Revocation, type Role } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer, type Replay } from '../idempotency';

type Input = { key: string; placeId: string; role: Role; openid: string; reason?: string | undefined };
type Output = { revocation: Revocation };

/**
 * Takes a role away (its policy checked the caller may grant it there), in one transaction: the
 * grant leaves the person's document (which every call reads to know who is calling, so their
 * next call no longer has it), they leave the place's roster (so no request is routed to them),
 * and the revocation is recorded under the revoker's key (a retry answers the first record).
 */
export async function revokeRole(ctx: Ctx, input: Input, place: Place): Promise<Result<Output>> {
  const revoker = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const replay: Replay<'role_revocations', Output> = {
    collection: COLLECTIONS.roleRevocations,
    id: input.key,
    ownerOf: (r) => r.revokedBy,
    answer: (revocation) => ({ revocation }),
  };
  const first = await firstAnswer(store, revoker, replay);
  if (first) return first;
  const now = clock.now().toISOString();
  return store.transaction(async (tx): Promise<Result<Output>> => {
    const again = await firstAnswer(tx, revoker, replay);
    if (again) return again;
    const user = await tx.get(COLLECTIONS.users, input.openid);
    const grant = user?.grants.find((g) => g.role === input.role && g.placeId === place._id);
    if (!user || !grant) return err('IDENTITY.GRANT_NOT_FOUND', { role: input.role, placeName: place.fullName });
    await tx.update(COLLECTIONS.users, user._id, { set: { grants: user.grants.filter((g) => g !== grant) } });
    const roster = await tx.get(COLLECTIONS.placeStaff, place._id);
    if (roster)
      await tx.put(COLLECTIONS.placeStaff, {
        ...roster,
        members: roster.members.filter((m) => !(m.openid === user._id && m.role === input.role)),
      });
    const revokerUser = revoker === user._id ? user : await tx.get(COLLECTIONS.users, revoker);
    const revocation: Revocation = {
      _id: input.key,
      openid: user._id,
      name: user.name,
      role: grant.role,
      placeId: place._id,
      placePath: place.path,
      placeName: grant.placeName,
      grantedAt: grant.grantedAt,
      grantedBy: grant.grantedBy,
      inviteCode: grant.inviteCode ?? null,
      revokedAt: now,
      revokedBy: revoker,
      revokedByName: revokerUser?.name ?? null,
      reason: input.reason || null,
    };
    await tx.insert(COLLECTIONS.roleRevocations, revocation);
    return ok({ revocation });
  });
}
