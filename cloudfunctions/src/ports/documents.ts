import type { DepartmentDocuments } from './department-collections';
import type { WorkGroupDocuments } from './workgroup-collections';
import type {
  Attachment,
  Binding,
  Booking,
  DeliveryStatus,
  HeldPhoto,
  Invite,
  LedgerDryRun,
  LedgerResident,
  MediaCheckKind,
  NoticeCategory,
  NoticeStatus,
  NoticeTarget,
  Place,
  ReachCounts,
  RemovedPhoto,
  RequestDoc,
  RequestEvent,
  Revocation,
  Role,
  Schedule,
  Service,
  Slot,
  StatCounts,
  SubscribeTemplateKey,
  SunshineType,
  Team,
  TeamChange,
  User,
  WaitlistEntry,
} from '@linli/shared';
import type { NotifyMessage } from './notifier';
import type { CalendarDocuments } from './calendar-collections';
import type { PosterDocuments } from './poster-collections';
import type { DeliberationDocuments } from './deliberation-collections';
import type { VolunteerDocuments } from './volunteer-collections';

/**
 * The documents the functions store, one type per collection: the store port is typed by this map
 * (`store.get('requests', id)` answers a RequestDoc), so no call site names a type of its own and a
 * write of the wrong shape does not compile. Shapes shared with the app live in shared/; the rest,
 * which never leave the functions, are declared here.
 */

/** What every outbox row carries for the sender that drains it (use-cases/notifications/outbox-sender.ts). */
export type OutboxFields<S extends string> = {
  status: S;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  /** The run that holds the row while it sends, and until when. */
  claim?: string;
  leaseUntil?: string;
  outcomeAt?: string;
  reason?: string;
};

