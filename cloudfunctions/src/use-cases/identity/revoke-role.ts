import {
  applyTeamChange,
  err,
  ok,
  TEAM_ROLES,
  type Place,
  type Result,
  type Revocation,
  type Role,
  type TeamRole,
  type User,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer, type Replay } from '../idempotency';
import type { TxStore } from '../../ports/store';
import { movePointLeaderPostDoc } from '../team/change-team';

type Input = { key: string; placeId: string; role: Role; openid: string; reason?: string | undefined };
type Output = { revocation: Revocation };

/**
 * Takes a role away (its policy checked the caller may grant it there), in one transaction: the
 * grant leaves the person's document (which every call reads to know who is calling, so their
 * next call no longer has it), they leave the place's roster (so no request is routed to them),
 * a 三长五员 leaves the compound's card (服务联系卡: residents no longer call someone who no longer
 * serves, and the team's history records it), and the revocation is recorded under the
 * revoker's key (a retry answers the first record).
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
    if (place.kind === 'compound' && (TEAM_ROLES as readonly string[]).includes(grant.role))
      await leaveCard(
        tx,
        place,
        user,
        grant.role as TeamRole,
        { openid: revoker, name: revokerUser?.name ?? '工作人员' },
        now,
        ctx.ports.ids.newId(),
      );
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

/** The revoked 三长五员 off the compound's card, in the revoking transaction: found by role and phone (the card's key for a person), else by name. */
async function leaveCard(
  tx: TxStore,
  compound: Place,
  user: User,
  role: TeamRole,
  actor: { openid: string; name: string },
  now: string,
  changeId: string,
): Promise<void> {
  const team = await tx.get(COLLECTIONS.teams, compound._id);
  const member =
    team?.members.find((m) => m.role === role && !!user.phone && m.phone === user.phone) ??
    team?.members.find((m) => m.role === role && m.name === user.name);
  if (!team || !member) return;
  const applied = applyTeamChange(team.members, compound.checkpoints ?? [], { kind: 'remove', memberId: member.id });
  if (!applied.ok) return;
  if (role === 'pointLeader') await movePointLeaderPostDoc(tx, compound, member, null);
  await tx.put(COLLECTIONS.teams, { ...team, members: applied.data.members, version: team.version + 1, updatedAt: now });
  await tx.insert(COLLECTIONS.teamChanges, {
    _id: changeId,
    compoundId: compound._id,
    at: now,
    actor,
    kind: 'remove',
    role,
    before: member,
    after: null,
  });
}
