import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { calendarFunction } from './handlers';

/** The deployed entry of the `calendar` cloud function (years' schedules, local closures, the change log; follow-up timer). */
export const main = cloudbaseMain(calendarFunction);
