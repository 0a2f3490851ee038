import { err, ok, type Grant, type OpenedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { Policy } from '../../platform/policy';
import { attachmentLinks } from './attachment-links';
import { COLLECTIONS } from '../../ports/collections';
import { bumpCounters, deliveryId, householdDocId, loadNotice, reachesHousehold, residentGrant, toNoticeView } from './notice-records';
import type { DeliveryDoc, NoticeDoc } from '../../ports/documents';

/** A published notice and the caller's own receipt of it (null when they joined its audience late). */
export type ReaderLoad = { notice: NoticeDoc; receipt: DeliveryDoc | null };
export type Reader = ReaderLoad & { grant: Grant; openid: string };

const NOT_FOUND = { code: 'NOTICE.NOT_FOUND' } as const;

/**
 * Opening or acknowledging a notice: it was sent to the caller's household and has been published.
 * Anything else answers NOTICE.NOT_FOUND, so a resident cannot learn what other compounds were told.
 * The notice and the caller's receipt are read beside the caller's own document (one round trip).
 */
export const noticeReader: Policy<{ noticeId: string }, ReaderLoad> = {
  load: async (ctx, input) => {
    const { store, clock } = ctx.ports;
    const openid = ctx.caller.openid;
    const [notice, receipt] = await Promise.all([
      loadNotice(store, input.noticeId),
      openid ? store.get(COLLECTIONS.noticeDeliveries, deliveryId(input.noticeId, openid)) : Promise.resolve(null),
    ]);
    if (!notice || notice.status !== 'published' || notice.publishAt > clock.now().toISOString()) return err('NOTICE.NOT_FOUND');
    return ok({ notice, receipt });
  },
  allow: (caller, { notice }) => {
    const grant = residentGrant(caller.grants);
    return grant && caller.openid && reachesHousehold(notice, grant) ? true : NOT_FOUND;
  },
};

/** The reader of what `noticeReader` loaded (its rule checked the grant). */
export function readerOf(ctx: Ctx, loaded: ReaderLoad): Result<Reader> {
  const grant = residentGrant(ctx.caller.grants);
  const openid = ctx.caller.openid;
  if (!grant || !openid) return err('NOTICE.NOT_FOUND');
  return ok({ ...loaded, grant, openid });
}

const unitOf = (grant: Grant) => grant.placePath[grant.placePath.length - 1] ?? null;

type ReceiptState = Pick<OpenedNotice, 'read' | 'acked' | 'readAt' | 'ackedAt'>;

/**
 * Marks the notice read (and, with `ack`, acknowledged) for the person and their household. Each
 * counter moves only when its conditional update flips a flag from false to true, so opening twice,
 * or two phones of one household, count once per person and once per household. The updates touch
 * different flags or documents, so they go out together, and the counters they moved in one bump
 * (the notice's and the unit's documents, side by side): three round trips with the loads.
 */
export async function markReceipt(ctx: Ctx, { notice, grant, openid, receipt }: Reader, ack: boolean): Promise<ReceiptState> {
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  const unitId = unitOf(grant);
  const id = deliveryId(notice._id, openid);
  const household = householdDocId(notice._id, grant.placeId);
  const state: ReceiptState = {
    read: receipt?.read === true,
    readAt: receipt?.readAt ?? null,
    acked: receipt?.acked === true,
    ackedAt: receipt?.ackedAt ?? null,
  };
  let recipients = 0;
  let read = 0;
  let acked = 0;
  let present = receipt !== null;
  if (!receipt) {
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
      acked: ack,
      ackedAt: ack ? now : null,
      delivered: false,
    };
    if ((await store.insert(COLLECTIONS.noticeDeliveries, late)) === 'inserted') {
      recipients = 1;
      read = 1;
      acked = ack ? 1 : 0;
      Object.assign(state, { read: true, readAt: now, acked: ack, ackedAt: late.ackedAt });
    } else present = true; // another call of theirs wrote it just now: flip its flags below
  }
  const flip = (collection: 'notice_deliveries' | 'notice_households', docId: string, flag: 'read' | 'acked') =>
    store.update(collection, docId, { set: { [flag]: true, [`${flag}At`]: now } }, { [flag]: false });
  const no = Promise.resolve(false);
  const [readNow, ackNow, householdRead, householdAcked] = await Promise.all([
    present && !state.read ? flip(COLLECTIONS.noticeDeliveries, id, 'read') : no,
    present && ack && !state.acked ? flip(COLLECTIONS.noticeDeliveries, id, 'acked') : no,
    flip(COLLECTIONS.noticeHouseholds, household, 'read'),
    ack ? flip(COLLECTIONS.noticeHouseholds, household, 'acked') : no,
  ]);
  if (readNow) Object.assign(state, { read: true, readAt: now });
  if (ackNow) Object.assign(state, { acked: true, ackedAt: now });
  // a flag another of their calls flipped meanwhile: it is set, at the time that call wrote
  const raced = (present && !state.read) || (ack && present && !state.acked);
  const [, latest] = await Promise.all([
    bumpCounters(store, notice._id, unitId, {
      recipients,
      read: read + (readNow ? 1 : 0),
      acked: acked + (ackNow ? 1 : 0),
      householdsRead: householdRead ? 1 : 0,
      householdsAcked: householdAcked ? 1 : 0,
    }),
    raced ? store.get(COLLECTIONS.noticeDeliveries, id) : Promise.resolve(null),
  ]);
  if (latest)
    Object.assign(state, {
      read: latest.read === true,
      readAt: latest.readAt ?? null,
      acked: latest.acked === true,
      ackedAt: latest.ackedAt ?? null,
    });
  return state;
}

export async function openedView(ctx: Ctx, { notice }: Reader, receipt: ReceiptState): Promise<OpenedNotice> {
  const view = toNoticeView(notice, ctx.ports.clock.now(), ctx.caller.openid);
  return { notice: view, links: await attachmentLinks(ctx, view.attachments), ...receipt };
}
