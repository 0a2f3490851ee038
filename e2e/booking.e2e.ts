import { addDays, planDay, scheduleInputSchema, shanghaiDate, shanghaiInstant } from '@linli/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHEDULES } from '../cloudfunctions/dev/seed-booking';
import { chineseDaysCalendar } from '../cloudfunctions/src/adapters/chinese-days-calendar';
import { join } from 'node:path';
import {
  baseUrl,
  callFn,
  consoleErrors,
  hostRequest,
  launch,
  on,
  open,
  openFresh,
  phonePage,
  screenshot,
  screenshotWhole,
  SCREENS_DIR,
  tap,
} from './browser';

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
  const opens = (serviceId: string, date: string) =>
    planDay(scheduleInputSchema.parse(DEMO_SCHEDULES[serviceId]), chineseDaysCalendar, date).slots.length > 0;
  let date = addDays(shanghaiDate(new Date()), 1);
  while (!(opens(SOCIAL, date) && opens(LEGAL, date))) date = addDays(date, 1);
  return date;
}

const DAY = nextServiceDay();
const at = (time: string) => shanghaiInstant(DAY, time).toISOString();

const fn = (action: string, data: unknown, openid: string) => callFn('booking', action, data, openid);
/** How many 预约提醒 messages the resident has allowed and we have not sent yet. */
const remindersAllowed = async (openid: string): Promise<number> =>
  (await callFn('notices', 'subscriptions', {}, openid)).items.find((i: { template: string }) => i.template === 'bookingReminder')
    .remaining;

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

    await open(page, `/packages/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-0900').waitFor();
    await expect.poll(() => text(page, '#slot-0900')).toContain('我已预约');
    await page.context().close();
  });

  it('staff see the day, check the resident in by typing the code, once', async () => {
    const page = await phonePage(browser, 'dev-staff-xinguang');
    await open(page, '/packages/booking-staff/today/index');
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

    await open(page, `/packages/booking-staff/roster/index?serviceId=${SOCIAL}`);
    await on(page, `#roster-entry-${bookedCode}`).waitFor();
    await expect.poll(() => text(page, `#roster-entry-${bookedCode}`)).toContain('已签到');
    await screenshot(page, 'booking-08-roster');
    await page.context().close();
  });

  it('a cancellation frees the seat at once', async () => {
    const { booking } = await fn(
      'book',
      { serviceId: SOCIAL, startAt: at('10:00'), booker: { name: '褚桂芳', phone: '13804003003' }, requestKey: 'e2e-cancel-0001' },
      'dev-booker-3',
    );
    const page = await phonePage(browser, 'dev-booker-3');
    await open(page, `/packages/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-1000').waitFor();
    await expect.poll(() => text(page, '#slot-1030')).toContain('剩 3 个');

    await open(page, `/packages/booking/detail/index?id=${booking._id}`);
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
    await open(page, `/packages/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
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
    await open(page, `/packages/booking/slots/index?serviceId=${LEGAL}&date=${DAY}`);
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

    await open(page, '/packages/booking/mine/index');
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
    await open(page, '/packages/booking/mine/index');
    await on(page, '#mine-upcoming .booking-item').click();
    await on(page, '#booking-from-waitlist').waitFor();
    await screenshot(page, 'booking-15-promoted-detail');
    await page.context().close();
  });

  it('staff edit the schedule: closing a date by hand closes it for residents', async () => {
    const page = await phonePage(browser, 'dev-staff-xinguang');
    await open(page, `/packages/booking-staff/schedule/index?serviceId=${SOCIAL}`);
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

  it('便民服务 offers 在线预约 only where it leads to slots; staff see which bookable service has no schedule', async () => {
    const page = await phonePage(browser, 'dev-resident-1');
    await open(page, '/pages/services/index');
    await on(page, '#services-community').waitFor();
    // 中房社区's five bookable services all have schedules now: each button opens a slot list
    await expect.poll(() => page.locator('.btn-book-service').filter({ visible: true }).count()).toBe(5);
    await screenshot(page, 'booking-20-services');
    await tap(page, '#service-c-zhongfang-svc-4 .btn-book-service');
    await on(page, '#slot-list').waitFor();
    expect(await page.locator('#slots-error').filter({ visible: true }).count()).toBe(0);
    await expect.poll(() => text(page, '#slots-service-name')).toBe('人民调解');

    // marked bookable, but staff have not set a schedule: no button, and how to get the service instead
    const draft = {
      name: '老年优待证代办',
      category: 'proxy',
      description: '代办老年人优待证。',
      materials: ['身份证'],
      location: '中房社区党群服务中心一楼便民服务大厅',
      hours: '工作日 8:30–17:00',
      contact: '024-88881000',
      bookable: true,
    };
    const { service } = await callFn('catalogue', 'upsert', { communityId: 'c-zhongfang', service: draft }, 'dev-staff-zhongfang');
    try {
      await openFresh(page, '/pages/services/index');
      await on(page, `#service-${service._id}`).waitFor();
      await expect.poll(() => text(page, `#service-${service._id} .service-offline`)).toContain('现在还不能在网上预约');
      expect(await page.locator(`#service-${service._id} .btn-book-service`).count()).toBe(0);
      expect(await text(page, `#service-${service._id}`)).not.toContain('可在线预约');
      await on(page, `#service-${service._id}`).screenshot({ path: join(SCREENS_DIR, 'booking-21-service-without-schedule.png') });

      const staff = await phonePage(browser, 'dev-staff-zhongfang');
      await open(staff, '/packages/staff/services/index');
      await on(staff, `#service-${service._id} .service-schedule-gap`).waitFor();
      await expect.poll(() => text(staff, `#service-${service._id} .service-schedule-gap`)).toContain('标了可预约，但还没有排班');
      await on(staff, `#service-${service._id}`).screenshot({ path: join(SCREENS_DIR, 'booking-21b-staff-no-schedule.png') });
      await tap(staff, `#service-${service._id} .btn-set-schedule`);
      await on(staff, '#schedule-form').waitFor();
      await staff.context().close();
    } finally {
      await callFn('catalogue', 'remove', { communityId: 'c-zhongfang', serviceId: service._id }, 'dev-staff-zhongfang');
    }
    await page.context().close();
  });

  it('a slot inside the cutoff says before booking that it locks at once; booking again offers the booking and the phone, not 改约', async () => {
    // 08:00: 08:30 can still be booked (30 minutes' notice) but its cutoff, an hour before, has passed
    const page = await phonePage(browser, 'dev-booker-3');
    await open(page, `/packages/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-0830').waitFor();
    await expect.poll(() => text(page, '#slot-0830')).toContain('约后不能网上取消');
    expect(await text(page, '#slot-0900')).not.toContain('约后不能网上取消');
    await tap(page, '#slot-0830');
    await on(page, '#confirm-locked').waitFor();
    await expect.poll(() => text(page, '#confirm-locked')).toContain('预约后不能在网上取消或改约，如有变化请打电话');
    expect(await text(page, '#confirm-locked')).toContain('024-88881001');
    await expect.poll(() => on(page, '#booker-name input').inputValue()).toBe('褚桂芳');
    await screenshot(page, 'booking-22-confirm-locked');
    await tap(page, '#btn-confirm');
    await on(page, '#booking-code').waitFor();
    const held = await on(page, '#booking-code').getAttribute('data-code');
    await expect.poll(() => text(page, '#booking-locked')).toContain('如果去不了或想换时间，请打电话');
    expect(await text(page, '#booking-locked')).toContain('024-88881001');
    expect(await page.locator('#btn-move').filter({ visible: true }).count()).toBe(0);
    await screenshotWhole(page, 'booking-23-locked-detail');

    // the same service again: refused with what is actually possible
    await open(page, `/packages/booking/slots/index?serviceId=${SOCIAL}&date=${DAY}`);
    await on(page, '#slot-0930').waitFor();
    await tap(page, '#slot-0930');
    await expect.poll(() => on(page, '#booker-name input').inputValue()).toBe('褚桂芳');
    await tap(page, '#btn-confirm');
    await on(page, '#form-error').waitFor();
    const refusal = await text(page, '#form-error');
    expect(refusal).toContain('已约的这次已经不能在网上取消或改约，如有变化请打电话 024-88881001');
    expect(refusal).not.toContain('点“改约”');
    await on(page, '#refusal-actions .refusal-phone').waitFor();
    await screenshotWhole(page, 'booking-24-refused-locked');
    await tap(page, '#btn-open-held-booking');
    await expect.poll(() => on(page, '#booking-code').getAttribute('data-code')).toBe(held);
    await page.context().close();
  });

  it('the slot list opens on the first day and slot that can still be booked, passed slots folded away', async () => {
    await hostRequest('/dev/clock', { set: at('14:20') });
    try {
      const page = await phonePage(browser, 'dev-resident-2');
      await open(page, `/packages/booking/slots/index?serviceId=${SOCIAL}`);
      await on(page, '#slot-list').waitFor();
      expect(await on(page, `#day-${DAY}`).getAttribute('class')).toContain('day-cell-selected');
      // 08:30–14:00 have gone by and 14:30 is too soon: the list starts at 15:00
      await expect
        .poll(() => page.locator('#slot-list .slot-row[data-state]').filter({ visible: true }).first().getAttribute('id'))
        .toBe('slot-1500');
      await expect.poll(() => text(page, '#slots-gone')).toContain('前面 9 个时段已经过了或来不及约');
      await on(page, '#slots-section').scrollIntoViewIfNeeded();
      await screenshot(page, 'booking-25-slots-open-on-first-bookable');
      await tap(page, '#slots-gone');
      await on(page, '#slot-0830').waitFor();

      // the day is over: it opens on the next day that can be booked
      await hostRequest('/dev/clock', { set: at('17:00') });
      const { days } = await fn('days', { serviceId: SOCIAL }, 'dev-resident-2');
      const next = days.find((d: any) => d.free > 0).date;
      expect(next).not.toBe(DAY);
      await openFresh(page, `/packages/booking/slots/index?serviceId=${SOCIAL}`);
      await on(page, `#day-${next}`).waitFor();
      await expect.poll(() => on(page, `#day-${next}`).getAttribute('class')).toContain('day-cell-selected');
      await expect
        .poll(() => page.locator('#slot-list .slot-row[data-state]').filter({ visible: true }).first().getAttribute('data-state'))
        .toBe('open');
      await page.context().close();
    } finally {
      await hostRequest('/dev/clock', { set: at('08:00') });
    }
  });

  it('the booking pages log no errors: the confirm form fills its fields without Taro input TypeErrors', async () => {
    const page = await phonePage(browser, 'dev-resident-2');
    await open(page, '/pages/services/index');
    await on(page, `#service-${SOCIAL} .btn-book-service`).waitFor();
    await tap(page, `#service-${SOCIAL} .btn-book-service`);
    await on(page, '#slot-list').waitFor();
    // a resident trying times: slot → confirm → 返回重选, again and again; the form is filled from the binding each time
    for (let round = 0; round < 4; round++) {
      await page.locator('#slot-list .slot-row-open').filter({ visible: true }).nth(round).click();
      await expect.poll(() => on(page, '#booker-name input').inputValue()).toBe('周国庆');
      expect(await on(page, '#booker-phone input').inputValue()).toBe('13804002002');
      await tap(page, '#btn-back-reselect');
      await on(page, '#slot-list').waitFor();
    }
    expect(consoleErrors(page)).toEqual([]);
    await page.context().close();
  });
});
