import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedTopic, LoadedVote } from './deliberation-policy';
import { ballotsOf, toVoteView } from './views';

/** The household of the caller's approved binding, for "how did my household vote". */
export async function myHousehold(ctx: Ctx): Promise<string | null> {
  const openid = ctx.caller.openid;
  const b = openid ? await ctx.ports.store.get(COLLECTIONS.bindings, openid) : null;
  return b?.status === 'approved' ? b.householdId : null;
}

/** A vote with its result, computed from the ballots every time. Public. */
export async function getVote(ctx: Ctx, _input: { voteId: string }, loaded: LoadedVote) {
  const ballots = await ballotsOf(ctx.ports.store, loaded.vote._id);
  return ok(toVoteView(loaded.vote, ballots, ctx.ports.clock.now().toISOString(), await myHousehold(ctx)));
}

export async function listVotes(ctx: Ctx, input: { topicId: string }, _loaded: LoadedTopic) {
  const { store, clock } = ctx.ports;
  const votes = await store.find(COLLECTIONS.delibVotes, { where: { topicId: input.topicId }, orderBy: [['createdAt', 'asc']], limit: 50 });
  const mine = await myHousehold(ctx);
  const now = clock.now().toISOString();
  const views = [];
  for (const v of votes) views.push(toVoteView(v, await ballotsOf(store, v._id), now, mine));
  return ok({ votes: views });
}
