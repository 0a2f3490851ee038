import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { catalogueFunction } from './handlers';

/** The deployed entry of the `catalogue` cloud function. */
export const main = cloudbaseMain(catalogueFunction);
