import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { requestsFunction } from './handlers';

/** The deployed entry of the `requests` cloud function (with its 5-minute 督办 timer). */
export const main = cloudbaseMain(requestsFunction);
