import { workGroupsContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { signedIn } from '../../platform/policy';
import { assignWorkGroup } from '../../use-cases/workgroups/assign-work-group';
import { collectProblem } from '../../use-cases/workgroups/collect-problem';
import { getWorkGroupFigures } from '../../use-cases/workgroups/get-figures';
import { getWorkGroup, myWorkGroups } from '../../use-cases/workgroups/get-work-group';
import { listWorkGroups } from '../../use-cases/workgroups/list-work-groups';
import { districtAdmin, districtOfCommunity, groupReader, memberOfGroup } from '../../use-cases/workgroups/work-group-policy';

/** 服务群众工作组: the district assigns each community its group; members collect problems on the service day; the community's month. */
export const workGroupsFunction = defineFunction(workGroupsContract, {
  assign: act(districtOfCommunity, assignWorkGroup),
  list: act(districtAdmin, listWorkGroups),
  get: act(groupReader, getWorkGroup),
  mine: act(signedIn, myWorkGroups),
  collect: act(memberOfGroup, collectProblem),
  figures: act(groupReader, getWorkGroupFigures),
});
