import { canManage, ok, publisherGrants, ROLE_SCOPE_KIND, type ManagedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toNoticeView } from './notice-records';
import type { NoticeTargetDoc } from '../../ports/documents';

/** Which field of a target row holds the place a grant of this kind is scoped to. */
const SCOPE_FIELD = { compound: 'compoundId', community: 'communityId', street: 'streetId', district: 'districtId' } as const;

/** Notices the caller may manage (sent within their scope), newest first, with their counters. */
export async function listMyNotices(ctx: Ctx, input: { limit: number }): Promise<Result<{ notices: ManagedNotice[] }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const rows: NoticeTargetDoc[] = [];
  for (const g of publisherGrants(ctx.caller.grants)) {
    const kind = ROLE_SCOPE_KIND[g.role];
    if (!(kind in SCOPE_FIELD)) continue;
    const field = SCOPE_FIELD[kind as keyof typeof SCOPE_FIELD];
    rows.push(
      ...(await store.find(COLLECTIONS.noticeTargets, {
        where: { [field]: g.placeId },
        orderBy: [['publishAt', 'desc']],
        limit: input.limit * 3,
      })),
    );
  }
  const ids = [...new Set(rows.map((r) => r.noticeId))];
  const notices = (await store.getMany(COLLECTIONS.notices, ids))
    .filter(
      (n) =>
        n.status !== 'preparing' &&
        canManage(
          ctx.caller.grants,
          n.targets.map((t) => ({ _id: t.placeId, kind: t.kind, path: t.path })),
        ),
    )
    .sort((a, b) => (a.publishAt < b.publishAt ? 1 : a.publishAt > b.publishAt ? -1 : 0))
    .slice(0, input.limit);
  return ok({
    notices: notices.map((n) => {
      const { body: _body, ...view } = toNoticeView(n, now, ctx.caller.openid);
      return { ...view, counts: n.stats };
    }),
  });
}
