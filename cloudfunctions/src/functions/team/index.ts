import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { teamFunction } from './handlers';

/** The deployed entry of the `team` cloud function. */
export const main = cloudbaseMain(teamFunction);
