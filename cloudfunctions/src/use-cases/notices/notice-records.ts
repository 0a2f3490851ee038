import {
  ancestorOfKind,
  MESSAGE_PAGES,
  noticeState,
  type Attachment,
  type AttachmentView,
  type DeliveryStatus,
  type HeldPhoto,
  type Grant,
  type NoticeCategory,
  type NoticeStatus,
  type NoticeTarget,
  type NoticeView,
  type PlaceKind,
  type ReachCounts,
  type RemovedPhoto,
  type SunshineType,
} from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';

export type HeldImage = HeldPhoto & { traceId: string | null };

/** A target as stored: its path is kept so that scope checks on the notice need no reads. */
export type StoredTarget = NoticeTarget & { path: string[] };

export type NoticeDoc = {
  _id: string;
  title: string;
  body: string;
  category: NoticeCategory;
  sunshineType: SunshineType | null;
  needsAck: boolean;
  pinned: boolean;
  /** What residents may be shown once checked: a held image is listed here and in heldImages. */
  attachments: Attachment[];
  /**
   * Images waiting for WeChat's image check (a publisher who is not the office's own staff):
   * shown only to their publisher until they pass. The trace id lets a retried publish write the
   * same check rows; it never leaves the server.
   */
  heldImages?: HeldImage[];
  /** Images taken out by a risky verdict, or `unchecked` when their check could never be sent. */
  removedImages?: RemovedPhoto[];
  targets: StoredTarget[];
  targetIds: string[];
  /** Communities whose 阳光三务 archive holds it. */
  communityIds: string[];
  publisherOpenid: string;
  publisherLabel: string;
  publishAt: string;
  expiresAt: string;
  createdAt: string;
  status: NoticeStatus;
  withdrawnAt?: string;
  stats: ReachCounts;
  reminders: number;
  lastRemindedAt: string | null;
  /** The earliest time "remind the unread" may run again (conditional update target). */
  remindableAt: string;
};

/** One per (notice, target place), with the target's ancestors for the publishers' lists. */
export type NoticeTargetDoc = {
  _id: string;
  noticeId: string;
  placeId: string;
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  compoundId: string | null;
  publishAt: string;
};

export type NoticeUnitDoc = ReachCounts & {
  _id: string;
  noticeId: string;
  unitId: string;
  unitName: string;
  buildingId: string;
  buildingName: string;
  sortKey: string;
};

export type NoticeHouseholdDoc = {
  _id: string;
  noticeId: string;
  householdId: string;
  householdName: string;
  unitId: string;
  unitName: string;
  buildingId: string;
  buildingName: string;
  compoundId: string;
  compoundName: string;
  sortKey: string;
  members: number;
  read: boolean;
  readAt: string | null;
  acked: boolean;
  ackedAt: string | null;
};

/** An outbox row. Round 0 is the first send and also carries the person's read state; rounds 1… are reminders. */
export type DeliveryDoc = {
  _id: string;
  noticeId: string;
  round: number;
  openid: string;
  householdId: string;
  unitId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  claim?: string;
  leaseUntil?: string;
  outcomeAt?: string;
  reason?: string;
  // round 0 only
  read?: boolean;
  readAt?: string | null;
  acked?: boolean;
  ackedAt?: string | null;
  /** A message reached this person, in the first round or a reminder: counted once. */
  delivered?: boolean;
  /**
   * Set in the same write as `delivered` or a first-round `noGrant`: the notice's and the unit's
   * figures may not include this row yet. Cleared once they have been counted again (tallyDeliveries).
   */
  tally?: boolean;
};

export type SunshineArchiveDoc = {
  _id: string;
  noticeId: string;
  communityId: string;
  month: string;
  sunshineType: SunshineType;
  title: string;
  publisherLabel: string;
  publishAt: string;
};

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

export const loadNotice = (store: Store, noticeId: string) => store.get<NoticeDoc>(COLLECTIONS.notices, noticeId);

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
const raise = (store: Store, collection: string, id: string, field: string, n: number) =>
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
    const flagged = await store.find<DeliveryDoc>(COLLECTIONS.noticeDeliveries, {
      where: { tally: true },
      orderBy: [['tally', 'asc']],
      limit: TALLY_PAGE,
    });
    if (flagged.length === 0) return;
    const units = new Map<string, { noticeId: string; unitId: string }>();
    for (const r of flagged) if (r.unitId) units.set(unitDocId(r.noticeId, r.unitId), { noticeId: r.noticeId, unitId: r.unitId });
    const figures = async (collection: string, id: string, where: { noticeId: string; unitId?: string }, prefix: string) => {
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
