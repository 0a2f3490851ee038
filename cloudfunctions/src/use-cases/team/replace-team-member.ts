import type { TeamPerson, Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { changeTeam } from './change-team';

/** Someone else takes over the same post (same role, same checkpoint). */
export function replaceTeamMember(ctx: Ctx, input: { compoundId: string; memberId: string; person: TeamPerson }, compound: Place) {
  return changeTeam(ctx, compound, {
    kind: 'replace',
    memberId: input.memberId,
    person: input.person,
    newMemberId: ctx.ports.ids.newId(),
  });
}
