import { err, ok, type Grant, type OpenedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { attachmentLinks } from './attachment-links';
import { COLLECTIONS } from '../../ports/collections';
import { bumpCounters, deliveryId, householdDocId, loadNotice, reachesHousehold, residentGrant, toNoticeView } from './notice-records';
import type { DeliveryDoc, NoticeDoc } from '../../ports/documents';

export type Reader = { notice: NoticeDoc; grant: Grant; openid: string };

/**
 * The notice, if it was sent to the caller's household and has been published. Anything else
 * answers NOTICE.NOT_FOUND, so a resident cannot learn what other compounds were told.
 */
export async function loadForResident(ctx: Ctx, noticeId: string): Promise<Result<Reader>> {
  const grant = residentGrant(ctx.caller.grants);
  const openid = ctx.caller.openid;
  if (!grant || !openid) return err('NOTICE.NOT_FOUND');
  const notice = await loadNotice(ctx.ports.store, noticeId);
  const now = ctx.ports.clock.now().toISOString();
  if (!notice || notice.status !== 'published' || notice.publishAt > now || !reachesHousehold(notice, grant))
    return err('NOTICE.NOT_FOUND');
  return ok({ notice, grant, openid });
}

const unitOf = (grant: Grant) => grant.placePath[grant.placePath.length - 1] ?? null;

/**
 * Marks the notice read for the person and their household. Each counter moves only when its
 * conditional update flips read from false to true, so opening twice, or two phones of one
 * household, count once per person and once per household.
 */
export async function markRead(ctx: Ctx, { notice, grant, openid }: Reader): Promise<void> {
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  const unitId = unitOf(grant);
  const id = deliveryId(notice._id, openid);
  if (await store.update(COLLECTIONS.noticeDeliveries, id, { set: { read: true, readAt: now } }, { read: false })) {
    await bumpCounters(store, notice._id, unitId, { read: 1 });
  } else if (!(await store.get(COLLECTIONS.noticeDeliveries, id))) {
    // bound to the household after the notice went out: they join its audience now, unmessaged
    const late: DeliveryDoc = {
      _id: id,
      noticeId: notice._id,
      round: 0,
      openid,
      householdId: grant.placeId,
      unitId: unitId ?? '',
      status: 'late',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      read: true,
      readAt: now,
      acked: false,
      ackedAt: null,
      delivered: false,
    };
    if ((await store.insert(COLLECTIONS.noticeDeliveries, late)) === 'inserted')
      await bumpCounters(store, notice._id, unitId, { recipients: 1, read: 1 });
  }
  if (
    await store.update(
      COLLECTIONS.noticeHouseholds,
      householdDocId(notice._id, grant.placeId),
      { set: { read: true, readAt: now } },
      { read: false },
    )
  )
    await bumpCounters(store, notice._id, unitId, { householdsRead: 1 });
}

export async function markAcked(ctx: Ctx, reader: Reader): Promise<void> {
  const { store, clock } = ctx.ports;
  const { notice, grant, openid } = reader;
  await markRead(ctx, reader);
  const now = clock.now().toISOString();
  const unitId = unitOf(grant);
  if (
    await store.update(
      COLLECTIONS.noticeDeliveries,
      deliveryId(notice._id, openid),
      { set: { acked: true, ackedAt: now } },
      { acked: false },
    )
  )
    await bumpCounters(store, notice._id, unitId, { acked: 1 });
  if (
    await store.update(
      COLLECTIONS.noticeHouseholds,
      householdDocId(notice._id, grant.placeId),
      { set: { acked: true, ackedAt: now } },
      { acked: false },
    )
  )
    await bumpCounters(store, notice._id, unitId, { householdsAcked: 1 });
}

export async function openedView(ctx: Ctx, { notice, openid }: Reader): Promise<OpenedNotice> {
  const receipt = await ctx.ports.store.get(COLLECTIONS.noticeDeliveries, deliveryId(notice._id, openid));
  const view = toNoticeView(notice, ctx.ports.clock.now(), ctx.caller.openid);
  return {
    notice: view,
    links: await attachmentLinks(ctx, view.attachments),
    read: receipt?.read === true,
    acked: receipt?.acked === true,
    readAt: receipt?.readAt ?? null,
    ackedAt: receipt?.ackedAt ?? null,
  };
}
