import { ok, type Result, type VoteView } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedVote } from './deliberation-policy';
import { appendHistory } from './stats';
import { ballotsOf, event, toVoteView } from './views';

/** An officer closes a vote early (or confirms it closed); the result is then final, from the ballots. */
export async function closeVote(ctx: Ctx, _input: { voteId: string }, loaded: LoadedVote): Promise<Result<VoteView>> {
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  const closedAt = loaded.vote.closedAt ?? (now < loaded.vote.closesAt ? now : loaded.vote.closesAt);
  const closed = await store.update(COLLECTIONS.delibVotes, loaded.vote._id, { set: { closedAt } }, { closedAt: null });
  const vote = { ...loaded.vote, closedAt };
  const view = toVoteView(vote, await ballotsOf(store, vote._id), now, null);
  if (closed) {
    const r = view.result;
    await appendHistory(
      store,
      vote.topicId,
      event(
        now,
        `入户投票截止：${r.ballots}/${vote.households} 户投票（${r.paper} 张纸质），${r.turnout.met ? (r.passed ? '通过' : '未通过') : '未达到法定户数'}`,
        ctx.caller.user?.name ?? '社区',
      ),
    );
  }
  return ok(view);
}
