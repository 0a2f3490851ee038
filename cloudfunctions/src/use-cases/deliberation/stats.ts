import type { Store } from '../../ports/store';
import { COLLECTIONS } from '../../ports/collections';

/** Adds to a community's 议事厅 counters (topics, adopted suggestions), creating them the first time. */
export async function bumpStats(store: Store, communityId: string, inc: { topics?: number; adopted?: number }): Promise<void> {
  await store.transaction(async (tx) => {
    const stats = (await tx.get(COLLECTIONS.delibStats, communityId)) ?? { _id: communityId, topics: 0, adopted: 0 };
    await tx.put(COLLECTIONS.delibStats, {
      ...stats,
      topics: stats.topics + (inc.topics ?? 0),
      adopted: stats.adopted + (inc.adopted ?? 0),
    });
  });
}

/** Adds a line to a topic's public history (in a transaction: lines from two officers at once both stay). */
export async function appendHistory(store: Store, topicId: string, line: { at: string; what: string; by: string }): Promise<void> {
  await store.transaction(async (tx) => {
    const t = await tx.get(COLLECTIONS.delibTopics, topicId);
    if (!t) return;
    await tx.put(COLLECTIONS.delibTopics, { ...t, history: [...t.history, line], updatedAt: line.at });
  });
}
