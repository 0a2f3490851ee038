import { placesContract } from '@linli/shared';
import { anyone } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { listChildren } from '../../use-cases/places/list-children';
import { searchCompounds } from '../../use-cases/places/search-compounds';

export const placesFunction = defineFunction(placesContract, {
  searchCompounds: { access: anyone, run: searchCompounds },
  listChildren: { access: anyone, run: listChildren },
});
