import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { bookingFunction } from './handlers';

/** The deployed entry of the `booking` cloud function (with its reminder timer). */
export const main = cloudbaseMain(bookingFunction);
