import { ballotId, err, mergeBallot, ok, voteOpen, type BallotDoc, type Result, type VoteView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { residentBinding, type LoadedVote } from './deliberation-policy';
import { ballotsOf, toVoteView } from './views';

/**
 * Writes a household's ballot. Its id is `${voteId}:${householdId}`, so two members at once, or
 * a paper ballot and an online one, meet on one document: the insert that loses answers
 * 'duplicate' and `mergeBallot` decides (change an online ballot when allowed, else refuse). A
 * change is a conditional update on the ballot being still online, so paper entered meanwhile wins.
 */
export async function writeBallot(store: Store, ballot: BallotDoc, changeable: boolean): Promise<Result<true>> {
  if ((await store.insert(COLLECTIONS.delibBallots, ballot)) === 'inserted') return ok(true);
  const existing = await store.get(COLLECTIONS.delibBallots, ballot._id);
  if (!existing) throw new Error(`ballot ${ballot._id} reported duplicate but is missing`);
  const merge = mergeBallot(existing, ballot, changeable);
  if ('code' in merge) return err('DELIB.ALREADY_VOTED', { source: merge.source });
  if (merge.action === 'keep') return ok(true);
  const changed = await store.update(
    COLLECTIONS.delibBallots,
    ballot._id,
    { set: { option: ballot.option, openid: ballot.openid, at: ballot.at } },
    { source: 'online' },
  );
  return changed ? ok(true) : err('DELIB.ALREADY_VOTED', { source: 'paper' });
}

/** One vote per approved household binding in the vote's scope, while it is open. */
export async function castBallot(ctx: Ctx, input: { voteId: string; option: number }, loaded: LoadedVote): Promise<Result<VoteView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const { vote } = loaded;
  const bound = await residentBinding(ctx, vote.communityId, vote.compoundId);
  if (!bound.ok) return bound;
  const now = clock.now().toISOString();
  if (!voteOpen(vote, now)) return err('DELIB.VOTE_CLOSED');
  if (input.option >= vote.options.length) return err('DELIB.VOTE_INVALID', { reason: 'optionUnknown' });
  const written = await writeBallot(
    store,
    {
      _id: ballotId(vote._id, bound.data.householdId),
      voteId: vote._id,
      householdId: bound.data.householdId,
      option: input.option,
      source: 'online',
      openid,
      at: now,
    },
    vote.changeable,
  );
  if (!written.ok) return written;
  return ok(toVoteView(vote, await ballotsOf(store, vote._id), now, bound.data.householdId));
}
