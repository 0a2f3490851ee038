import { err, foldLedger, ok, roundPoints, type Entry, type Place } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { appendEntry, dayAndMonth, entriesOf, recorderOf } from './ledger-writer';

/** A correction by hand: a new entry with its reason, under the staff member's key. */
export async function correctPoints(
  ctx: Ctx,
  input: { communityId: string; openid: string; points: number; reason: string; key: string },
  community: Place,
) {
  const staff = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const person = await store.get(COLLECTIONS.users, input.openid);
  if (!person) return err('VOLUNTEER.PERSON_NOT_FOUND');
  const id = `volunteer:correction:${input.key}`;
  const replay = { collection: 'vol_entries', id, ownerOf: (e: Entry) => e.recordedBy.openid, answer: () => null } as const;
  const earlier = await firstAnswer(store, staff, replay);
  if (earlier && !earlier.ok) return earlier;
  if (!earlier) {
    const now = clock.now();
    await store.transaction((tx) =>
      appendEntry(tx, {
        _id: id,
        ledger: 'volunteer',
        communityId: community._id,
        openid: person._id,
        name: person.name,
        kind: 'correction',
        points: roundPoints(input.points),
        hours: 0,
        reason: input.reason,
        recordedBy: recorderOf(ctx.caller, '社区工作人员'),
        at: now.toISOString(),
        ...dayAndMonth(now),
      }),
    );
  }
  return ok({ totals: foldLedger(await entriesOf(store, 'volunteer', community._id, person._id)) });
}
