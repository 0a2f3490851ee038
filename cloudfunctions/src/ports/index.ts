import type { CalendarLayers, WorkCalendar } from '@linli/shared';
import type { Clock } from './clock';
import type { ContentCheck } from './content-check';
import type { Files } from './files';
import type { Ids } from './ids';
import type { MiniCode } from './mini-code';
import type { Notifier } from './notifier';
import type { Store } from './store';

/** Everything a use case may touch, handed in by the function entry or the local host. */
export interface Ports {
  store: Store;
  clock: Clock;
  ids: Ids;
  notifier: Notifier;
  contentCheck: ContentCheck;
  /** Working days of mainland China (holidays and 调休). */
  calendar: WorkCalendar;
  /**
   * The national calendar with what admins entered on top (years' schedules, local closures):
   * dispatch reads the entries (cached for a minute) and hands each call `calendarWith(entries)`
   * as its `calendar`. Without it (unit tests' fakes) the call gets `calendar` as it is.
   */
  calendarWith?: (entries: Pick<CalendarLayers, 'entered' | 'closures'>) => WorkCalendar;
  /** Uploaded photos and generated files (cloud storage; a local folder in development). */
  files: Files;
  /** Mini-program codes for printed posters (wxacode.getUnlimited; none locally). */
  miniCode: MiniCode;
}

export type { Clock, ContentCheck, Files, Ids, MiniCode, Notifier, Store };
