import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, consoleErrors, fill, launch, on, open, phonePage, screenshotWhole, tap } from './browser';

/**
 * The district admin enters 2027's holiday schedule from the State Council's notice on the phone,
 * and the warning that 2027's 调休 is unknown disappears. (Entered only for 2027, which no other
 * browser test reads.)
 */
describe('节假日安排 in the browser', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await phonePage(browser, 'dev-admin');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin enters 2027’s schedule and the warning disappears', async () => {
    await open(page, '/packages/calendar-admin/schedule/index?year=2027');
    await on(page, '#calendar-year-warning').waitFor();
    expect(await on(page, '#calendar-year-warning').innerText()).toContain('2027 年的调休安排还没有录入');
    // the form starts from the computed statutory holidays: 春节 from 除夕 (2027-02-05)
    expect(await on(page, '#field-run-from-1 input').inputValue()).toBe('2027-02-05');
    await screenshotWhole(page, 'calendar-2027-before');

    await fill(page, '#field-notice-date', '2026-11-10');
    await fill(page, '#field-run-to-0', '2027-01-03');
    await fill(page, '#field-run-to-1', '2027-02-13');
    await fill(page, '#field-workdays', '2027-01-09，2027-02-20');
    await tap(page, '#btn-save-calendar');
    await on(page, '#calendar-saved').waitFor();
    expect(await page.locator('#calendar-year-warning').count()).toBe(0);
    expect(await on(page, '#calendar-source').innerText()).toContain('已按国务院通知录入');
    expect(await on(page, '#calendar-changes').innerText()).toContain('张主任');
    await screenshotWhole(page, 'calendar-2027-entered');

    const view = await callFn('calendar', 'year', { year: 2027 }, 'dev-admin');
    expect(view.schedule.workdays).toEqual(['2027-01-09', '2027-02-20']);
    expect(view.warning).toBeNull();
    expect(consoleErrors(page)).toEqual([]);
  });

  it('street staff close a typhoon day for the street, then take it back', async () => {
    const street = await phonePage(browser, 'dev-street');
    await open(street, '/packages/calendar-admin/schedule/index?year=2027');
    await on(street, '#btn-closure-add').waitFor();
    // 2027-03-03 lies far from the dates other browser tests use
    await fill(street, '#field-closure-date', '2027-03-03');
    await fill(street, '#field-closure-reason', '台风停工');
    await tap(street, '#btn-closure-add');
    await on(street, '#closure-2027-03-03').waitFor();
    expect(await on(street, '#closure-2027-03-03').innerText()).toContain('台风停工');
    expect(await on(street, '#calendar-changes').innerText()).toContain('东塔街道 2027-03-03 停办');
    await screenshotWhole(street, 'calendar-closure-added');
    await tap(street, '#btn-closure-remove-2027-03-03');
    await street.locator('#closure-2027-03-03').waitFor({ state: 'detached' });
    expect(await on(street, '#calendar-changes').innerText()).toContain('取消 东塔街道 2027-03-03 的停办');
    expect(consoleErrors(street)).toEqual([]);
  });

  it('the district admin sets the 议事厅 threshold and a 督办 interval for requests filed from tomorrow', async () => {
    await open(page, '/packages/calendar-admin/rules/index');
    await on(page, '#btn-save-rules').waitFor();
    expect(await on(page, '#rules-in-force').innerText()).toContain('默认规则');
    await fill(page, '#field-yishiting-threshold', '12');
    // 督办 intervals sit beside the tiers: a missed 受理 goes one level further every hour
    expect(await on(page, '#escalate-accept').innerText()).toContain('每 2 小时升一级');
    await fill(page, '#field-escalate-accept', '1');
    await on(page, '#escalate-accept').getByText('每 1 小时升一级').waitFor();
    await tap(page, '#btn-save-rules');
    await on(page, '#rules-saved').waitFor();
    expect(await on(page, '#rules-versions').innerText()).toContain('张主任');
    await screenshotWhole(page, 'rules-saved');
    const view = await callFn('settings', 'get', { districtId: 'd-dadong' }, 'dev-admin');
    expect(view.upcoming.settings.community.yishitingSupportThreshold).toBe(12);
    expect(view.upcoming.settings.escalateEvery).toEqual({ ...view.defaults.escalateEvery, accept: { hours: 1 } });
    // the deadlines are the 12345 seed still: nothing else changed
    expect(view.upcoming.settings.tiers).toEqual(view.defaults.tiers);
  });
});
