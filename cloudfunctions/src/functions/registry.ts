import type { CloudFunction } from '../platform/define-function';
import { catalogueFunction } from './catalogue/handlers';
import { identityFunction } from './identity/handlers';
import { placesFunction } from './places/handlers';
import { teamFunction } from './team/handlers';

/** Every cloud function by name. Each deploys as its own bundle from functions/<name>/index.ts. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  places: placesFunction as unknown as CloudFunction,
  identity: identityFunction as unknown as CloudFunction,
  team: teamFunction as unknown as CloudFunction,
  catalogue: catalogueFunction as unknown as CloudFunction,
};
