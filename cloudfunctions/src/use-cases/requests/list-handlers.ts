import { mayHandle, ok, type HandlerCandidate, type RequestDoc, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';

import { currentStaff, type StaffPerson } from '../place-staff';
import type { LoadedRequest } from './request-policy';

/**
 * Who may handle a request: the compound's 三长五员 and community staff for 小事, street staff and up
 * for 大事; after a resident's 不满意, only people of the 督办 level it reached or above.
 */
export async function handlerCandidates(ctx: Ctx, r: RequestDoc): Promise<(HandlerCandidate & { person: StaffPerson })[]> {
  const people = await currentStaff(ctx.ports.store, [r.compoundId, r.communityId, r.streetId, r.districtId]);
  return people.map((p) => ({
    openid: p.openid,
    name: p.name,
    roleLabel: p.roleLabel,
    placeName: p.placeName,
    role: p.role,
    tracks: (['minor', 'major'] as const).filter((t) => mayHandle(r, p.role, t)),
    person: p,
  }));
}

export async function listHandlers(
  ctx: Ctx,
  _input: unknown,
  { request }: LoadedRequest,
): Promise<Result<{ candidates: HandlerCandidate[] }>> {
  return ok({ candidates: (await handlerCandidates(ctx, request)).map(({ person: _person, ...c }) => c) });
}
