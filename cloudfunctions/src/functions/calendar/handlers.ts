import { calendarContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { systemOnly } from '../../platform/policy';
import { addClosure } from '../../use-cases/calendar/add-closure';
import { applyCalendarChanges } from '../../use-cases/calendar/apply-calendar-changes';
import { calendarKeeper, closureKeeper } from '../../use-cases/calendar/calendar-policy';
import { enterSchedule } from '../../use-cases/calendar/enter-schedule';
import { getCalendarYear } from '../../use-cases/calendar/get-calendar-year';
import { removeClosure } from '../../use-cases/calendar/remove-closure';

export const calendarFunction = defineFunction(
  calendarContract,
  {
    year: act(calendarKeeper, getCalendarYear),
    enterSchedule: act(calendarKeeper, enterSchedule),
    addClosure: act(closureKeeper, addClosure),
    removeClosure: act(closureKeeper, removeClosure),
    applyChanges: act(systemOnly, applyCalendarChanges),
  },
  { timer: { action: 'applyChanges', cron: '0 */5 * * * * *', everyMs: 300_000 }, workingDays: true },
);
