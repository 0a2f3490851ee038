import { archiveMonth, noticeState, ok, type Result, type SunshineType } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { loadCommunity } from '../load-community';

type ArchiveItem = {
  noticeId: string;
  title: string;
  sunshineType: SunshineType;
  publishAt: string;
  publisherLabel: string;
  state: ReturnType<typeof noticeState>;
};

/**
 * A community's public 阳光三务 archive (党务、村务、财务公开), one month at a time. Disclosures stay
 * here after they leave the feed: the archive is the public record. Withdrawn ones are removed.
 */
export async function getSunshineArchive(
  ctx: Ctx,
  input: { communityId: string; month?: string | undefined; type?: SunshineType | undefined },
): Promise<Result<{ community: { _id: string; name: string }; months: string[]; month: string | null; items: ArchiveItem[] }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const found = await loadCommunity(ctx, input.communityId);
  if (!found.ok) return found;
  const community = found.data;
  const thisMonth = archiveMonth(now);
  const months = (
    await store.find(COLLECTIONS.sunshineMonths, {
      where: { communityId: community._id },
      orderBy: [
        ['communityId', 'asc'],
        ['month', 'desc'],
      ],
      limit: 240,
    })
  )
    .map((m) => m.month)
    // a month that only holds disclosures scheduled for later is not shown yet
    .filter((m) => m <= thisMonth);
  const month = input.month ?? months[0] ?? null;
  if (!month) return ok({ community: { _id: community._id, name: community.name }, months, month, items: [] });
  const rows = await store.find(COLLECTIONS.sunshineArchive, {
    where: { communityId: community._id, month },
    orderBy: [
      ['communityId', 'asc'],
      ['month', 'asc'],
      ['publishAt', 'desc'],
    ],
    limit: 1000,
  });
  const visible = rows.filter((r) => r.publishAt <= now.toISOString() && (!input.type || r.sunshineType === input.type));
  const notices = new Map(
    (
      await store.getMany(
        COLLECTIONS.notices,
        visible.map((r) => r.noticeId),
      )
    ).map((n) => [n._id, n]),
  );
  const items = visible.flatMap((r) => {
    const n = notices.get(r.noticeId);
    if (!n || n.status !== 'published') return [];
    return [
      {
        noticeId: r.noticeId,
        title: r.title,
        sunshineType: r.sunshineType,
        publishAt: r.publishAt,
        publisherLabel: r.publisherLabel,
        state: noticeState(n, now),
      },
    ];
  });
  return ok({ community: { _id: community._id, name: community.name }, months, month, items });
}
