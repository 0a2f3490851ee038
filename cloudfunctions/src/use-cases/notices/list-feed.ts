import { ok, type FeedItem, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { toNoticeView } from './notice-records';
import { householdCommunity, readFeed } from './read-feed';

const EXCERPT = 60;

export async function listFeed(
  ctx: Ctx,
): Promise<Result<{ household: { _id: string; fullName: string; communityId: string | null } | null; items: FeedItem[]; unread: number }>> {
  const now = ctx.ports.clock.now();
  const { grant, entries } = await readFeed(ctx);
  const items: FeedItem[] = entries.map(({ notice, read, acked }) => {
    const { body, ...view } = toNoticeView(notice, now, ctx.caller.openid);
    const flat = body.replace(/\s+/g, ' ').trim();
    return { ...view, excerpt: [...flat].length > EXCERPT ? `${[...flat].slice(0, EXCERPT).join('')}…` : flat, read, acked };
  });
  return ok({
    household: grant ? { _id: grant.placeId, fullName: grant.placeName, communityId: householdCommunity(grant) } : null,
    items,
    unread: items.filter((i) => !i.read).length,
  });
}
