import { err, memberPostOf, ok, type ActionParsed, type Result, type WorkGroupDoc, type WorkGroupsContract } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { recordFound } from '../departments/report-patrol';

type Input = ActionParsed<WorkGroupsContract, 'collect'>;

/**
 * 工作组收集: a member records a problem the group collected in its community (调研走访, 接访).
 * It takes the patrol report's path (born accepted, the key its id) with source 工作组收集, the
 * group on it for the community's figures, and the member as its owner (who collected it, with
 * their post); the next step is 分流 or 派单 as for any request.
 */
export async function collectProblem(
  ctx: Ctx,
  input: Input,
  group: WorkGroupDoc,
): Promise<Result<{ requestId: string; created: boolean }>> {
  const compound = await ctx.ports.store.get(COLLECTIONS.places, input.compoundId);
  if (!compound || compound.kind !== 'compound') return err('PLACE.NOT_A_COMPOUND');
  if (compound.parentId !== group.communityId) return err('WORKGROUP.COMPOUND_OUTSIDE', { communityName: group.communityName });
  const openid = callerOpenid(ctx);
  const member = memberPostOf(group.members, ctx.caller.user?.name);
  const actor = { openid, name: member.name, label: member.label };
  const { groupId: _g, ...patrol } = input;
  const filed = await recordFound(ctx, patrol, compound, {
    source: 'workGroup',
    how: `${group.name}收集`,
    actor,
    extra: { workGroupId: group._id, collectedBy: actor },
  });
  return filed.ok ? ok(filed.data) : filed;
}
