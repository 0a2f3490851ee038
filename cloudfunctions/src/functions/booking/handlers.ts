import { bookingContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, signedIn, staffOf, systemOnly } from '../../platform/policy';
import { bookSlot } from '../../use-cases/booking/book-slot';
import { bookerOfService, owner, ownerOrStaff, serviceStaff } from '../../use-cases/booking/booking-policy';
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

/** The booking desk of a community: its staff. */
const deskStaff = staffOf((i: { communityId: string }) => i.communityId, 'community');

export const bookingFunction = defineFunction(
  bookingContract,
  {
    days: act(anyone, listDays),
    slots: act(anyone, listSlots),
    book: act(bookerOfService, bookSlot),
    mine: act(signedIn, listMyBookings),
    get: act(ownerOrStaff, getBooking),
    cancel: act(owner, cancelBooking),
    move: act(owner, moveBooking),
    joinWaitlist: act(bookerOfService, joinWaitlist),
    // the entry is checked against the caller inside its transaction
    leaveWaitlist: act(signedIn, leaveWaitlist),
    getSchedule: act(serviceStaff, getSchedule),
    saveSchedule: act(serviceStaff, saveSchedule),
    today: act(deskStaff, getToday),
    roster: act(serviceStaff, getRoster),
    checkIn: act(deskStaff, checkInBooking),
    markNoShow: act(serviceStaff, markNoShow),
    remind: act(systemOnly, sendReminders),
  },
  { timer: { action: 'remind', cron: '0 */5 * * * * *', everyMs: 300_000 }, workingDays: true },
);
