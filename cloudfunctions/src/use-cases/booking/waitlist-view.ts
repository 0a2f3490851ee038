import { onBehalfLine, type WaitlistEntry, type WaitlistView } from '@linli/shared';
import type { Store } from '../../ports/store';
import { COLLECTIONS } from '../../ports/collections';

/** An entry as its owner sees it, with their place in line (1 = next). */
export async function toWaitlistView(store: Store, entry: WaitlistEntry): Promise<WaitlistView> {
  const { openid: _o, proxy, ...rest } = entry;
  const view = { ...rest, ...(proxy ? { proxyLine: onBehalfLine(entry.name, proxy) } : {}) };
  if (entry.status !== 'waiting') return { ...view, position: 0 };
  const ahead = await store.count(COLLECTIONS.bookingWaitlist, { slotId: entry.slotId, status: 'waiting', seq: { lt: entry.seq } });
  return { ...view, position: ahead + 1 };
}
