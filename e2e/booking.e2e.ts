import { addDays, planDay, scheduleInputSchema, shanghaiDate, shanghaiInstant } from '@linli/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHEDULES } from '../cloudfunctions/dev/seed-booking';
import { chineseDaysCalendar } from '../cloudfunctions/src/adapters/chinese-days-calendar';
import { join } from 'node:path';
import { baseUrl, callFn, hostRequest, launch, on, open, phonePage, screenshot, SCREENS_DIR, tap } from './browser';

/**
 * Booking in the browser build, as residents and staff of 新光社区 use it (other features'
 * tests use 中房社区). The shared host's clock is frozen at 08:00 on the next working day
 * for this file, so there are slots to book and the day is "today" for check-in; it is reset
 * at the end.
 */
const SOCIAL = 'c-xinguang-svc-3'; // 社保医保代办: 3 seats per 30 minutes
const LEGAL = 'c-xinguang-svc-5'; // 法律咨询: 1 seat per slot

/** The next date after today (Shanghai) on which both services open, by the real holiday calendar. */
function nextServiceDay(): string {
  const opens = (serviceId: string, date: string) => planDay(scheduleInputSchema.parse(DEMO_SCHEDULES[serviceId]), chineseDaysCalendar, date).slots.length > 0;
  let date = addDays(shanghaiDate(new Date()), 1);
  while (!(opens(SOCIAL, date) && opens(LEGAL, date))) date = addDays(date, 1);
  return date;
}

const DAY = nextServiceDay();
const at = (time: string) => shanghaiInstant(DAY, time).toISOString();

const fn = (action: string, data: unknown, openid: string) => callFn('booking', action, data, openid);
/** How many 预约提醒 messages the resident has allowed and we have not sent yet. */
const remindersAllowed = async (openid: string): Promise<number> =>
  (await callFn('notices', 'subscriptions', {}, openid)).items.find((i: { template: string }) => i.template === 'bookingReminder').remaining;

let browser: Browser;
beforeAll(async () => {
  await hostRequest('/dev/clock', { set: at('08:00') });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await hostRequest('/dev/clock', { reset: true });
});

const text = (page: Page, selector: string) => on(page, selector).innerText();

let bookedCode = '';

