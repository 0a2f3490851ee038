import { departmentsContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { signedIn, staffOf, systemOnly } from '../../platform/policy';
import { addPartProgress } from '../../use-cases/departments/add-part-progress';
import { arrivePart } from '../../use-cases/departments/arrive-part';
import { contributePart } from '../../use-cases/departments/contribute-part';
import {
  departmentMember,
  dispatcherOf,
  inCompoundTeam,
  onPart,
  partsOf,
  registrar,
  registrarOfDepartment,
  seesPart,
  staffInDistrict,
} from '../../use-cases/departments/department-policy';
import { dispatchRequest } from '../../use-cases/departments/dispatch-request';
import { getInbox } from '../../use-cases/departments/get-inbox';
import { getPart } from '../../use-cases/departments/get-part';
import { getRanking } from '../../use-cases/departments/get-ranking';
import { listDepartments } from '../../use-cases/departments/list-departments';
import { listParts } from '../../use-cases/departments/list-parts';
import { myDepartments } from '../../use-cases/departments/my-departments';
import { recountStats } from '../../use-cases/departments/recount-stats';
import { registerDepartment } from '../../use-cases/departments/register-department';
import { reportPatrol } from '../../use-cases/departments/report-patrol';
import { resolvePart } from '../../use-cases/departments/resolve-part';
import { returnPart } from '../../use-cases/departments/return-part';
import { updateDepartment } from '../../use-cases/departments/update-department';

/** 网格吹哨、部门报到: departments, patrol reports, dispatch, 报到, 退单, and the district's ranking. */
export const departmentsFunction = defineFunction(departmentsContract, {
  register: act(registrar, registerDepartment),
  update: act(registrarOfDepartment, updateDepartment),
  list: act(
    staffOf((i: { placeId: string }) => i.placeId),
    listDepartments,
  ),
  mine: act(signedIn, myDepartments),
  patrol: act(inCompoundTeam, reportPatrol),
  dispatch: act(dispatcherOf, dispatchRequest),
  parts: act(partsOf, listParts),
  inbox: act(departmentMember, getInbox),
  part: act(seesPart, getPart),
  arrive: act(onPart, arrivePart),
  progress: act(onPart, addPartProgress),
  contribute: act(onPart, contributePart),
  return: act(onPart, returnPart),
  resolve: act(onPart, resolvePart),
  ranking: act(staffInDistrict, getRanking),
  recount: act(systemOnly, recountStats),
});
