import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, on, openFresh, phonePage, screenshotWhole, tap } from './browser';

/** The community's figures page draws its trends (reports and closures per day, by category, by source, 12 months of rates) with a data table behind each. */
const STAFF = 'dev-staff-zhongfang'; // 王丽, 中房社区

let browser: Browser;
let staff: Page;

beforeAll(async () => {
  browser = await launch();
  staff = await phonePage(browser, STAFF);
});
afterAll(async () => {
  await browser?.close();
});

describe('figures charts', () => {
  it('shows the community’s charts and, on 看数据表, their numbers', async () => {
    await openFresh(staff, '/packages/workbench/figures/index?placeId=c-zhongfang');
    await on(staff, '#chart-received-bars').waitFor();
    for (const id of ['#chart-category', '#chart-source', '#chart-rates']) await on(staff, id).waitFor();
    await expect.poll(() => staff.locator('#chart-received-bars .chart-column').count()).toBeGreaterThan(0);
    await expect.poll(() => staff.locator('#chart-rates-bars .chart-column').count()).toBe(12);
    expect(await on(staff, '#chart-received .chart-summary').innerText()).toContain('期间新反映');
    expect(await on(staff, '#fig-own-submitted .figure-label').innerText()).toContain('新反映');
    expect(await on(staff, '#fig-own-accepted .figure-label').innerText()).toContain('已受理');
    await screenshotWhole(staff, 'charts-01-community-figures');
    await tap(staff, '#chart-source-toggle');
    await expect.poll(() => on(staff, '#chart-source-table').innerText()).toContain('网格巡查');
    await screenshotWhole(staff, 'charts-02-source-table');
  });
});
