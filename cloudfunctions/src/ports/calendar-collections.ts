import type { CalendarChange, HolidayRun, LocalClosureView } from '@linli/shared';

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

/**
 * The working-day calendar the admins keep: collections of the `calendar` function, spread into
 * COLLECTIONS, INDEXES and Documents (collections.ts, documents.ts).
 */
export const CALENDAR_COLLECTIONS = {
  calendarYears: 'calendar_years',
  calendarClosures: 'calendar_closures',
  /** The change log (who, when, what) and each change's follow-up state; id from the admin's key. */
  calendarChanges: 'calendar_changes',
} as const;

export type CalendarDocuments = {
  calendar_years: CalendarYearDoc;
  calendar_closures: CalendarClosureDoc;
  calendar_changes: CalendarChangeDoc;
};

type CalendarCollection = (typeof CALENDAR_COLLECTIONS)[keyof typeof CALENDAR_COLLECTIONS];
type CalendarIndex = { collection: CalendarCollection; name: string; fields: [string, 'asc' | 'desc'][] };

export const CALENDAR_INDEXES: CalendarIndex[] = [
  { collection: 'calendar_years', name: 'calendar_years_year', fields: [['year', 'asc']] },
  { collection: 'calendar_closures', name: 'calendar_closures_date', fields: [['date', 'asc']] },
  { collection: 'calendar_changes', name: 'calendar_changes_at', fields: [['at', 'desc']] },
  {
    collection: 'calendar_changes',
    name: 'calendar_changes_pending',
    fields: [
      ['cursor.done', 'asc'],
      ['at', 'asc'],
    ],
  },
];
