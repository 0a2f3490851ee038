import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { identityFunction } from './handlers';

/** The deployed entry of the `identity` cloud function. */
export const main = cloudbaseMain(identityFunction);
