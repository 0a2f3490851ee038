import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { settingsFunction } from './handlers';

/** The deployed entry of the `settings` cloud function (a district's deadline tiers, 三事分流 defaults and per-community numbers). */
export const main = cloudbaseMain(settingsFunction);
