import {
  actingGrant,
  archiveMonth,
  canPublishCategory,
  emptyReachCounts,
  err,
  ok,
  publisherLabel,
  REMIND_INTERVAL_MS,
  scheduleNotice,
  walkKey,
  type MessageOutlook,
  type NoticeView,
  type Place,
  type PublishInput,
  type ReachCounts,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { sendImageChecks } from '../media-checks/media-checks';
import { findAll } from '../find-all';
import { grantOutlook } from '../notifications/grant-outlook';
import { firstAnswer } from '../idempotency';
import { checkAttachments } from './attachment-links';
import { collectAudience, type Audience } from './collect-audience';
import { heldImagesOf, imageAttachments, publishesAsOffice, recordNoticeImageChecks } from './held-images';
import { deliveryId, householdDocId, targetAncestors, toNoticeView, unitDocId } from './notice-records';
import type {
  DeliveryDoc,
  HeldImage,
  NoticeDoc,
  NoticeHouseholdDoc,
  NoticeTargetDoc,
  NoticeUnitDoc,
  SunshineArchiveDoc,
} from '../../ports/documents';

export type PublishOutput = { notice: NoticeView; counts: ReachCounts; messages: MessageOutlook };

/**
 * Publishes a notice: checks the category, the times and the text, then writes the notice and its
 * outbox in bulk. The sender (deliver-due) sends from the outbox once `publishAt` has come. Answers
 * too how many of the recipients a WeChat message can reach, from their grants, so the publisher
 * is not promised messages nobody can be sent.
 *
 * A retry with the same request key answers the notice already made, or finishes writing one
 * that a crash interrupted: every fan-out row has a deterministic id, so nothing is written twice.
 */
export async function publishNotice(ctx: Ctx, input: PublishInput, targets: Place[]): Promise<Result<PublishOutput>> {
  const { store, clock, contentCheck } = ctx.ports;
  const openid = callerOpenid(ctx);
  const now = clock.now();

  const first = await firstAnswer(store, openid, {
    collection: 'notices',
    id: input.requestKey,
    ownerOf: (n) => n.publisherOpenid,
    // a notice a crash left half-written is finished below, not answered
    pending: (n) => n.status === 'preparing',
    answer: async (n) => {
      const rows = await findAll(store, COLLECTIONS.noticeDeliveries, { noticeId: n._id, round: 0 }, [['_id', 'asc']], 100_000);
      const messages = await grantOutlook(
        store,
        rows.map((r) => r.openid),
        'notice',
      );
      return { notice: toNoticeView(n, now, openid), counts: n.stats, messages };
    },
  });
  if (first) return first;
  const existing = await store.get(COLLECTIONS.notices, input.requestKey);

  // its policy has loaded every target (once each, in the order given) and checked the caller's scope
  if (!canPublishCategory(ctx.caller.grants, input.category, targets))
    return err('NOTICE.CATEGORY_NOT_ALLOWED', { category: input.category });

  const schedule = existing ? ok({ publishAt: existing.publishAt, expiresAt: existing.expiresAt }) : scheduleNotice(input, now);
  if (!schedule.ok) return schedule;

  const attached = existing ? ok(true as const) : await checkAttachments(ctx, openid, input.attachments);
  if (!attached.ok) return attached;

  // the text is checked before anything is stored: a refused notice leaves no trace
  const text = [input.title, input.body, ...input.attachments.map((a) => a.name)].join('\n');
  const verdict = await contentCheck.checkText(text, openid);
  if (!verdict.pass) return err('NOTICE.CONTENT_REJECTED', { label: verdict.label });

  // images from a publisher who is not the office's own staff go to WeChat's image check: held
  // from residents until the verdict, taken out if it is risky (a retry keeps the first ones)
  let heldImages: HeldImage[] = [];
  if (!existing && !publishesAsOffice(ctx.caller.grants, targets)) {
    const images = imageAttachments(input.attachments);
    const checked = await sendImageChecks(
      contentCheck,
      images.map((i) => i.fileId),
      openid,
    );
    if ('rejected' in checked)
      return err('NOTICE.CONTENT_REJECTED', { label: checked.rejected.label, index: images[checked.rejected.index]!.index });
    heldImages = heldImagesOf(checked.pending, openid);
  }

  const grant = actingGrant(ctx.caller.grants, targets);
  if (!grant) return err('COMMON.FORBIDDEN');
  const notice =
    existing ??
    newNoticeDoc({
      _id: input.requestKey,
      input,
      targets,
      publisherOpenid: openid,
      publisherLabel: publisherLabel(grant, ctx.caller.user?.name),
      schedule: schedule.data,
      now,
      heldImages,
    });
  const written = await writeNotice(store, notice, targets);
  if (!written.ok) return written;
  const messages = await grantOutlook(store, written.data.recipients, 'notice');
  return ok({ notice: toNoticeView(written.data.notice, now, openid), counts: written.data.notice.stats, messages });
}

/** A notice not yet written, in status preparing. */
export function newNoticeDoc(args: {
  _id: string;
  input: Pick<PublishInput, 'title' | 'body' | 'category' | 'sunshineType' | 'needsAck' | 'pinned' | 'attachments'>;
  targets: readonly Place[];
  publisherOpenid: string;
  publisherLabel: string;
  schedule: { publishAt: string; expiresAt: string };
  now: Date;
  heldImages?: HeldImage[];
}): NoticeDoc {
  const { input, targets, schedule } = args;
  return {
    _id: args._id,
    title: input.title,
    body: input.body,
    category: input.category,
    sunshineType: input.category === 'sunshine' ? (input.sunshineType ?? null) : null,
    needsAck: input.needsAck,
    pinned: input.pinned,
    attachments: input.attachments,
    ...(args.heldImages?.length ? { heldImages: args.heldImages } : {}),
    targets: targets.map((t) => ({ placeId: t._id, kind: t.kind, name: t.fullName, path: t.path })),
    targetIds: targets.map((t) => t._id),
    communityIds: [],
    publisherOpenid: args.publisherOpenid,
    publisherLabel: args.publisherLabel,
    publishAt: schedule.publishAt,
    expiresAt: schedule.expiresAt,
    createdAt: args.now.toISOString(),
    status: 'preparing',
    stats: emptyReachCounts(),
    reminders: 0,
    lastRemindedAt: null,
    // the first reminder waits as long as any later one: the first messages are still going out
    remindableAt: new Date(Date.parse(schedule.publishAt) + REMIND_INTERVAL_MS).toISOString(),
  };
}

/**
 * Writes a notice and its fan-out and marks it published. Used by publishNotice and by the demo
 * seed. The notice document goes first (status preparing, invisible to residents and to the
 * sender), then the rows in bulk, then the status flips: a crash anywhere leaves something a retry
 * completes. Answers the notice and the openids its outbox rows are for.
 */
export async function writeNotice(
  store: Store,
  draft: NoticeDoc,
  targets: readonly Place[],
): Promise<Result<{ notice: NoticeDoc; recipients: string[] }>> {
  const audience = await collectAudience(store, targets);
  if (audience.households.length === 0) return err('NOTICE.NO_HOUSEHOLDS');
  const communityIds = draft.category === 'sunshine' ? audience.communityIds : [];
  const rows = fanOut({ ...draft, communityIds }, targets, audience);

  // 'duplicate' means the same request arrived twice at once, or a retry: carry on, every write below is idempotent
  await store.insert(COLLECTIONS.notices, { ...draft, communityIds, stats: rows.counts });
  await recordNoticeImageChecks(store, draft, draft.createdAt);
  await store.insertMany(COLLECTIONS.noticeUnits, rows.units);
  await store.insertMany(COLLECTIONS.noticeHouseholds, rows.households);
  await store.insertMany(COLLECTIONS.noticeDeliveries, rows.deliveries);
  await store.insertMany(COLLECTIONS.sunshineArchive, rows.archive);
  for (const communityId of communityIds) {
    const month = archiveMonth(draft.publishAt);
    await store.put(COLLECTIONS.sunshineMonths, { _id: `${communityId}:${month}`, communityId, month });
  }
  // the feed's entry rows last: a notice shows up only once everything it needs exists
  await store.insertMany(COLLECTIONS.noticeTargets, rows.targets);
  await store.update(
    COLLECTIONS.notices,
    draft._id,
    { set: { status: 'published', stats: rows.counts, communityIds } },
    { status: 'preparing' },
  );
  const stored = await store.get(COLLECTIONS.notices, draft._id);
  if (!stored) throw new Error(`notice ${draft._id} vanished while publishing`);
  return ok({ notice: stored, recipients: rows.deliveries.map((d) => d.openid) });
}

/** Every row a notice needs, computed in memory from the audience. */
function fanOut(notice: NoticeDoc, targets: readonly Place[], audience: Audience) {
  const now = notice.createdAt;
  const multiCompound = new Set(audience.households.map((h) => h.compound._id)).size > 1;
  const units = new Map<string, NoticeUnitDoc>();
  const households: NoticeHouseholdDoc[] = [];
  const deliveries: DeliveryDoc[] = [];
  const counts = emptyReachCounts();

  for (const { household, unit, building, compound, residents } of audience.households) {
    const buildingName = multiCompound ? `${compound.name} ${building.name}` : building.name;
    const unitKey = walkKey([compound, building, unit]);
    let u = units.get(unit._id);
    if (!u) {
      u = {
        _id: unitDocId(notice._id, unit._id),
        noticeId: notice._id,
        unitId: unit._id,
        unitName: unit.name,
        buildingId: building._id,
        buildingName,
        sortKey: unitKey,
        ...emptyReachCounts(),
      };
      units.set(unit._id, u);
    }
    u.households += 1;
    u.recipients += residents.length;
    if (residents.length === 0) u.householdsUnregistered += 1;
    households.push({
      _id: householdDocId(notice._id, household._id),
      noticeId: notice._id,
      householdId: household._id,
      householdName: household.name,
      unitId: unit._id,
      unitName: unit.name,
      buildingId: building._id,
      buildingName,
      compoundId: compound._id,
      compoundName: compound.name,
      sortKey: `${walkKey([compound, building, unit, household])}|${household._id}`,
      members: residents.length,
      read: false,
      readAt: null,
      acked: false,
      ackedAt: null,
    });
    for (const r of residents)
      deliveries.push({
        _id: deliveryId(notice._id, r.openid),
        noticeId: notice._id,
        round: 0,
        openid: r.openid,
        householdId: household._id,
        unitId: unit._id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: notice.publishAt,
        createdAt: now,
        read: false,
        readAt: null,
        acked: false,
        ackedAt: null,
        delivered: false,
      });
  }
  for (const u of units.values()) {
    counts.households += u.households;
    counts.recipients += u.recipients;
    counts.householdsUnregistered += u.householdsUnregistered;
  }
  const targetRows: NoticeTargetDoc[] = targets.map((t) => ({
    _id: `${notice._id}:${t._id}`,
    noticeId: notice._id,
    placeId: t._id,
    ...targetAncestors(t),
    publishAt: notice.publishAt,
  }));
  const archive: SunshineArchiveDoc[] =
    notice.category === 'sunshine' && notice.sunshineType
      ? notice.communityIds.map((communityId) => ({
          _id: `${notice._id}:${communityId}`,
          noticeId: notice._id,
          communityId,
          month: archiveMonth(notice.publishAt),
          sunshineType: notice.sunshineType!,
          title: notice.title,
          publisherLabel: notice.publisherLabel,
          publishAt: notice.publishAt,
        }))
      : [];
  return { units: [...units.values()], households, deliveries, targets: targetRows, archive, counts };
}
