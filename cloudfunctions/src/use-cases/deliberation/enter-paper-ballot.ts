import { ballotId, err, ok, voteOpen, type Result, type VoteView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { findPlace } from '../../platform/policy';
import type { LoadedVote } from './deliberation-policy';
import { writeBallot } from './cast-ballot';
import { ballotsOf, toVoteView } from './views';

/**
 * A paper ballot for a household without a phone, entered by an officer with the household and
 * the voter's name; the officer is recorded on it. On the household's one ballot id, so it cannot
 * double an online vote (nor an online vote double it).
 */
export async function enterPaperBallot(
  ctx: Ctx,
  input: { voteId: string; householdId: string; option: number; voterName: string },
  loaded: LoadedVote,
): Promise<Result<VoteView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const { vote } = loaded;
  const household = await findPlace(ctx, input.householdId, 'household');
  if (!household.ok) return household;
  const scopeId = vote.compoundId ?? vote.communityId;
  if (!household.data.path.includes(scopeId)) return err('DELIB.NOT_IN_SCOPE');
  const now = clock.now().toISOString();
  if (!voteOpen(vote, now)) return err('DELIB.VOTE_CLOSED');
  if (input.option >= vote.options.length) return err('DELIB.VOTE_INVALID', { reason: 'optionUnknown' });
  const written = await writeBallot(
    store,
    {
      _id: ballotId(vote._id, household.data._id),
      voteId: vote._id,
      householdId: household.data._id,
      option: input.option,
      source: 'paper',
      openid,
      voterName: input.voterName,
      enteredBy: ctx.caller.user?.name ?? openid,
      at: now,
    },
    false,
  );
  if (!written.ok) return written;
  return ok(toVoteView(vote, await ballotsOf(store, vote._id), now, null));
}
