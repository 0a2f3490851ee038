import {
  applyTeamChange,
  outdatedPosters,
  err,
  ok,
  type Card,
  type Place,
  type Result,
  type Team,
  type TeamChange,
  type TeamChangeRequest,
  type TeamMember,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import { buildCard, posterLine } from './build-card';
import type { PointLeaderPostDoc } from '../../ports/documents';

/**
 * The one path by which a team changes: add, replace and remove all run here, in one
 * transaction over the team document, the 小区点长 post register and the change log.
 */
export async function changeTeam(ctx: Ctx, compound: Place, change: TeamChangeRequest): Promise<Result<Card>> {
  const { store, clock } = ctx.ports;
  const actor = { openid: callerOpenid(ctx), name: ctx.caller.user?.name ?? '工作人员' };
  if (!compound.parentId) return err('PLACE.NOT_A_COMPOUND');
  const community = await store.get(COLLECTIONS.places, compound.parentId);

  const changed = await store.transaction(async (tx): Promise<Result<Card>> => {
    const now = clock.now().toISOString();
    const team = (await tx.get(COLLECTIONS.teams, compound._id)) ?? {
      _id: compound._id,
      compoundId: compound._id,
      communityId: compound.parentId!,
      members: [],
      version: 0,
      updatedAt: now,
    };
    const applied = applyTeamChange(team.members, compound.checkpoints ?? [], change);
    if (!applied.ok) return applied;
    const { before, after, role } = applied.data;
    if (role === 'pointLeader') {
      const posted = await movePointLeaderPostDoc(tx, compound, before, after);
      if (!posted.ok) return posted;
    }
    const next: Team = { ...team, members: applied.data.members, version: team.version + 1, updatedAt: now };
    await tx.put(COLLECTIONS.teams, next);
    const record: TeamChange = {
      _id: ctx.ports.ids.newId(),
      compoundId: compound._id,
      at: now,
      actor,
      kind: change.kind,
      role,
      before,
      after,
    };
    await tx.insert(COLLECTIONS.teamChanges, record);
    return ok(buildCard(compound, community, next));
  });
  if (!changed.ok) return changed;
  // whoever changed the team is told at once which printed cards it has made out of date
  const posters = await store.find(COLLECTIONS.posters, { where: { compoundId: compound._id }, limit: 1000 });
  const members = changed.data.groups.flatMap((g) => g.members);
  return ok({ ...changed.data, outdatedPosters: outdatedPosters(posters, members).map(posterLine) });
}

/** A 小区点长 may not hold the post in two compounds at once: one register document per phone. */
export async function movePointLeaderPostDoc(
  tx: TxStore,
  compound: Place,
  before: TeamMember | null,
  after: TeamMember | null,
): Promise<Result<true>> {
  if (after && after.phone !== before?.phone) {
    const held = await tx.get(COLLECTIONS.pointLeaderPosts, after.phone);
    if (held && held.compoundId !== compound._id)
      return err('TEAM.POINT_LEADER_ELSEWHERE', { compoundName: held.compoundName, name: after.name });
  }
  if (before && before.phone !== after?.phone) {
    const held = await tx.get(COLLECTIONS.pointLeaderPosts, before.phone);
    if (held?.compoundId === compound._id) await tx.remove(COLLECTIONS.pointLeaderPosts, before.phone);
  }
  if (after) {
    await tx.put(COLLECTIONS.pointLeaderPosts, {
      _id: after.phone,
      compoundId: compound._id,
      compoundName: compound.fullName,
      memberId: after.id,
    } satisfies PointLeaderPostDoc);
  }
  return ok(true);
}
