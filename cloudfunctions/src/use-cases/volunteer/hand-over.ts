import { err, hasStaffScope, ok, type Place } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { recorderOf } from './ledger-writer';
import { toRedemptionView, done } from './shop-records';

/** At the counter: staff scan (or type) the code; a code of another community is not one they know. */
export async function handOver(ctx: Ctx, input: { communityId: string; code: string }, community: Place) {
  const { store, clock } = ctx.ports;
  const codeDoc = await store.get(COLLECTIONS.volCodes, input.code);
  const r = codeDoc?.communityId === community._id ? await store.get(COLLECTIONS.volRedemptions, codeDoc.redemptionId) : null;
  if (!r || !hasStaffScope(ctx.caller.grants, community)) return err('VOLUNTEER.REDEMPTION_NOT_FOUND');
  if (r.status !== 'held') return done(r);
  const at = clock.now().toISOString();
  const by = recorderOf(ctx.caller, '社区工作人员');
  const changed = await store.update(
    COLLECTIONS.volRedemptions,
    r._id,
    { set: { status: 'handedOver', handedOverAt: at, handedOverBy: { openid: by.openid, name: by.name } } },
    { status: 'held' },
  );
  const after = (await store.get(COLLECTIONS.volRedemptions, r._id)) ?? r;
  if (!changed) return done(after);
  return ok({ redemption: toRedemptionView(after) });
}
