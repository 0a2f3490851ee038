import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { noticesFunction } from './handlers';

/** The deployed entry of the `notices` cloud function (its timer trigger runs the sender). */
export const main = cloudbaseMain(noticesFunction);
