import { ok, TOPIC_STAGES, type TopicStage } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { Filter } from '../../ports/store';
import { supportThreshold, type LoadedCommunity } from './deliberation-policy';
import { toSummary } from './views';

/** A community's 议事厅: its topics newest first (one stage, or all), with a count per stage. */
export async function listTopics(ctx: Ctx, input: { communityId: string; stage?: TopicStage; limit: number }, loaded: LoadedCommunity) {
  const { store } = ctx.ports;
  const where: Filter = input.stage ? { communityId: input.communityId, stage: input.stage } : { communityId: input.communityId };
  const [topics, stats, ...counts] = await Promise.all([
    store.find(COLLECTIONS.delibTopics, { where, orderBy: [['updatedAt', 'desc']], limit: input.limit }),
    store.get(COLLECTIONS.delibStats, input.communityId),
    ...TOPIC_STAGES.map((stage) => store.count(COLLECTIONS.delibTopics, { communityId: input.communityId, stage })),
  ]);
  return ok({
    community: { id: loaded.community._id, name: loaded.community.name },
    topics: topics.map(toSummary),
    counts: Object.fromEntries(TOPIC_STAGES.map((s, i) => [s, counts[i] ?? 0])) as Record<TopicStage, number>,
    adopted: stats?.adopted ?? 0,
    threshold: await supportThreshold(ctx, loaded.community),
  });
}
