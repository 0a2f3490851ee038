import { canManage, canTarget, err, noticesContract, publisherGrants } from '@linli/shared';
import { anyone, signedIn, systemOnly, type Access } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { COLLECTIONS } from '../../ports/collections';
import { listSubscriptions } from '../../use-cases/notifications/list-subscriptions';
import { recordSubscriptions } from '../../use-cases/notifications/record-subscriptions';
import { setSubscription } from '../../use-cases/notifications/set-subscription';
import { acknowledgeNotice } from '../../use-cases/notices/acknowledge-notice';
import { countUnread } from '../../use-cases/notices/count-unread';
import { deliverDue } from '../../use-cases/notices/deliver-due';
import { getArchiveNotice } from '../../use-cases/notices/get-archive-notice';
import { getDoorList } from '../../use-cases/notices/get-door-list';
import { getReach } from '../../use-cases/notices/get-reach';
import { getSunshineArchive } from '../../use-cases/notices/get-sunshine-archive';
import { listFeed } from '../../use-cases/notices/list-feed';
import { listMyNotices } from '../../use-cases/notices/list-my-notices';
import { listPublishScopes } from '../../use-cases/notices/list-publish-scopes';
import { loadNotice } from '../../use-cases/notices/notice-records';
import { openNotice } from '../../use-cases/notices/open-notice';
import { publishNotice } from '../../use-cases/notices/publish-notice';
import { remindUnread } from '../../use-cases/notices/remind-unread';
import { withdrawNotice } from '../../use-cases/notices/withdraw-notice';

/** Every target must exist and lie within what one of the caller's grants may address. */
const mayPublishTo: Access<{ targetIds: string[] }> = async (ctx, input) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  const places = await ctx.ports.store.getMany(COLLECTIONS.places, input.targetIds);
  for (const id of input.targetIds) {
    const place = places.find((p) => p._id === id);
    if (!place) return err('PLACE.NOT_FOUND', { placeId: id });
    if (!canTarget(ctx.caller.grants, place)) return err('COMMON.FORBIDDEN', { placeId: id, placeName: place.fullName });
  }
  return true;
};

/** Point leaders and staff: anyone who may publish somewhere. */
const publisher: Access<unknown> = async (ctx) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  return publisherGrants(ctx.caller.grants).length > 0 ? true : err('COMMON.FORBIDDEN');
};

/** Whoever could have sent the notice to every one of its targets may see its reach and act on it. */
const managerOf: Access<{ noticeId: string }> = async (ctx, input) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  const notice = await loadNotice(ctx.ports.store, input.noticeId);
  if (!notice) return err('NOTICE.NOT_FOUND');
  return canManage(
    ctx.caller.grants,
    notice.targets.map((t) => ({ _id: t.placeId, kind: t.kind, path: t.path })),
  )
    ? true
    : err('COMMON.FORBIDDEN');
};

export const noticesFunction = defineFunction(
  noticesContract,
  {
    scopes: { access: publisher, run: listPublishScopes },
    publish: { access: mayPublishTo, run: publishNotice },
    listMine: { access: publisher, run: listMyNotices },
    reach: { access: managerOf, run: getReach },
    remind: { access: managerOf, run: remindUnread },
    doorList: { access: managerOf, run: getDoorList },
    withdraw: { access: managerOf, run: withdrawNotice },
    feed: { access: signedIn, run: listFeed },
    unreadCount: { access: signedIn, run: countUnread },
    open: { access: signedIn, run: openNotice },
    acknowledge: { access: signedIn, run: acknowledgeNotice },
    archive: { access: anyone, run: getSunshineArchive },
    archiveNotice: { access: anyone, run: getArchiveNotice },
    subscriptions: { access: signedIn, run: listSubscriptions },
    recordSubscriptions: { access: signedIn, run: recordSubscriptions },
    setSubscription: { access: signedIn, run: setSubscription },
    deliver: { access: systemOnly, run: (ctx) => deliverDue(ctx) },
  },
  // the sender runs every minute; each run stops well inside the function's timeout
  { timer: { action: 'deliver', cron: '0 * * * * * *', everyMs: 60_000 } },
);
