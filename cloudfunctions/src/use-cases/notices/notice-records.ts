import {
  ancestorOfKind,
  MESSAGE_PAGES,
  noticeState,
  type AttachmentView,
  type DeliveryStatus,
  type Grant,
  type NoticeView,
  type PlaceKind,
  type ReachCounts,
} from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import type { NoticeDoc } from '../../ports/documents';

export const deliveryId = (noticeId: string, openid: string, round = 0) =>
  round === 0 ? `${noticeId}:${openid}` : `${noticeId}:r${round}:${openid}`;
export const unitDocId = (noticeId: string, unitId: string) => `${noticeId}:${unitId}`;
export const householdDocId = (noticeId: string, householdId: string) => `${noticeId}:${householdId}`;

/** The app page a subscribe message opens. */
export const noticePage = MESSAGE_PAGES.notice;

/** The attachments `viewer` may see: held images only by their publisher, marked pending. */
export function visibleAttachments(doc: Pick<NoticeDoc, 'attachments' | 'heldImages'>, viewer: string | null): AttachmentView[] {
  const held = new Map((doc.heldImages ?? []).map((h) => [h.fileId, h.openid]));
  return doc.attachments.flatMap((a): AttachmentView[] => {
    const owner = held.get(a.fileId);
    if (owner === undefined) return [a];
    return owner === viewer ? [{ ...a, pending: true }] : [];
  });
}

/** A notice as `viewer` (the caller's openid, null for the public) may see it. */
export function toNoticeView(doc: NoticeDoc, now: Date, viewer: string | null = null): NoticeView {
  const removed = viewer !== null && viewer === doc.publisherOpenid ? (doc.removedImages?.length ?? 0) : 0;
  return {
    _id: doc._id,
    title: doc.title,
    body: doc.body,
    category: doc.category,
    sunshineType: doc.sunshineType,
    needsAck: doc.needsAck,
    pinned: doc.pinned,
    attachments: visibleAttachments(doc, viewer),
    ...(removed ? { imagesRemoved: removed } : {}),
    targets: doc.targets.map(({ placeId, kind, name }) => ({ placeId, kind, name })),
    publisherLabel: doc.publisherLabel,
    publishAt: doc.publishAt,
    expiresAt: doc.expiresAt,
    createdAt: doc.createdAt,
    state: noticeState(doc, now),
  };
}

export const loadNotice = (store: Store, noticeId: string) => store.get(COLLECTIONS.notices, noticeId);

/** The ancestors of a target by kind, read from its path (a target of that kind is its own). */
export function targetAncestors(place: { _id: string; kind: PlaceKind; path: string[] }) {
  const of = (kind: PlaceKind) => ancestorOfKind(place, kind) ?? null;
  return { districtId: of('district'), streetId: of('street'), communityId: of('community'), compoundId: of('compound') };
}

/** The resident grant (one household per person) of a caller, if any. */
export const residentGrant = (grants: readonly Grant[]) => grants.find((g) => g.role === 'resident');

/** True when the notice was sent to a place that contains the household. */
export function reachesHousehold(notice: Pick<NoticeDoc, 'targetIds'>, household: Pick<Grant, 'placeId' | 'placePath'>): boolean {
  return notice.targetIds.some((t) => t === household.placeId || household.placePath.includes(t));
}

type CounterKey = keyof ReachCounts;

/** Flagged rows read per tally page. */
const TALLY_PAGE = 1000;

/** Raises a figure to `n` unless it already shows that many (runs that overlap never lower one). */
const raise = (store: Store, collection: 'notices' | 'notice_units', id: string, field: string, n: number) =>
  store.update(collection, id, { set: { [field]: n } }, { [field]: { lt: n } });

/**
 * Brings the "delivered" and "no grant" figures of notices and their units up to what the outbox
 * rows say. A row says so in the same write as its state (and flags itself `tally`); the figures
 * are counted again from the rows, never added to, so a run that dies between the row and the
 * figures leaves a flag the next run settles, and counting twice cannot count anyone twice.
 * The figures only grow, and each is raised to the largest count seen, so overlapping runs agree.
 */
export async function tallyDeliveries(store: Store): Promise<void> {
  for (;;) {
    const flagged = await store.find(COLLECTIONS.noticeDeliveries, {
      where: { tally: true },
      orderBy: [['tally', 'asc']],
      limit: TALLY_PAGE,
    });
    if (flagged.length === 0) return;
    const units = new Map<string, { noticeId: string; unitId: string }>();
    for (const r of flagged) if (r.unitId) units.set(unitDocId(r.noticeId, r.unitId), { noticeId: r.noticeId, unitId: r.unitId });
    const figures = async (
      collection: 'notices' | 'notice_units',
      id: string,
      where: { noticeId: string; unitId?: string },
      prefix: string,
    ) => {
      const [delivered, noGrant] = await Promise.all([
        store.count(COLLECTIONS.noticeDeliveries, { ...where, round: 0, delivered: true }),
        store.count(COLLECTIONS.noticeDeliveries, { ...where, round: 0, status: 'noGrant' satisfies DeliveryStatus }),
      ]);
      await Promise.all([
        raise(store, collection, id, `${prefix}delivered`, delivered),
        raise(store, collection, id, `${prefix}noGrant`, noGrant),
      ]);
    };
    for (const noticeId of new Set(flagged.map((r) => r.noticeId))) await figures(COLLECTIONS.notices, noticeId, { noticeId }, 'stats.');
    for (const [id, where] of units) await figures(COLLECTIONS.noticeUnits, id, where, '');
    // only rows read before the counts were taken: a row flagged since is counted by whoever flagged it
    await Promise.all(flagged.map((r) => store.update(COLLECTIONS.noticeDeliveries, r._id, { unset: ['tally'] }, { tally: true })));
    if (flagged.length < TALLY_PAGE) return;
  }
}

/**
 * Adds to the notice's and the unit's counters together. Callers only bump after a conditional
 * update succeeded (read: false → true), so each person and household counts once.
 */
export async function bumpCounters(
  store: Store,
  noticeId: string,
  unitId: string | null,
  by: Partial<Record<CounterKey, number>>,
): Promise<void> {
  const entries = Object.entries(by).filter(([, n]) => n !== 0) as [CounterKey, number][];
  if (entries.length === 0) return;
  await Promise.all([
    store.update(COLLECTIONS.notices, noticeId, { inc: Object.fromEntries(entries.map(([k, n]) => [`stats.${k}`, n])) }),
    unitId
      ? store.update(COLLECTIONS.noticeUnits, unitDocId(noticeId, unitId), { inc: Object.fromEntries(entries) })
      : Promise.resolve(false),
  ]);
}
