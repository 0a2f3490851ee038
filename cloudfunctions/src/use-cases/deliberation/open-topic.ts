import { err, ok, type Result, type TopicDoc, type TopicView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { findPlace } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { numbersOf, standingsOf, supportThreshold, type LoadedCommunity } from './deliberation-policy';
import { bumpStats } from './stats';
import { event, toTopicView } from './views';

export type OpenTopicInput = {
  key: string;
  communityId: string;
  compoundId: string | null;
  title: string;
  body: string;
  requestIds: string[];
};

/**
 * Staff open a topic directly on the agenda, or from 大事 requests of the community (several merge
 * into one topic): each request then names the topic, and its page links the progress. Every
 * request is checked before anything is written, so a wrong one leaves nothing half-linked.
 */
export async function openTopic(ctx: Ctx, input: OpenTopicInput, loaded: LoadedCommunity): Promise<Result<TopicView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const { communityKind: kind } = await numbersOf(ctx, loaded.community);
  const answer = (t: TopicDoc) => toTopicView(t, { kind, standings: standingsOf(ctx.caller, loaded) });
  const replay = await firstAnswer(store, openid, { collection: 'delib_topics', id: input.key, ownerOf: (t) => t.proposerOpenid, answer });
  if (replay) return replay;

  const compound = input.compoundId ? await findPlace(ctx, input.compoundId, 'compound') : null;
  if (compound && !compound.ok) return compound;
  if (compound?.ok && !compound.data.path.includes(loaded.community._id)) return err('COMMON.FORBIDDEN');
  const requestIds = [...new Set(input.requestIds)];
  const requests = await store.getMany(COLLECTIONS.requests, requestIds);
  for (const id of requestIds) {
    const r = requests.find((x) => x._id === id);
    if (!r) return err('REQUEST.NOT_FOUND');
    if (r.communityId !== loaded.community._id) return err('COMMON.FORBIDDEN');
    if (r.track !== 'major') return err('DELIB.REQUEST_NOT_MAJOR', { requestId: id });
  }

  const now = clock.now().toISOString();
  const by = ctx.caller.user?.name ?? '社区';
  const topic: TopicDoc = {
    _id: input.key,
    communityId: loaded.community._id,
    compoundId: compound?.ok ? compound.data._id : null,
    placeName: compound?.ok ? compound.data.fullName : loaded.community.fullName,
    title: input.title,
    body: input.body,
    photos: [],
    origin: requestIds.length ? { kind: 'requests', requestIds } : { kind: 'staff' },
    proposerOpenid: openid,
    proposerName: by,
    stage: 'agenda',
    supports: 0,
    comments: 0,
    adopted: 0,
    threshold: await supportThreshold(ctx, loaded.community),
    steps: [],
    history: [event(now, requestIds.length ? `由 ${requestIds.length} 件大事诉求转为议题，列入议程` : '社区提出议题，列入议程', by)],
    noticeIds: [],
    createdAt: now,
    updatedAt: now,
  };
  if ((await store.insert(COLLECTIONS.delibTopics, topic)) === 'duplicate') {
    const again = await firstAnswer(store, openid, { collection: 'delib_topics', id: input.key, ownerOf: (t) => t.proposerOpenid, answer });
    if (again) return again;
  } else await bumpStats(store, loaded.community._id, { topics: 1 });
  for (const id of requestIds) await store.update(COLLECTIONS.requests, id, { set: { topicId: topic._id } });
  return ok(answer(topic));
}
