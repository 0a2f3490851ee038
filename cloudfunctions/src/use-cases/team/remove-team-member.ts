import type { Ctx } from '../../platform/context';
import { changeTeam } from './change-team';

export function removeTeamMember(ctx: Ctx, input: { compoundId: string; memberId: string }) {
  return changeTeam(ctx, input.compoundId, { kind: 'remove', memberId: input.memberId });
}
