import {
  err,
  ok,
  type Change,
  type DispatchCaseDoc,
  type DispatchDoc,
  type RequestDoc,
  type RequestEvent,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { writeChange } from '../requests/commit-request';
import { applyPartStats, withOutcome } from './department-stats';

export interface PartStep {
  part: DispatchDoc;
  /** The request's step (a timeline line, a status), when the part's step makes one. */
  change?: Change;
  /** The 首接负责 record to write with it. */
  kase?: DispatchCaseDoc;
}

export interface CommittedPart {
  part: DispatchDoc;
  request: RequestDoc;
  events: RequestEvent[];
  changed: boolean;
}

/**
 * Reads a part, its request and its 首接负责 record, and writes the step `decide` makes of them,
 * atomically: two phones of one department pressing at once, or two departments accepting an open
 * offer at once, each decide on the latest state (the second finds a wrong state, or a lead).
 * `decide` answering null means nothing to do (a repeat).
 */
export async function commitPart(
  ctx: Ctx,
  dispatchId: string,
  decide: (part: DispatchDoc, request: RequestDoc, kase: DispatchCaseDoc | null) => Result<PartStep> | null,
): Promise<Result<CommittedPart>> {
  const at = ctx.ports.clock.now().toISOString();
  return ctx.ports.store.transaction(async (tx): Promise<Result<CommittedPart>> => {
    const part = await tx.get(COLLECTIONS.dispatches, dispatchId);
    const request = part ? await tx.get(COLLECTIONS.requests, part.requestId) : null;
    if (!part || !request) return err('DISPATCH.NOT_FOUND');
    const kase = await tx.get(COLLECTIONS.dispatchCases, part.requestId);
    const step = decide(part, request, kase);
    if (step === null) return ok({ part, request, events: [], changed: false });
    if (!step.ok) return step;
    const decided = { ...step.data.part, version: part.version + 1, updatedAt: at };
    // a part that leads (or has just become the lead) keeps the request's outcome, for the counters
    const next = decided.role === 'lead' ? withOutcome(decided, step.data.change?.next ?? request) : decided;
    if (next.dueAt === undefined) delete next.dueAt;
    await tx.put(COLLECTIONS.dispatches, next);
    await applyPartStats(tx, part, next);
    if (step.data.kase) await tx.put(COLLECTIONS.dispatchCases, step.data.kase);
    const events = step.data.change ? await writeChange(tx, step.data.change, at) : [];
    return ok({ part: next, request: step.data.change?.next ?? request, events, changed: true });
  });
}
