import type { SortOrder } from './store';
import { CALENDAR_COLLECTIONS, CALENDAR_INDEXES } from './calendar-collections';
import { DELIBERATION_COLLECTIONS, DELIBERATION_INDEXES } from './deliberation-collections';
import { VOLUNTEER_COLLECTIONS, VOLUNTEER_INDEXES } from './volunteer-collections';
import { DEPARTMENT_COLLECTIONS, DEPARTMENT_INDEXES } from './department-collections';
import { POSTER_COLLECTIONS, POSTER_INDEXES } from './poster-collections';
import { WORK_GROUP_COLLECTIONS, WORK_GROUP_INDEXES } from './workgroup-collections';

/** Every collection the functions use. */
export const COLLECTIONS = {
  places: 'places',
  users: 'users',
  bindings: 'bindings',
  invites: 'invites',
  teams: 'teams',
  teamChanges: 'team_changes',
  /** One document per phone that holds a 小区点长 post, so the post is unique across compounds. */
  pointLeaderPosts: 'point_leader_posts',
  services: 'services',
  /** Locally: what each person would have received as a WeChat subscribe message. */
  devInbox: 'dev_inbox',
  /** Booking: one schedule per bookable service (id = service id). */
  bookingSchedules: 'booking_schedules',
  /** Booking: one document per (service, start) holding seats, taken and waiting. */
  bookingSlots: 'booking_slots',
  /** Booking: id from the client's request key, so a retry lands on the same document. */
  bookings: 'bookings',
  /** Booking: id = the short code, so codes are unique by construction. */
  bookingCodes: 'booking_codes',
  /** Booking: one per (service, resident) listing upcoming bookings, for the per-resident limit. */
  bookingGuards: 'booking_guards',
  bookingWaitlist: 'booking_waitlist',
  /** Notices: one per notice, id from the publisher's request key; carries the reach counters. */
  notices: 'notices',
  /** Notices: one per (notice, target place), with the target's ancestors, for feeds and publishers' lists. */
  noticeTargets: 'notice_targets',
  /** Notices: per (notice, unit) reach counters, kept with inc. */
  noticeUnits: 'notice_units',
  /** Notices: per (notice, household) read state; unread ones make the door-knocking list. */
  noticeHouseholds: 'notice_households',
  /** Notices: the outbox, one row per (notice, round, recipient); id `${noticeId}:${openid}` for the first round. */
  noticeDeliveries: 'notice_deliveries',
  /** 阳光三务 archive: one per (notice, community). */
  sunshineArchive: 'sunshine_archive',
  /** 阳光三务 archive: one per (community, month) that has a disclosure. */
  sunshineMonths: 'sunshine_months',
  /** Subscribe-message grants: one per (openid, template), id `${openid}:${template}`. */
  subscriptions: 'subscriptions',
  /**
   * Transactional messages (requests, bookings): the outbox, one row per (message, recipient), id
   * chosen by the caller from what the message is about (e.g. `${eventId}:${openid}`), so queueing twice writes once.
   */
  messages: 'message_outbox',
  /** Requests (诉求): id = the client's submission key, so a retried submit is the same request. */
  requests: 'requests',
  /** Requests: the timeline, one per step; id `${requestId}:${version}` so a retried write cannot add a line twice. */
  requestEvents: 'request_events',
  /** Requests: 附议 and merged reporters, id `${requestId}:${openid}`. */
  requestFollowers: 'request_followers',
  /** Requests: counters per place and Shanghai day, id `${placeId}:${day}`, for the figures. */
  requestStats: 'request_stats',
  /**
   * Requests: a step's counter deltas, id `${requestId}:${version}`, written in the step's own
   * transaction (one write instead of reading and writing four day documents) and added to the day
   * documents after the answer (fold-stats.ts: the requests timer, and every figures read first).
   */
  requestStatRows: 'request_stat_rows',
  /**
   * Image checks awaiting WeChat's verdict (mediaCheckAsync): id = WeChat's trace_id (or
   * `unsent:<requestId>:<fileId>` when the check could not be sent, sent again by the requests
   * timer), pointing at the held photo; also a verdict pushed before its row (`early`), by trace_id.
   */
  mediaChecks: 'media_checks',
  /** Who holds a staff or 三长五员 grant on a place, id = placeId: responders and handlers are found here. */
  placeStaff: 'place_staff',
  /** Roles taken away (撤销), id = the revoker's idempotency key: the record of who lost which role, when and why. */
  roleRevocations: 'role_revocations',
  /** The household ledger: one per resident, id `${householdId}:${name}` (a row always lands on the same document); a binding with the same name and phone is approved at once. */
  ledgerResidents: 'ledger_residents',
  /** A ledger upload's dry run, id = the staff's key: counts, preview, result file, and how far applying got. */
  ledgerImports: 'ledger_imports',
  /** What applying a dry run writes, LEDGER_CHUNK residents per document, id `${importId}:${n}`. */
  ledgerImportChunks: 'ledger_import_chunks',
  ...VOLUNTEER_COLLECTIONS,
  ...CALENDAR_COLLECTIONS,
  ...DEPARTMENT_COLLECTIONS,
  ...WORK_GROUP_COLLECTIONS,
  ...DELIBERATION_COLLECTIONS,
  ...POSTER_COLLECTIONS,
} as const;
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export interface IndexSpec {
  collection: CollectionName;
  name: string;
  fields: [string, SortOrder][];
  unique?: boolean;
}

