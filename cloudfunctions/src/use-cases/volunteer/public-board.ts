import { monthlyBoard, ok, roundPoints, type Place } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { monthEntries } from './ledger-writer';

/** 公示: the month's board, from the month's entries. */
export async function publicBoard(ctx: Ctx, input: { communityId: string; month: string }, community: Place) {
  const rows = monthlyBoard(await monthEntries(ctx.ports.store, 'volunteer', community._id, input.month));
  return ok({ communityName: community.name, month: input.month, rows, totalHours: roundPoints(rows.reduce((n, r) => n + r.hours, 0)) });
}
