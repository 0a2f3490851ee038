import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindAsLedgerResident, callFn, chooseLedgerResident, fill, launch, on, open, phonePage, screenshotWhole, tap } from './browser';

/**
 * Issue 11, 代办 for booking, in the browser build: community staff find 陈秀英 (on 中捷木材小区's
 * ledger, no phone) with the same search as the request 代办, book 中房社区's 社保医保代办 for her,
 * and the booking reads 代 陈秀英 提交 · 社区工作人员 王丽; when she binds, it is in her 我的预约.
 */
const STAFF = 'dev-staff-zhongfang'; // 社区工作人员 王丽, 中房社区
const SOCIAL = 'c-zhongfang-svc-3';
const LINE = '代 陈秀英 提交 · 社区工作人员 王丽';
const run = Date.now().toString(36).slice(-4);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('代办: staff book a slot for an elderly resident without a phone', () => {
  it('search her, pick the service and a time, book for her; shown as 代 … 提交 · role name; hers once she binds', async () => {
    const staff = await phonePage(browser, STAFF);
    await chooseLedgerResident(staff, '中捷木材小区', '陈秀英', '陈秀英（户主）');
    await tap(staff, '#btn-proxy-task-book');
    await on(staff, '#proxy-book .tap-row >> text=社保医保代办').waitFor();
    await screenshotWhole(staff, 'proxy-booking-01-services');
    await on(staff, '#proxy-book .tap-row >> text=社保医保代办').click();

    await on(staff, '#slots-proxy').waitFor();
    await on(staff, '#slot-list .slot-row-open').waitFor({ timeout: 20_000 });
    await screenshotWhole(staff, 'proxy-booking-02-slots');
    await on(staff, '#slot-list .slot-row-open').click();

    await expect.poll(() => on(staff, '#confirm-for').innerText()).toContain('陈秀英');
    await fill(staff, '#booker-note', '腿脚不便，坐轮椅来');
    await screenshotWhole(staff, 'proxy-booking-03-confirm');
    await tap(staff, '#btn-confirm');
    await expect.poll(() => on(staff, '#booking-proxy-line').innerText(), { timeout: 20_000 }).toBe(LINE);
    await screenshotWhole(staff, 'proxy-booking-04-booked');
    const id = new URL(staff.url().replace('/#/', '/')).searchParams.get('id')!;
    const { booking } = await callFn('booking', 'get', { bookingId: id }, STAFF);
    expect(booking).toMatchObject({ name: '陈秀英', phone: '13804002001', note: '腿脚不便，坐轮椅来', proxyLine: LINE });

    // the desk's roster shows who acted for her
    await open(staff, `/packages/booking-staff/roster/index?serviceId=${SOCIAL}&date=${booking.date}`);
    await expect.poll(() => on(staff, `#roster-entry-${booking.code}`).innerText(), { timeout: 20_000 }).toContain(LINE);
    await on(staff, `#roster-entry-${booking.code}`).scrollIntoViewIfNeeded();
    await screenshotWhole(staff, 'proxy-booking-05-roster');

    // she binds with the name and phone on the ledger: approved at once, the booking is hers
    const her = `e2e-proxy-booking-${run}`;
    await bindAsLedgerResident(her, 'p-zhongjie-b1-u1-101', '陈秀英', '13804002001');
    const page = await phonePage(browser, her);
    await open(page, '/packages/booking/mine/index');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain(LINE);
    await screenshotWhole(page, 'proxy-booking-06-hers');
  });
});
