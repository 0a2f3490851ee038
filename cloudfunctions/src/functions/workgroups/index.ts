import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { workGroupsFunction } from './handlers';

/** The deployed entry of the `workgroups` cloud function (服务群众工作组 and 服务群众工作日). */
export const main = cloudbaseMain(workGroupsFunction);
