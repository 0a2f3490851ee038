import { BINDING_STATUS_LABELS, err, formatShanghai, MESSAGE_PAGES, ok, type Binding, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { grantResident } from './grant-resident';
import { claimProxied } from '../ledger/claim-proxied';
import { enqueueQuietly, type OutgoingMessage } from '../notifications/message-outbox';

const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/**
 * The resident's message about the answer (on the 事项进展 template residents grant when they
 * apply), one per review: its id names the binding and the moment it was reviewed.
 */
export function bindingMessage(b: Binding): OutgoingMessage {
  const approved = b.status === 'approved';
  return {
    id: `binding:${b._id}:${b.reviewedAt ?? b.createdAt}`,
    toOpenid: b.openid,
    template: 'requestUpdate',
    page: MESSAGE_PAGES.binding(),
    data: {
      thing1: '房屋绑定',
      phrase2: BINDING_STATUS_LABELS[b.status],
      thing3: thing(approved ? b.householdName : `原因：${b.reason ?? '请联系社区工作人员'}`),
      time4: formatShanghai(b.reviewedAt ?? b.createdAt),
    },
  };
}

/** Community staff approve or reject a binding; approval grants the resident role on the household; the resident is told either way. */
export async function reviewBinding(
  ctx: Ctx,
  input: { bindingId: string; approve: boolean; reason?: string | undefined },
): Promise<Result<{ binding: Binding }>> {
  const reviewer = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  const result = await store.transaction(async (tx): Promise<Result<{ binding: Binding }>> => {
    const binding = await tx.get(COLLECTIONS.bindings, input.bindingId);
    if (!binding) return err('IDENTITY.BINDING_NOT_FOUND');
    if (binding.status !== 'pending') return err('IDENTITY.BINDING_ALREADY_REVIEWED', { status: binding.status });
    const household = await tx.get(COLLECTIONS.places, binding.householdId);
    if (!household) return err('PLACE.NOT_FOUND', { placeId: binding.householdId });
    const reviewed: Binding = {
      ...binding,
      status: input.approve ? 'approved' : 'rejected',
      reviewedAt: now,
      reviewedBy: reviewer,
      ...(input.reason ? { reason: input.reason } : {}),
    };
    await tx.put(COLLECTIONS.bindings, reviewed);
    if (input.approve) await grantResident(tx, binding, household, reviewer, now);
    return ok({ binding: reviewed });
  });
  // told after the answer is written: a message that cannot be queued never undoes the review
  if (result.ok) {
    await enqueueQuietly(ctx, [bindingMessage(result.data.binding)], { bindingId: input.bindingId });
    if (result.data.binding.status === 'approved') await claimProxied(ctx, result.data.binding);
  }
  return result;
}
