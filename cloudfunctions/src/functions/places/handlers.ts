import { placesContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone } from '../../platform/policy';
import { listChildren } from '../../use-cases/places/list-children';
import { searchCompounds } from '../../use-cases/places/search-compounds';

export const placesFunction = defineFunction(placesContract, {
  searchCompounds: act(anyone, searchCompounds),
  listChildren: act(anyone, listChildren),
});
