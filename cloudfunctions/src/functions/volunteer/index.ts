import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { volunteerFunction } from './handlers';

/** The deployed entry of the `volunteer` cloud function (志愿积分, 积分超市, 党员积分, 十户联保; follow-up reminder timer). */
export const main = cloudbaseMain(volunteerFunction);
