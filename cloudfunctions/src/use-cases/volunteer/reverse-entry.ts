import { err, foldLedger, ok, reversalOf, reversalRefusal, reversalId, roundPoints } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { appendEntry, dayAndMonth, entriesOf, recorderOf } from './ledger-writer';
import type { LoadedEntry } from './points-records';

/** Undoes one entry by a reversing entry (its id is fixed by the one it undoes: reversed once at most). */
export async function reverseEntry(ctx: Ctx, input: { entryId: string; reason: string }, { entry }: LoadedEntry) {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const { day, month } = dayAndMonth(now);
  const refused = reversalRefusal(entry, Boolean(await store.get(COLLECTIONS.volEntries, reversalId(entry._id))));
  if (refused) return err('VOLUNTEER.NOT_REVERSIBLE', { reason: refused });
  await store.transaction(async (tx) => {
    await appendEntry(tx, reversalOf(entry, recorderOf(ctx.caller, '社区工作人员'), input.reason, now, day, month));
    // a grant taken back frees its share of the caps
    if (entry.kind === 'grant' && entry.ledger === 'volunteer') {
      const cid = `${entry.communityId}:${entry.openid}:${entry.month}`;
      const usage = await tx.get(COLLECTIONS.volCaps, cid);
      if (usage)
        await tx.put(COLLECTIONS.volCaps, {
          ...usage,
          month: roundPoints(usage.month - entry.points),
          days: { ...usage.days, [entry.day]: roundPoints((usage.days[entry.day] ?? 0) - entry.points) },
        });
    }
  });
  return ok({ totals: foldLedger(await entriesOf(store, entry.ledger, entry.communityId, entry.openid)) });
}
