import { ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { settingsOf } from './volunteer-policy';
import { toMemberView } from './lianbao-records';

export async function listPartyMembers(ctx: Ctx, input: { communityId: string }) {
  const { store } = ctx.ports;
  const settings = await settingsOf(store, input.communityId);
  const members = await findAll(store, COLLECTIONS.partyMembers, { communityId: input.communityId }, [
    ['communityId', 'asc'],
    ['name', 'asc'],
  ]);
  const staff = (await store.get(COLLECTIONS.placeStaff, input.communityId))?.members ?? [];
  return ok({
    members: members.map((m) => toMemberView(m, settings.householdsPerMember)),
    householdsPerMember: settings.householdsPerMember,
    cadres: staff.map((s) => ({ openid: s.openid, name: s.name })),
  });
}
