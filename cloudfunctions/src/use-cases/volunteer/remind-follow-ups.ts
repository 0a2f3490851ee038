import { MESSAGE_PAGES, ok, shanghaiDate } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { enqueueQuietly } from '../notifications/message-outbox';

/** Timer: each follow-up due today is queued once for its party member (the staffTask template: a task of theirs). */
export async function remindFollowUps(ctx: Ctx) {
  const { store, clock } = ctx.ports;
  const today = shanghaiDate(clock.now());
  const due = await store.find(COLLECTIONS.lianbaoVisits, {
    where: { reminded: false, followUpOn: { lte: today } },
    orderBy: [['followUpOn', 'asc']],
    limit: 200,
  });
  let queued = 0;
  for (const v of due) {
    const sent = await enqueueQuietly(
      ctx,
      [
        {
          id: `followup:${v._id}:${v.partyMemberOpenid}`,
          toOpenid: v.partyMemberOpenid,
          template: 'staffTask',
          page: MESSAGE_PAGES.lianbao(),
          data: {
            thing1: `回访 ${v.householdName}`.slice(0, 20),
            phrase2: '待回访',
            thing3: (v.need ?? v.topics).slice(0, 20),
            time4: `${v.followUpOn} 09:00`,
          },
        },
      ],
      { visitId: v._id },
    );
    if (!sent) continue;
    await store.update(COLLECTIONS.lianbaoVisits, v._id, { set: { reminded: true } }, { reminded: false });
    queued++;
  }
  return ok({ queued });
}
