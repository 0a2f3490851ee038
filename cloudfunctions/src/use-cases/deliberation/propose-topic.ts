import { ok, type Place, type Result, type TopicDoc, type TopicView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { findPlace } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { checkPublic as checkText } from './check-text';
import { callerName, numbersOf, residentBinding, standingsIn, supportThreshold } from './deliberation-policy';
import { bumpStats } from './stats';
import { event, toTopicView } from './views';

export type ProposeInput = { key: string; scope: 'compound' | 'community'; title: string; body: string; photos: string[] };

/**
 * A bound resident raises a topic for their compound or their community. The place comes from
 * their approved binding, never from the payload. Checked before it is stored; the key makes a
 * retried submit the same topic.
 */
export async function proposeTopic(ctx: Ctx, input: ProposeInput): Promise<Result<TopicView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const replay = await firstAnswer(store, openid, {
    collection: 'delib_topics',
    id: input.key,
    ownerOf: (t) => t.proposerOpenid,
    answer: (t) => answerOf(ctx, t),
  });
  if (replay) return replay;

  const binding = await store.get(COLLECTIONS.bindings, openid);
  const bound = await residentBinding(ctx, binding?.communityId ?? '');
  if (!bound.ok) return bound;
  const community = await findPlace(ctx, bound.data.communityId, 'community');
  if (!community.ok) return community;
  const compound = input.scope === 'compound' ? await findPlace(ctx, bound.data.compoundId, 'compound') : null;
  if (compound && !compound.ok) return compound;

  const checked = await checkText(ctx, openid, { title: input.title, body: input.body }, input.photos);
  if (!checked.ok) return checked;

  const now = clock.now().toISOString();
  const name = callerName(ctx, bound.data);
  const topic: TopicDoc = {
    _id: input.key,
    communityId: community.data._id,
    compoundId: compound?.ok ? compound.data._id : null,
    placeName: compound?.ok ? compound.data.fullName : community.data.fullName,
    title: input.title,
    body: input.body,
    // a photo still waiting for WeChat's verdict is not published with the topic
    photos: input.photos.filter((p) => !checked.data.held.includes(p)),
    origin: { kind: 'resident' },
    proposerOpenid: openid,
    proposerName: name,
    stage: 'open',
    supports: 0,
    comments: 0,
    adopted: 0,
    threshold: await supportThreshold(ctx, community.data),
    steps: [],
    history: [event(now, '提出议题，征集附议和意见', name)],
    noticeIds: [],
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await store.insert(COLLECTIONS.delibTopics, topic);
  if (inserted === 'duplicate') {
    // the same key pressed twice at once: the first one's answer
    const again = await firstAnswer(store, openid, {
      collection: 'delib_topics',
      id: input.key,
      ownerOf: (t) => t.proposerOpenid,
      answer: (t) => answerOf(ctx, t),
    });
    if (again) return again;
  } else await bumpStats(store, community.data._id, { topics: 1 });
  return ok(await answerOf(ctx, topic, community.data));
}

/** The proposer's view of their topic, under the law of its community. */
async function answerOf(ctx: Ctx, topic: TopicDoc, known?: Place): Promise<TopicView> {
  const community = known ?? (await ctx.ports.store.get(COLLECTIONS.places, topic.communityId));
  if (!community) throw new Error(`topic ${topic._id} has no community ${topic.communityId}`);
  const { communityKind: kind } = await numbersOf(ctx, community);
  return toTopicView(topic, { kind, standings: await standingsIn(ctx, community) });
}
