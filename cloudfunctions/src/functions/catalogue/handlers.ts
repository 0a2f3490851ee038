import { catalogueContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, staffOf } from '../../platform/policy';
import { listServices } from '../../use-cases/catalogue/list-services';
import { removeService } from '../../use-cases/catalogue/remove-service';
import { upsertService } from '../../use-cases/catalogue/upsert-service';

/** A community's catalogue is kept by the staff whose scope covers the community. */
const communityStaff = staffOf((i: { communityId: string }) => i.communityId, 'community');

export const catalogueFunction = defineFunction(
  catalogueContract,
  {
    list: act(anyone, listServices),
    upsert: act(communityStaff, upsertService),
    remove: act(communityStaff, removeService),
  },
  // the list says whether a service can be booked online soon, by the working days
  { workingDays: true },
);
