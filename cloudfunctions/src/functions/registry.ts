import type { AnyCloudFunction } from '../platform/define-function';
import { bookingFunction } from './booking/handlers';
import { calendarFunction } from './calendar/handlers';
import { catalogueFunction } from './catalogue/handlers';
import { deliberationFunction } from './deliberation/handlers';
import { identityFunction } from './identity/handlers';
import { messagesFunction } from './messages/handlers';
import { noticesFunction } from './notices/handlers';
import { placesFunction } from './places/handlers';
import { requestsFunction } from './requests/handlers';
import { settingsFunction } from './settings/handlers';
import { teamFunction } from './team/handlers';
import { volunteerFunction } from './volunteer/handlers';
import { departmentsFunction } from './departments/handlers';
import { workGroupsFunction } from './workgroups/handlers';

/** Every cloud function by name. Each deploys as its own bundle from functions/<name>/index.ts. */
export const FUNCTIONS: Record<string, AnyCloudFunction> = {
  places: placesFunction,
  identity: identityFunction,
  team: teamFunction,
  catalogue: catalogueFunction,
  requests: requestsFunction,
  booking: bookingFunction,
  notices: noticesFunction,
  messages: messagesFunction,
  volunteer: volunteerFunction,
  calendar: calendarFunction,
  settings: settingsFunction,
  departments: departmentsFunction,
  workgroups: workGroupsFunction,
  deliberation: deliberationFunction,
};
