import type { TeamPerson, TeamRole, Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { changeTeam } from './change-team';

export function addTeamMember(
  ctx: Ctx,
  input: { compoundId: string; role: TeamRole; checkpoint?: string | undefined; person: TeamPerson },
  compound: Place,
) {
  return changeTeam(ctx, compound, {
    kind: 'add',
    role: input.role,
    ...(input.checkpoint ? { checkpoint: input.checkpoint } : {}),
    person: input.person,
    memberId: ctx.ports.ids.newId(),
  });
}
