import { ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

/** The community's bound residents, for staff to pick a lead, a party member or a person's ledger. */
export async function people(ctx: Ctx, input: { communityId: string }) {
  const bindings = await findAll(ctx.ports.store, COLLECTIONS.bindings, { communityId: input.communityId, status: 'approved' }, [
    ['communityId', 'asc'],
    ['status', 'asc'],
    ['createdAt', 'asc'],
  ]);
  const seen = new Set<string>();
  return ok({
    people: bindings
      .filter((b) => !seen.has(b.openid) && seen.add(b.openid))
      .map((b) => ({ openid: b.openid, name: b.name, phone: b.phone, householdName: b.householdName })),
  });
}
