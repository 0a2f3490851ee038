import type { Store } from '../../ports/store';
import { COLLECTIONS } from '../../ports/collections';

/** Adds to a community's 议事厅 counters (topics, adopted suggestions), creating them the first time. */
export async function bumpStats(store: Store, communityId: string, inc: { topics?: number; adopted?: number }): Promise<void> {
  await store.transaction(async (tx) => {
    const stats = (await tx.get(COLLECTIONS.delibStats, communityId)) ?? { _id: communityId, topics: 0, adopted: 0 };
    await tx.put(COLLECTIONS.delibStats, { ...stats, topics: stats.topics + (inc.topics ?? 0), adopted: stats.adopted + (inc.adopted ?? 0) });
  });
}
