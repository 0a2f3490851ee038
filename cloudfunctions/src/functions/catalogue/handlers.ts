import { catalogueContract } from '@linli/shared';
import { anyone, staffOf } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { listServices } from '../../use-cases/catalogue/list-services';
import { removeService } from '../../use-cases/catalogue/remove-service';
import { upsertService } from '../../use-cases/catalogue/upsert-service';

const community = staffOf((i: { communityId: string }) => i.communityId);

export const catalogueFunction = defineFunction(catalogueContract, {
  list: { access: anyone, run: listServices },
  upsert: { access: community, run: upsertService },
  remove: { access: community, run: removeService },
});
