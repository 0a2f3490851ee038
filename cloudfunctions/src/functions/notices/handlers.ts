import { canManage, canTarget, err, noticesContract, ok, publisherGrants, type Place } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, signedIn, systemOnly, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import type { NoticeDoc } from '../../ports/documents';
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
import { noticeReader } from '../../use-cases/notices/mark-receipt';
import { openNotice } from '../../use-cases/notices/open-notice';
import { publishNotice } from '../../use-cases/notices/publish-notice';
import { remindUnread } from '../../use-cases/notices/remind-unread';
import { withdrawNotice } from '../../use-cases/notices/withdraw-notice';

/** Every target must exist and lie within what one of the caller's grants may address. */
const mayPublishTo: Policy<{ targetIds: string[] }, Place[]> = {
  load: async (ctx, input) => {
    const ids = [...new Set(input.targetIds)];
    const found = await ctx.ports.store.getMany(COLLECTIONS.places, ids);
    const targets: Place[] = [];
    for (const id of ids) {
      const place = found.find((p) => p._id === id);
      if (!place) return err('PLACE.NOT_FOUND', { placeId: id });
      targets.push(place);
    }
    return ok(targets);
  },
  allow: (caller, targets) => {
    const outside = targets.find((t) => !canTarget(caller.grants, t));
    return outside ? { code: 'COMMON.FORBIDDEN', details: { placeId: outside._id, placeName: outside.fullName } } : true;
  },
};

/** Point leaders and staff: anyone who may publish somewhere. */
const publisher: Policy<unknown, undefined> = { allow: (caller) => publisherGrants(caller.grants).length > 0 };

/** Whoever could have sent the notice to every one of its targets may see its reach and act on it. */
const managerOf: Policy<{ noticeId: string }, NoticeDoc> = {
  load: async (ctx, input) => {
    const notice = await loadNotice(ctx.ports.store, input.noticeId);
    return notice ? ok(notice) : err('NOTICE.NOT_FOUND');
  },
  allow: (caller, notice) =>
    canManage(
      caller.grants,
      notice.targets.map((t) => ({ _id: t.placeId, kind: t.kind, path: t.path })),
    ),
};

export const noticesFunction = defineFunction(
  noticesContract,
  {
    scopes: act(publisher, listPublishScopes),
    publish: act(mayPublishTo, publishNotice),
    listMine: act(publisher, listMyNotices),
    reach: act(managerOf, getReach),
    remind: act(managerOf, remindUnread),
    doorList: act(managerOf, getDoorList),
    withdraw: act(managerOf, withdrawNotice),
    // a reader's household and grant decide what they see: the use cases read them
    feed: act(signedIn, listFeed),
    unreadCount: act(signedIn, countUnread),
    open: act(noticeReader, openNotice),
    acknowledge: act(noticeReader, acknowledgeNotice),
    archive: act(anyone, getSunshineArchive),
    archiveNotice: act(anyone, getArchiveNotice),
    subscriptions: act(signedIn, listSubscriptions),
    recordSubscriptions: act(signedIn, recordSubscriptions),
    setSubscription: act(signedIn, setSubscription),
    deliver: act(systemOnly, (ctx) => deliverDue(ctx)),
  },
  // the sender runs every minute; each run stops well inside the function's timeout
  { timer: { action: 'deliver', cron: '0 * * * * * *', everyMs: 60_000 } },
);
