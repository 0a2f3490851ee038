import { bookingContract } from '@linli/shared';
import { anyone, signedIn, staffOf, systemOnly } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { COLLECTIONS } from '../../ports/collections';
import { bookSlot } from '../../use-cases/booking/book-slot';
import { cancelBooking } from '../../use-cases/booking/cancel-booking';
import { checkInBooking } from '../../use-cases/booking/check-in-booking';
import { getBooking } from '../../use-cases/booking/get-booking';
import { getRoster } from '../../use-cases/booking/get-roster';
import { getSchedule } from '../../use-cases/booking/get-schedule';
import { getToday } from '../../use-cases/booking/get-today';
import { joinWaitlist } from '../../use-cases/booking/join-waitlist';
import { leaveWaitlist } from '../../use-cases/booking/leave-waitlist';
import { listDays } from '../../use-cases/booking/list-days';
import { listMyBookings } from '../../use-cases/booking/list-my-bookings';
import { listSlots } from '../../use-cases/booking/list-slots';
import { markNoShow } from '../../use-cases/booking/mark-no-show';
import { moveBooking } from '../../use-cases/booking/move-booking';
import { saveSchedule } from '../../use-cases/booking/save-schedule';
import { sendReminders } from '../../use-cases/booking/send-reminders';
import { memberOfServiceCommunity } from './access';

const community = staffOf((i: { communityId: string }) => i.communityId);
const serviceStaff = staffOf<{ serviceId: string }>(
  async (i, ctx) => (await ctx.ports.store.get(COLLECTIONS.services, i.serviceId))?.communityId ?? null,
  'CATALOGUE.SERVICE_NOT_FOUND',
);

export const bookingFunction = defineFunction(
  bookingContract,
  {
    days: { access: anyone, run: listDays },
    slots: { access: anyone, run: listSlots },
    book: { access: memberOfServiceCommunity, run: bookSlot },
    mine: { access: signedIn, run: listMyBookings },
    // owner or staff: the use case answers NOT_FOUND to anyone else
    get: { access: signedIn, run: getBooking },
    cancel: { access: signedIn, run: cancelBooking },
    move: { access: signedIn, run: moveBooking },
    joinWaitlist: { access: memberOfServiceCommunity, run: joinWaitlist },
    leaveWaitlist: { access: signedIn, run: leaveWaitlist },
    getSchedule: { access: serviceStaff, run: getSchedule },
    saveSchedule: { access: serviceStaff, run: saveSchedule },
    today: { access: community, run: getToday },
    roster: { access: serviceStaff, run: getRoster },
    checkIn: { access: community, run: checkInBooking },
    markNoShow: { access: serviceStaff, run: markNoShow },
    remind: { access: systemOnly, run: sendReminders },
  },
  { timer: { action: 'remind', cron: '0 */5 * * * * *', everyMs: 300_000 } },
);
