import { bookingContract } from './booking.contract';
import { calendarContract } from './calendar.contract';
import { settingsContract } from './settings.contract';
import { deliberationContract } from './deliberation.contract';
import { catalogueContract } from './catalogue.contract';
import { identityContract } from './identity.contract';
import { messagesContract } from './messages.contract';
import { noticesContract } from './notices.contract';
import { placesContract } from './places.contract';
import { requestsContract } from './requests.contract';
import { teamContract } from './team.contract';
import { volunteerContract } from './volunteer.contract';
import { departmentsContract } from './departments.contract';
import { workGroupsContract } from './workgroups.contract';

/** Every cloud function and its actions. The app's callCloud and the functions' dispatch are both typed from this. */
export const contracts = {
  places: placesContract,
  identity: identityContract,
  team: teamContract,
  catalogue: catalogueContract,
  requests: requestsContract,
  booking: bookingContract,
  notices: noticesContract,
  messages: messagesContract,
  volunteer: volunteerContract,
  calendar: calendarContract,
  settings: settingsContract,
  departments: departmentsContract,
  workgroups: workGroupsContract,
  deliberation: deliberationContract,
} as const;
export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;

export * from './define';
export * from './places.contract';
export * from './identity.contract';
export * from './team.contract';
export * from './catalogue.contract';
export * from './requests.contract';
export * from './booking.contract';
export * from './notices.contract';
export * from './messages.contract';
export * from './volunteer.contract';
export * from './calendar.contract';
export * from './settings.contract';
export * from './ledger-import.schema';
export * from './departments.contract';
export * from './workgroups.contract';
export * from './deliberation.contract';
