import { ledgerResidentId } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * 代办: once a resident on the ledger binds, what staff reported for them becomes theirs (their
 * 我的诉求, their rating). After the binding is written; a failure is logged, and the next binding
 * of the same person claims them again.
 */
export async function claimProxied(ctx: Ctx, b: { openid: string; householdId: string; name: string }): Promise<void> {
  try {
    await ctx.ports.store.updateMany(
      COLLECTIONS.requests,
      { 'reporter.openid': `proxy:${ledgerResidentId(b.householdId, b.name)}` },
      { set: { 'reporter.openid': b.openid } },
    );
  } catch (e) {
    console.error('proxied requests not claimed', { requestId: ctx.requestId, error: e instanceof Error ? e.message : String(e) });
  }
}
