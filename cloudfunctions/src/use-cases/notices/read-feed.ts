import { ancestorOfKind, compareFeed, type Grant } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { deliveryId, residentGrant } from './notice-records';
import type { NoticeDoc } from '../../ports/documents';

/** How many of the newest notices a feed looks at; older ones are in the archive or expired. */
const FEED_WINDOW = 200;

export type FeedEntry = { notice: NoticeDoc; read: boolean; acked: boolean };

/**
 * The live notices for the caller's household (sent to it or to any place above it), with the
 * caller's read state, urgent and pinned first. Shared by the feed and the tab badge.
 */
export async function readFeed(ctx: Ctx): Promise<{ grant: Grant | undefined; entries: FeedEntry[] }> {
  const { store, clock } = ctx.ports;
  const grant = residentGrant(ctx.caller.grants);
  const openid = ctx.caller.openid;
  if (!grant || !openid) return { grant, entries: [] };
  const now = clock.now().toISOString();
  const rows = await store.find(COLLECTIONS.noticeTargets, {
    where: { placeId: { in: [...grant.placePath, grant.placeId] }, publishAt: { lte: now } },
    orderBy: [['publishAt', 'desc']],
    limit: FEED_WINDOW,
  });
  const ids = [...new Set(rows.map((r) => r.noticeId))];
  // the notices and the caller's receipts of them at once (a receipt's id is known from the notice's)
  const [all, receiptDocs] = await Promise.all([
    store.getMany(COLLECTIONS.notices, ids),
    store.getMany(
      COLLECTIONS.noticeDeliveries,
      ids.map((id) => deliveryId(id, openid)),
    ),
  ]);
  const notices = all.filter((n) => n.status === 'published' && n.publishAt <= now && n.expiresAt > now);
  const receipts = new Map(receiptDocs.map((d) => [d.noticeId, d]));
  const entries = notices
    .map((notice) => ({ notice, read: receipts.get(notice._id)?.read === true, acked: receipts.get(notice._id)?.acked === true }))
    .sort((a, b) => compareFeed(a.notice, b.notice));
  return { grant, entries };
}

export const householdCommunity = (grant: Grant) =>
  ancestorOfKind({ _id: grant.placeId, kind: 'household', path: grant.placePath }, 'community') ?? null;