// ───────────────────────────── notices ─────────────────────────────

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
export type DeliveryDoc = OutboxFields<DeliveryStatus> & {
  _id: string;
  noticeId: string;
  round: number;
  openid: string;
  householdId: string;
  unitId: string;
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

/** One per (community, month) that has a 阳光三务 disclosure: the archive's month list. */
export type SunshineMonthDoc = { _id: string; communityId: string; month: string };

// ───────────────────────────── image checks ─────────────────────────────

/**
 * One image check and the held image it decides, found by the push's trace_id. The image belongs
 * to a request (kinds request / progress / result: `requestId`) or to a notice's attachments
 * (kind notice: `noticeId`). WeChat pushes every verdict to one function (requests), which settles
 * either.
 * - pending: sent (id = WeChat's trace id), waiting for the push;
 * - unsent: the call failed (id `unsent:<requestId>:<fileId>`): the requests timer sends it again
 *   when `retryAt` comes; `attempts` counts the calls made so far;
 * - resent: an unsent check that was sent again; `traceId` names the row that carries it on;
 * - failed: WeChat's push said its detection failed (errcode ≠ 0, e.g. -1008 the image could not
 *   be downloaded): an unsent row carries it on, sent again like a call that failed;
 * - shown / removed / review: WeChat's verdict, applied;
 * - unchecked: given up after MAX_CHECK_ATTEMPTS failed calls: the photo is taken out of the
 *   request (never shown unchecked) and its uploader is told it could not be checked.
 */
export interface MediaCheckDoc {
  _id: string;
  /** The request the photo belongs to; for a notice's image, the notice id (`noticeId`) instead. */
  requestId?: string;
  noticeId?: string;
  fileId: string;
  kind: MediaCheckKind;
  /** Who attached the photo: the only person who sees it while it is held. */
  openid: string;
  status: 'pending' | 'unsent' | 'resent' | 'failed' | 'shown' | 'removed' | 'review' | 'unchecked';
  attempts?: number;
  /** unsent only: when the timer sends it again (served by the media_checks_status index). */
  retryAt?: string;
  traceId?: string;
  label?: string;
  createdAt: string;
  decidedAt?: string;
  [key: string]: unknown;
}

/**
 * A push that arrived before the row of its check was written (the check is called before the
 * transaction that writes the row commits): kept under the trace id, applied by whichever writer
 * then records that trace id, in its transaction. One that never finds its check (another app's
 * trace id) stays as it is, decides nothing, and is never read by a query.
 */
export interface EarlyVerdictDoc {
  _id: string;
  status: 'early';
  suggest: string;
  /** The push reported a failed detection: WeChat's errcode (≠ 0); the check is sent again, not decided. */
  errcode?: number;
  label?: string;
  createdAt: string;
  [key: string]: unknown;
}

export type MediaCheckRow = MediaCheckDoc | EarlyVerdictDoc;

// ───────────────────────────── messages ─────────────────────────────

/** `cancelled`: taken back by its feature before it went out (e.g. the booking was cancelled). */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'noGrant' | 'failed' | 'unknown' | 'cancelled';

export type MessageDoc = OutboxFields<MessageStatus> & {
  _id: string;
  toOpenid: string;
  template: SubscribeTemplateKey;
  page: string;
  data: Record<string, string>;
};

export type SubscriptionDoc = {
  _id: string;
  openid: string;
  template: SubscribeTemplateKey;
  remaining: number;
  off: boolean;
  updatedAt: string;
};

/** Locally: what a person would have received as a WeChat subscribe message (the dev host shows it). */
export type DevInboxDoc = NotifyMessage & { _id: string; createdAt: string };

// ───────────────────────────── places, teams, requests ─────────────────────────────

/**
 * Who holds a staff or 三长五员 grant on a place, one document per place. Grants live inside each
 * user's document, which no index can reach by place; this roster answers "who are the responders
 * of this compound, the staff of this community" with one read by id. It is written in the same
 * transaction that grants a role, and read through `currentStaff`, which drops anyone whose grant
 * is gone, so a stale entry can never route a request to the wrong person.
 */
export interface PlaceStaffMember {
  openid: string;
  name: string;
  role: Role;
}
export interface PlaceStaff {
  _id: string;
  members: PlaceStaffMember[];
  [key: string]: unknown;
}

/** One per phone that holds a 小区点长 post (id = the phone), so the post is unique across compounds. */
export type PointLeaderPostDoc = { _id: string; compoundId: string; compoundName: string; memberId: string };

/** 附议 and merged reporters of a request, id `${requestId}:${openid}`. */
export type RequestFollowerDoc = { _id: string; requestId: string; openid: string; at: string; via: 'second' | 'merge' };

/** Counters of one place and Shanghai day, id `${placeId}:${day}`. */
/** Beside the StatCounts, `from_<source>` and `cat_<category>` counts of the day's reports (figures.rules.ts breakdownOf). */
export type RequestStatDoc = Partial<StatCounts> & { _id: string; placeId: string; day: string } & {
  [breakdown: `${'from' | 'cat'}_${string}`]: number;
};
/** One step's counter deltas (by Shanghai day) for each of its places, until they are folded into the day documents. */
export type RequestStatRow = {
  _id: string;
  requestId: string;
  /** The compound, community, street and district the request belongs to. */
  placeIds: string[];
  deltas: { day: string; inc: Partial<StatCounts> & Record<string, number> }[];
  at: string;
};

// ───────────────────────────── booking ─────────────────────────────

/** A booking's short code, id = the code, so codes are unique by construction. */
export type BookingCodeDoc = { _id: string; bookingId: string; communityId: string };

/** `changeUntil` is the booking's cutoff (entries written before it existed lack it). */
export type GuardEntry = { bookingId: string; slotId: string; startAt: string; changeUntil?: string };
/** A resident's upcoming bookings of one service: the per-resident limit is checked against it in the same transaction. */
export type Guard = { _id: string; serviceId: string; openid: string; active: GuardEntry[] };

// ───────────────────────────── household ledger ─────────────────────────────

/** A ledger upload's dry run and how far applying it got (chunks below `nextChunk` are written). */
export type LedgerImportDoc = Omit<LedgerDryRun, 'resultUrl' | 'importId'> & {
  _id: string;
  compoundId: string;
  /** The compound and its ancestors, so the policy checks scope without a read. */
  path: string[];
  fileId: string;
  createdBy: string;
  createdAt: string;
  chunkCount: number;
  nextChunk: number;
  written: number;
  appliedAt?: string;
};
export type LedgerImportChunkDoc = {
  _id: string;
  importId: string;
  n: number;
  residents: Omit<LedgerResident, 'updatedAt' | 'updatedBy'>[];
};

/** Every collection (by its stored name) and the document it holds. */
export type Documents = {
  places: Place;
  users: User;
  bindings: Binding;
  invites: Invite;
  teams: Team;
  team_changes: TeamChange;
  point_leader_posts: PointLeaderPostDoc;
  services: Service;
  dev_inbox: DevInboxDoc;
  booking_schedules: Schedule;
  booking_slots: Slot;
  bookings: Booking;
  booking_codes: BookingCodeDoc;
  booking_guards: Guard;
  booking_waitlist: WaitlistEntry;
  notices: NoticeDoc;
  notice_targets: NoticeTargetDoc;
  notice_units: NoticeUnitDoc;
  notice_households: NoticeHouseholdDoc;
  notice_deliveries: DeliveryDoc;
  sunshine_archive: SunshineArchiveDoc;
  sunshine_months: SunshineMonthDoc;
  subscriptions: SubscriptionDoc;
  message_outbox: MessageDoc;
  requests: RequestDoc;
  request_events: RequestEvent;
  request_followers: RequestFollowerDoc;
  request_stats: RequestStatDoc;
  request_stat_rows: RequestStatRow;
  media_checks: MediaCheckRow;
  place_staff: PlaceStaff;
  role_revocations: Revocation;
  ledger_residents: LedgerResident;
  ledger_imports: LedgerImportDoc;
  ledger_import_chunks: LedgerImportChunkDoc;
  /** The local host only: whether the demo street was seeded. */
  meta: { _id: string; at: string };
} & VolunteerDocuments &
  CalendarDocuments &
  PosterDocuments &
  DepartmentDocuments &
  WorkGroupDocuments &
  DeliberationDocuments;
