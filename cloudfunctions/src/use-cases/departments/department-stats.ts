import { departmentStatId, partDelta, type DispatchDoc, type RequestDoc } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';

/**
 * Adds a part's step to its department's month counters, inside the transaction that writes the
 * part: after minus before, so a step that changes no count writes nothing more (and a retried
 * transaction adds it once, since the part it reads is the one it writes).
 */
export async function applyPartStats(tx: TxStore, before: DispatchDoc | null, after: DispatchDoc): Promise<void> {
  const inc = partDelta(before, after);
  if (Object.keys(inc).length === 0) return;
  const id = departmentStatId(after.departmentId, after.month);
  if (await tx.get(COLLECTIONS.departmentStats, id)) await tx.update(COLLECTIONS.departmentStats, id, { inc });
  else
    await tx.insert(COLLECTIONS.departmentStats, {
      _id: id,
      departmentId: after.departmentId,
      departmentName: after.departmentName,
      districtId: after.districtId,
      month: after.month,
      ...inc,
    });
}

/** The request's outcome as its lead part keeps it (resolution and rating), for the counters. */
export function withOutcome(part: DispatchDoc, r: Pick<RequestDoc, 'resolvedAt' | 'rating' | 'source'>): DispatchDoc {
  const next: DispatchDoc = { ...part };
  delete next.resolvedAt;
  delete next.resolvedOnTime;
  delete next.satisfaction;
  // what happened before the department had the part (a resolution or rating before 派单) is not its own
  if (r.resolvedAt && r.resolvedAt >= part.dispatchedAt) {
    next.resolvedAt = r.resolvedAt;
    next.resolvedOnTime = r.resolvedAt <= part.resolveBy;
  }
  if (r.rating && r.rating.at >= part.dispatchedAt) next.satisfaction = r.rating.satisfaction;
  if (!next.source) next.source = r.source ?? 'resident';
  return next;
}

const outcomeKey = (p: Pick<DispatchDoc, 'resolvedAt' | 'resolvedOnTime' | 'satisfaction' | 'source'>) =>
  `${p.resolvedAt ?? ''}|${p.resolvedOnTime ?? ''}|${p.satisfaction ?? ''}|${p.source ?? ''}`;

/**
 * A request step outside the departments (反馈 by the community, 评价 by the resident, 重办)
 * changed its resolution or rating: its lead part takes the outcome, and the counters the difference,
 * in the same transaction. Only dispatched requests (the 大事 track) have parts to read.
 */
export async function syncLeadOutcome(tx: TxStore, before: RequestDoc, next: RequestDoc): Promise<void> {
  if (next.track !== 'major') return;
  if (before.resolvedAt === next.resolvedAt && before.rating?.satisfaction === next.rating?.satisfaction) return;
  const kase = await tx.get(COLLECTIONS.dispatchCases, next._id);
  if (!kase?.lead) return;
  const part = await tx.get(COLLECTIONS.dispatches, `${next._id}:${kase.lead}`);
  if (!part || part.role !== 'lead') return;
  const after = withOutcome(part, next);
  if (outcomeKey(after) === outcomeKey(part)) return;
  await tx.put(COLLECTIONS.dispatches, { ...after, version: part.version + 1, updatedAt: next.updatedAt });
  await applyPartStats(tx, part, after);
}