describe('booking in the browser', () => {
  it('a resident books from 便民服务, gets a code and a QR code, and sees it in 我的预约', async () => {
    const page = await phonePage(browser, 'dev-resident-2');
    await open(page, '/pages/services/index');
    await on(page, `#service-${SOCIAL} .btn-book-service`).waitFor();
    await tap(page, `#service-${SOCIAL} .btn-book-service`);

    await on(page, '#slot-list').waitFor();
    expect(await on(page, `#day-${DAY}`).getAttribute('class')).toContain('day-cell-selected');
    await expect.poll(() => text(page, '#slot-0900')).toContain('剩 3 个');
    await screenshot(page, 'booking-01-days');
    // the h5 page scrolls inside its own container: bring the times into view for the picture
    await on(page, '#slot-0900').scrollIntoViewIfNeeded();
    await screenshot(page, 'booking-01-slots');

    await tap(page, '#slot-0900');
    await on(page, '#booker-name input').waitFor();
    // filled from the resident's binding
    await expect.poll(() => on(page, '#booker-name input').inputValue()).toBe('周国庆');
    expect(await on(page, '#booker-phone input').inputValue()).toBe('13804002002');
    await on(page, '#booker-note textarea').fill('代办医保，带了身份证和户口本');
    await screenshot(page, 'booking-02-confirm');
    const reminders = await remindersAllowed('dev-resident-2');
    // a double tap sends one booking
    await on(page, '#btn-confirm').dblclick();

    await on(page, '#booking-code').waitFor();
    // confirming asked for a 预约提醒 (accepted at once in the browser build): one grant, once
    expect(await remindersAllowed('dev-resident-2')).toBe(reminders + 1);
    bookedCode = (await on(page, '#booking-code').getAttribute('data-code')) ?? '';
    expect(bookedCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    await expect.poll(() => text(page, '#booking-done')).toContain('预约成功');
    await expect.poll(() => text(page, '#booking-when')).toContain('09:00–09:30');
    expect(await on(page, '#booking-qr').getAttribute('data-modules')).toBe('21');
    await screenshot(page, 'booking-03-code');

    const mine = await fn('mine', {}, 'dev-resident-2');
    expect(mine.upcoming.map((b: any) => b.code)).toEqual([bookedCode]);

    await tap(page, '#btn-my-bookings');
    await on(page, `#booking-${bookedCode}`).waitFor();
    await screenshot(page, 'booking-04-mine');

    await open(page, `/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-0900').waitFor();
    await expect.poll(() => text(page, '#slot-0900')).toContain('我已预约');
    await page.context().close();
  });

  it('staff see the day, check the resident in by typing the code, once', async () => {
    const page = await phonePage(browser, 'dev-staff-xinguang');
    await open(page, '/booking-staff/today/index');
    await on(page, `#today-${SOCIAL}`).waitFor();
    await expect.poll(() => text(page, `#today-${SOCIAL}`)).toContain('已约 1 人');
    await screenshot(page, 'booking-05-staff-today');

    await tap(page, '#btn-go-check-in');
    await on(page, '#check-in-code input').waitFor();
    await on(page, '#check-in-code input').fill(`${bookedCode.slice(0, 3).toLowerCase()} ${bookedCode.slice(3)}`);
    await tap(page, '#btn-check-in');
    await on(page, '#check-in-done').waitFor();
    await expect.poll(() => text(page, '#check-in-done')).toContain('签到成功：周国庆');
    await screenshot(page, 'booking-06-checked-in');

    await on(page, '#check-in-code input').fill(bookedCode);
    await tap(page, '#btn-check-in');
    await on(page, '#form-error').waitFor();
    await expect.poll(() => text(page, '#form-error')).toContain('已经签到过了');
    await screenshot(page, 'booking-07-check-in-twice');

    await open(page, `/booking-staff/roster/index?serviceId=${SOCIAL}`);
    await on(page, `#roster-entry-${bookedCode}`).waitFor();
    await expect.poll(() => text(page, `#roster-entry-${bookedCode}`)).toContain('已签到');
    await screenshot(page, 'booking-08-roster');
    await page.context().close();
  });

  it('a cancellation frees the seat at once', async () => {
    const { booking } = await fn('book', { serviceId: SOCIAL, startAt: at('10:00'), booker: { name: '褚桂芳', phone: '13804003003' }, requestKey: 'e2e-cancel-0001' }, 'dev-booker-3');
    const page = await phonePage(browser, 'dev-booker-3');
    await open(page, `/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-1000').waitFor();
    await expect.poll(() => text(page, '#slot-1030')).toContain('剩 3 个');

    await open(page, `/booking/detail/index?id=${booking._id}`);
    await on(page, '#btn-cancel-booking').waitFor();
    await tap(page, '#btn-cancel-booking');
    await on(page, '.taro-model__confirm').waitFor();
    await screenshot(page, 'booking-09-cancel-confirm');
    await on(page, '.taro-model__confirm').click();
    await on(page, '#booking-cancelled').waitFor();
    expect(await on(page, '#booking-code').getAttribute('class')).toContain('booking-code-cancelled');
    await screenshot(page, 'booking-10-cancelled');

    const day = await fn('slots', { serviceId: SOCIAL, date: DAY }, 'dev-booker-3');
    expect(day.slots.find((s: any) => s.start === '10:00')).toMatchObject({ left: 3, myBookingId: null });
    await open(page, `/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-1000').waitFor();
    await expect.poll(() => text(page, '#slot-1000')).toContain('剩 3 个');
    await page.context().close();
  });

  it('the waitlist promotes the next resident when the seat frees, and tells them', async () => {
    const first = await fn(
      'book',
      { serviceId: LEGAL, startAt: at('14:00'), booker: { name: '钱玉兰', phone: '13804003001' }, requestKey: 'e2e-waitlist-0001' },
      'dev-booker-1',
    );
    const page = await phonePage(browser, 'dev-booker-2');
    await open(page, `/booking/slots/index?serviceId=${LEGAL}&date=${DAY}`);
    await on(page, '#slot-1400').waitFor();
    expect(await on(page, '#slot-1400').getAttribute('data-state')).toBe('full');
    await expect.poll(() => text(page, '#slot-1400')).toContain('点这里排队候补');
    await on(page, '#slot-1400').scrollIntoViewIfNeeded();
    await screenshot(page, 'booking-11-full-slot');

    await tap(page, '#slot-1400');
    await on(page, '#waitlist-explain').waitFor();
    await expect.poll(() => on(page, '#booker-name input').inputValue()).toBe('冯志刚');
    await screenshot(page, 'booking-12-waitlist-confirm');
    await tap(page, '#btn-confirm');
    await on(page, '#waitlist-joined').waitFor();
    await expect.poll(() => text(page, '#waitlist-joined')).toContain('您是第 1 位');
    await screenshot(page, 'booking-13-waitlisted');

    await fn('cancel', { bookingId: first.booking._id }, 'dev-booker-1');

    await open(page, '/booking/mine/index');
    await on(page, '#mine-upcoming .booking-item').waitFor();
    const upcoming = await text(page, '#mine-upcoming');
    expect(upcoming).toContain('法律咨询');
    expect(upcoming).toContain('候补约上');
    expect(await page.locator('#mine-waitlist').filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'booking-14-promoted');

    // the message was queued; the messages timer (every minute on the host) sends it: run it now
    expect((await hostRequest('/dev/timers/messages', {})).ok).toBe(true);
    const inbox = (await (await fetch(`${baseUrl()}/dev/inbox?openid=dev-booker-2`)).json()) as { messages: any[] };
    expect(inbox.messages[0].data.thing4).toMatch(/^候补成功，预约码 [2-9A-HJ-NP-Z]{6}$/);
    // the local build shows the person what WeChat would have delivered
    await open(page, '/pages/me/index');
    await expect.poll(() => on(page, '#dev-inbox').innerText()).toContain('候补成功');
    await on(page, '#dev-inbox').screenshot({ path: join(SCREENS_DIR, 'booking-14b-dev-inbox.png') });

    // back to 我的预约 (the 我的 tab replaced it) to open the promoted booking
    await open(page, '/booking/mine/index');
    await on(page, '#mine-upcoming .booking-item').click();
    await on(page, '#booking-from-waitlist').waitFor();
    await screenshot(page, 'booking-15-promoted-detail');
    await page.context().close();
  });

  it('staff edit the schedule: closing a date by hand closes it for residents', async () => {
    const page = await phonePage(browser, 'dev-staff-xinguang');
    await open(page, `/booking-staff/schedule/index?serviceId=${SOCIAL}`);
    await on(page, '#schedule-form').waitFor();
    await screenshot(page, 'booking-16-schedule');
    const closed = addDays(DAY, 1);
    await on(page, '#closed-date input').fill(closed);
    await on(page, '#closed-reason input').fill('社区消杀');
    await tap(page, '#btn-add-closed');
    await tap(page, '#btn-save-schedule');
    await on(page, '#schedule-saved').waitFor();
    const days = await fn('days', { serviceId: SOCIAL }, 'dev-resident-2');
    expect(days.days.find((d: any) => d.date === closed)).toMatchObject({ closedReason: '社区消杀', free: 0 });
    await page.context().close();
  });
});
