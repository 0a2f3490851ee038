import { err, foldLedger, ok, roundPoints, scoreId, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { appendEntry, dayAndMonth, entriesOf, recorderOf } from './ledger-writer';
import { partyMemberId, settingsOf } from './volunteer-policy';

/** The branch secretary awards a manual item (参加主题党日 …), once per member, item and month. */
export async function awardParty(
  ctx: Ctx,
  input: { communityId: string; openid: string; itemId: string; month: string; note: string },
  community: Place,
) {
  const { store, clock } = ctx.ports;
  const settings = await settingsOf(store, community._id);
  const item = settings.partyItems.find((i) => i.id === input.itemId && i.source === 'manual');
  const member = await store.get(COLLECTIONS.partyMembers, partyMemberId(community._id, input.openid));
  if (!item || !member) return err('VOLUNTEER.PERSON_NOT_FOUND');
  const now = clock.now();
  await store.transaction((tx) =>
    appendEntry(tx, {
      _id: scoreId(community._id, input.month, item.id, member.openid),
      ledger: 'party',
      communityId: community._id,
      openid: member.openid,
      name: member.name,
      kind: 'score',
      points: roundPoints(Math.min(item.points, item.monthlyMax ?? Infinity)),
      hours: 0,
      itemId: item.id,
      reason: `${input.month} ${item.name}${input.note ? `：${input.note}` : ''}`,
      recordedBy: recorderOf(ctx.caller, '党支部书记'),
      at: now.toISOString(),
      ...dayAndMonth(now),
      month: input.month,
    }),
  );
  return ok({ totals: foldLedger(await entriesOf(store, 'party', community._id, member.openid)) });
}
