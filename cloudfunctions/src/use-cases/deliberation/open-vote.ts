import { err, ok, type Result, type VoteDoc, type VoteView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { findPlace } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { collectAudience } from '../notices/collect-audience';
import { numbersOf, type LoadedTopic } from './deliberation-policy';
import { appendHistory } from './stats';
import { event, toVoteView } from './views';

export type OpenVoteInput = {
  key: string;
  topicId: string;
  question: string;
  options: string[];
  opensAt?: string;
  closesAt: string;
  secret: boolean;
  changeable: boolean;
  law: 'urban' | 'village';
};

/**
 * An officer opens a household vote on a topic, for the topic's compound or its whole community.
 * The households in scope are counted now: the turnout is held to that number.
 */
export async function openVote(ctx: Ctx, input: OpenVoteInput, loaded: LoadedTopic): Promise<Result<VoteView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const now = clock.now().toISOString();
  const answer = (v: VoteDoc) => toVoteView(v, [], now, null);
  const replay = await firstAnswer(store, openid, { collection: 'delib_votes', id: input.key, ownerOf: (v) => v.createdBy, answer });
  if (replay) return replay;
  const opensAt = input.opensAt ? new Date(input.opensAt).toISOString() : now;
  const closesAt = new Date(input.closesAt).toISOString();
  if (closesAt <= opensAt) return err('DELIB.VOTE_INVALID', { reason: 'closesBeforeOpens' });
  if (closesAt <= now) return err('DELIB.VOTE_INVALID', { reason: 'closeInPast' });
  if (new Set(input.options).size < 2) return err('DELIB.VOTE_INVALID', { reason: 'tooFewOptions' });
  if (loaded.topic.stage === 'refused' || loaded.topic.stage === 'carriedOut') return err('DELIB.TOPIC_CLOSED');
  const meetingType = input.law === 'village' ? 'villagersMeeting' : 'residentsMeeting';
  const { communityKind: kind } = await numbersOf(ctx, loaded.community);
  if (input.law !== kind) return err('DELIB.WRONG_LAW', { kind, meetingType });

  const scope = loaded.topic.compoundId ? await findPlace(ctx, loaded.topic.compoundId, 'compound') : ok(loaded.community);
  if (!scope.ok) return scope;
  const audience = await collectAudience(store, [scope.data]);
  const vote: VoteDoc = {
    _id: input.key,
    topicId: loaded.topic._id,
    communityId: loaded.community._id,
    compoundId: loaded.topic.compoundId,
    question: input.question,
    options: input.options,
    opensAt,
    closesAt,
    closedAt: null,
    secret: input.secret,
    changeable: input.changeable,
    households: audience.households.length,
    meetingType,
    createdBy: openid,
    createdAt: now,
  };
  if ((await store.insert(COLLECTIONS.delibVotes, vote)) === 'duplicate') {
    const again = await firstAnswer(store, openid, { collection: 'delib_votes', id: input.key, ownerOf: (v) => v.createdBy, answer });
    if (again) return again;
  }
  await appendHistory(
    store,
    loaded.topic._id,
    event(now, `发起入户投票：${input.question}（${vote.households} 户参加）`, ctx.caller.user?.name ?? '社区'),
  );
  return ok(answer(vote));
}
