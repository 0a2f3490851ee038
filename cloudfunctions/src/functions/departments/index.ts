import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { departmentsFunction } from './handlers';

/** The deployed entry of the `departments` cloud function (网格吹哨、部门报到; its 督办 runs in the requests timer). */
export const main = cloudbaseMain(departmentsFunction);