/**
 * Declared once; applied to SQLite on start and to CloudBase by `npm run indexes:cloudbase`.
 * Every query the use cases run is served by one of these.
 */
export const INDEXES: IndexSpec[] = [
  // the roster of a place: invitations made there and roles taken away there, newest first
  {
    collection: 'invites',
    name: 'invites_place_created',
    fields: [
      ['placeId', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'ledger_residents',
    name: 'ledger_residents_compound',
    fields: [
      ['compoundId', 'asc'],
      ['_id', 'asc'],
    ],
  },
  {
    collection: 'role_revocations',
    name: 'role_revocations_place',
    fields: [
      ['placeId', 'asc'],
      ['revokedAt', 'desc'],
    ],
  },
  {
    collection: 'places',
    name: 'places_parent',
    fields: [
      ['parentId', 'asc'],
      ['sort', 'asc'],
    ],
  },
  {
    collection: 'places',
    name: 'places_kind_name',
    fields: [
      ['kind', 'asc'],
      ['name', 'asc'],
    ],
  },
  {
    collection: 'bindings',
    name: 'bindings_openid',
    fields: [
      ['openid', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'bindings',
    name: 'bindings_community_status',
    fields: [
      ['communityId', 'asc'],
      ['status', 'asc'],
      ['createdAt', 'asc'],
    ],
  },
  {
    collection: 'team_changes',
    name: 'team_changes_compound',
    fields: [
      ['compoundId', 'asc'],
      ['at', 'desc'],
    ],
  },
  {
    collection: 'services',
    name: 'services_community',
    fields: [
      ['communityId', 'asc'],
      ['sort', 'asc'],
    ],
  },
  {
    collection: 'dev_inbox',
    name: 'dev_inbox_to',
    fields: [
      ['toOpenid', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'booking_slots',
    name: 'booking_slots_service_start',
    fields: [
      ['serviceId', 'asc'],
      ['startAt', 'asc'],
    ],
  },
  {
    collection: 'bookings',
    name: 'bookings_service_start',
    fields: [
      ['serviceId', 'asc'],
      ['startAt', 'asc'],
    ],
  },
  {
    collection: 'bookings',
    name: 'bookings_openid_start',
    fields: [
      ['openid', 'asc'],
      ['startAt', 'desc'],
    ],
  },
  {
    collection: 'bookings',
    name: 'bookings_openid_status_start',
    fields: [
      ['openid', 'asc'],
      ['status', 'asc'],
      ['startAt', 'desc'],
    ],
  },
  {
    collection: 'bookings',
    name: 'bookings_status_start',
    fields: [
      ['status', 'asc'],
      ['startAt', 'asc'],
    ],
  },
  {
    collection: 'booking_waitlist',
    name: 'booking_waitlist_slot',
    fields: [
      ['slotId', 'asc'],
      ['status', 'asc'],
      ['seq', 'asc'],
    ],
  },
  {
    collection: 'booking_waitlist',
    name: 'booking_waitlist_openid',
    fields: [
      ['openid', 'asc'],
      ['status', 'asc'],
      ['startAt', 'asc'],
    ],
  },
  {
    collection: 'bindings',
    name: 'bindings_compound_status',
    fields: [
      ['compoundId', 'asc'],
      ['status', 'asc'],
      ['_id', 'asc'],
    ],
  },
  {
    collection: 'notice_targets',
    name: 'notice_targets_place',
    fields: [
      ['placeId', 'asc'],
      ['publishAt', 'desc'],
    ],
  },
  {
    collection: 'notice_targets',
    name: 'notice_targets_compound',
    fields: [
      ['compoundId', 'asc'],
      ['publishAt', 'desc'],
    ],
  },
  {
    collection: 'notice_targets',
    name: 'notice_targets_community',
    fields: [
      ['communityId', 'asc'],
      ['publishAt', 'desc'],
    ],
  },
  {
    collection: 'notice_targets',
    name: 'notice_targets_street',
    fields: [
      ['streetId', 'asc'],
      ['publishAt', 'desc'],
    ],
  },
  {
    collection: 'notice_targets',
    name: 'notice_targets_district',
    fields: [
      ['districtId', 'asc'],
      ['publishAt', 'desc'],
    ],
  },
  {
    collection: 'notice_units',
    name: 'notice_units_notice',
    fields: [
      ['noticeId', 'asc'],
      ['sortKey', 'asc'],
    ],
  },
  {
    collection: 'notice_households',
    name: 'notice_households_unread',
    fields: [
      ['noticeId', 'asc'],
      ['read', 'asc'],
      ['sortKey', 'asc'],
    ],
  },
  {
    collection: 'notice_deliveries',
    name: 'notice_deliveries_due',
    fields: [
      ['status', 'asc'],
      ['nextAttemptAt', 'asc'],
    ],
  },
  {
    collection: 'notice_deliveries',
    name: 'notice_deliveries_lease',
    fields: [
      ['status', 'asc'],
      ['leaseUntil', 'asc'],
    ],
  },
  {
    collection: 'notice_deliveries',
    name: 'notice_deliveries_unread',
    fields: [
      ['noticeId', 'asc'],
      ['round', 'asc'],
      ['read', 'asc'],
      ['_id', 'asc'],
    ],
  },
  // by status (pending rows of a notice) and the reach figures, counted from the rows per notice and unit
  {
    collection: 'notice_deliveries',
    name: 'notice_deliveries_status_unit',
    fields: [
      ['noticeId', 'asc'],
      ['status', 'asc'],
      ['unitId', 'asc'],
    ],
  },
  {
    collection: 'notice_deliveries',
    name: 'notice_deliveries_delivered',
    fields: [
      ['noticeId', 'asc'],
      ['round', 'asc'],
      ['delivered', 'asc'],
      ['unitId', 'asc'],
    ],
  },
  // rows whose figures are still to be counted (tallyDeliveries)
  { collection: 'notice_deliveries', name: 'notice_deliveries_tally', fields: [['tally', 'asc']] },
  {
    collection: 'sunshine_archive',
    name: 'sunshine_archive_month',
    fields: [
      ['communityId', 'asc'],
      ['month', 'asc'],
      ['publishAt', 'desc'],
    ],
  },
  {
    collection: 'sunshine_months',
    name: 'sunshine_months_community',
    fields: [
      ['communityId', 'asc'],
      ['month', 'desc'],
    ],
  },
  // the messages sender: due rows, and rows whose claim outlived its lease
  {
    collection: 'message_outbox',
    name: 'message_outbox_due',
    fields: [
      ['status', 'asc'],
      ['nextAttemptAt', 'asc'],
    ],
  },
  {
    collection: 'message_outbox',
    name: 'message_outbox_lease',
    fields: [
      ['status', 'asc'],
      ['leaseUntil', 'asc'],
    ],
  },
  {
    collection: 'subscriptions',
    name: 'subscriptions_openid',
    fields: [
      ['openid', 'asc'],
      ['template', 'asc'],
    ],
  },
  // requests: the sweep reads one range (dueAt ≤ now), so its cost follows what is due, not the total
  { collection: 'requests', name: 'requests_due', fields: [['dueAt', 'asc']] },
  /** The calendar's follow-up: open deadlines from a changed date on. */
  { collection: 'requests', name: 'requests_deadline', fields: [['deadlineAt', 'asc']] },
  // inbox by deadline and 超时 counts at each level (deadlineAt exists only while staff hold a request)
  {
    collection: 'requests',
    name: 'requests_compound_deadline',
    fields: [
      ['compoundId', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_community_deadline',
    fields: [
      ['communityId', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_street_deadline',
    fields: [
      ['streetId', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_district_deadline',
    fields: [
      ['districtId', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  // a 督办 level's 待办 puts what was escalated to it first (and counts it for the staff's badge)
  {
    collection: 'requests',
    name: 'requests_community_escalated',
    fields: [
      ['communityId', 'asc'],
      ['escalationLevel', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_street_escalated',
    fields: [
      ['streetId', 'asc'],
      ['escalationLevel', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_district_escalated',
    fields: [
      ['districtId', 'asc'],
      ['escalationLevel', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_compound_created',
    fields: [
      ['compoundId', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_community_created',
    fields: [
      ['communityId', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_street_created',
    fields: [
      ['streetId', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_district_created',
    fields: [
      ['districtId', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_similar',
    fields: [
      ['compoundId', 'asc'],
      ['category', 'asc'],
      ['status', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_handler_deadline',
    fields: [
      ['handler.openid', 'asc'],
      ['deadlineAt', 'asc'],
    ],
  },
  {
    collection: 'requests',
    name: 'requests_reporter',
    fields: [
      ['reporter.openid', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'request_events',
    name: 'request_events_request',
    fields: [
      ['requestId', 'asc'],
      ['at', 'asc'],
    ],
  },
  {
    collection: 'request_followers',
    name: 'request_followers_openid',
    fields: [
      ['openid', 'asc'],
      ['at', 'desc'],
    ],
  },
  {
    collection: 'request_followers',
    name: 'request_followers_request',
    fields: [
      ['requestId', 'asc'],
      ['at', 'asc'],
    ],
  },
  // the steps' deltas not yet in the day documents, oldest first (fold-stats.ts)
  { collection: 'request_stat_rows', name: 'request_stat_rows_at', fields: [['at', 'asc']] },
  {
    collection: 'request_stats',
    name: 'request_stats_place_day',
    fields: [
      ['placeId', 'asc'],
      ['day', 'asc'],
    ],
  },
  // media checks are found by trace id; this one lists the unsent ones whose retry has come (the requests timer)
  {
    collection: 'media_checks',
    name: 'media_checks_status',
    fields: [
      ['status', 'asc'],
      ['retryAt', 'asc'],
    ],
  },
  ...VOLUNTEER_INDEXES,
  ...CALENDAR_INDEXES,
  ...DEPARTMENT_INDEXES,
  ...WORK_GROUP_INDEXES,
  ...DELIBERATION_INDEXES,
  ...POSTER_INDEXES,
];
