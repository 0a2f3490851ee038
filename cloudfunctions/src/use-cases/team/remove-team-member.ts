import type { Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { changeTeam } from './change-team';

export function removeTeamMember(ctx: Ctx, input: { compoundId: string; memberId: string }, compound: Place) {
  return changeTeam(ctx, compound, { kind: 'remove', memberId: input.memberId });
}
