import { hasStaffScope, settingsContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { placeOf, type Policy } from '../../platform/policy';
import type { Place } from '@linli/shared';
import { getSettings } from '../../use-cases/settings/get-settings';
import { saveSettings } from '../../use-cases/settings/save-settings';

/** Staff of the district (its admin, street and community staff) read the rules they work by. */
const districtStaff: Policy<{ districtId: string }, Place> = {
  load: placeOf((i) => i.districtId, 'district'),
  allow: (caller, district) =>
    hasStaffScope(caller.grants, district) ||
    caller.grants.some((g) => g.placePath.includes(district._id) && ['communityStaff', 'streetStaff'].includes(g.role)),
};
/** Only the district admin sets them. */
const districtAdmin: Policy<{ districtId: string }, Place> = {
  load: placeOf((i) => i.districtId, 'district'),
  allow: (caller, district) => hasStaffScope(caller.grants, district, ['admin']),
};

export const settingsFunction = defineFunction(settingsContract, {
  get: act(districtStaff, getSettings),
  save: act(districtAdmin, saveSettings),
});
