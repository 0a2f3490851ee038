import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { placesFunction } from './handlers';

/** The deployed entry of the `places` cloud function. */
export const main = cloudbaseMain(placesFunction);
