import type { CalendarChange, HolidayRun, LocalClosureView, RuleSettings } from '@linli/shared';

/** A year's official schedule as entered from the State Council's notice (id `y-2027`). */
export type CalendarYearDoc = {
  _id: string;
  year: number;
  noticeTitle: string;
  noticeDate: string;
  holidays: HolidayRun[];
  workdays: string[];
  enteredBy: { openid: string; name: string };
  enteredAt: string;
  /** Bumped on every change, so two admins editing at once do not overwrite each other. */
  version: number;
};

/** A local closure (id `${placeId}:${date}`). */
export type CalendarClosureDoc = LocalClosureView & { _id: string; placePath: string[] };

export type CalendarChangeDoc = CalendarChange & {
  /** The change's place path (a closure's area; empty for the national schedule). */
  placePath: string[];
  /** Who made it with which key: a retry of the same form lands here and answers the first result. */
  idempotencyKey: string;
  /** Paging cursor of the follow-up: the last request and booking it handled. */
  cursor: { requests: string | null; bookings: string | null; done: boolean };
};

/** A version of a district's rules (id `rs-${districtId}-${effectiveFrom}`): in force from its date for requests filed then. */
export type RuleSettingsDoc = {
  _id: string;
  districtId: string;
  effectiveFrom: string;
  settings: RuleSettings;
  savedBy: { openid: string; name: string };
  savedAt: string;
};

/**
 * The working-day calendar the admins keep: collections of the `calendar` function, spread into
 * COLLECTIONS, INDEXES and Documents (collections.ts, documents.ts).
 */
export const CALENDAR_COLLECTIONS = {
  calendarYears: 'calendar_years',
  calendarClosures: 'calendar_closures',
  /** The change log (who, when, what) and each change's follow-up state; id from the admin's key. */
  calendarChanges: 'calendar_changes',
  /** The rules a district sets (deadline tiers, 三事分流 defaults, per-community numbers), by the date they take effect. */
  ruleSettings: 'rule_settings',
} as const;

export type CalendarDocuments = {
  calendar_years: CalendarYearDoc;
  calendar_closures: CalendarClosureDoc;
  calendar_changes: CalendarChangeDoc;
  rule_settings: RuleSettingsDoc;
};

type CalendarCollection = (typeof CALENDAR_COLLECTIONS)[keyof typeof CALENDAR_COLLECTIONS];
type CalendarIndex = { collection: CalendarCollection; name: string; fields: [string, 'asc' | 'desc'][] };

export const CALENDAR_INDEXES: CalendarIndex[] = [
  { collection: 'calendar_years', name: 'calendar_years_year', fields: [['year', 'asc']] },
  { collection: 'calendar_closures', name: 'calendar_closures_date', fields: [['date', 'asc']] },
  { collection: 'calendar_changes', name: 'calendar_changes_at', fields: [['at', 'desc']] },
  {
    collection: 'rule_settings',
    name: 'rule_settings_district_from',
    fields: [
      ['districtId', 'asc'],
      ['effectiveFrom', 'desc'],
    ],
  },
  {
    collection: 'calendar_changes',
    name: 'calendar_changes_pending',
    fields: [
      ['cursor.done', 'asc'],
      ['at', 'asc'],
    ],
  },
];
