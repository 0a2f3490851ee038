import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, launch, on, open, phonePage, screenshotWhole, tap } from './browser';

/**
 * 网格吹哨、部门报到 in the browser build, in 中捷木材小区: the 小区点长 (the grid) reports a broken
 * manhole cover on patrol, the street dispatches it to 城管执法 (主办) with 住建 (协办), 城管 报到s
 * with a photo, 住建 returns its part once, 城管 resolves, the reporter rates, and the district's
 * ranking shows it. The clock is not moved.
 */
const GRID = 'dev-leader-zhongjie';
const STREET = 'dev-street';
const CG = 'dev-dept-chengguan';
const ZJ = 'dev-dept-zhujian';
const ADMIN = 'dev-admin';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4IaCHFTEMLQkAvr9BgQuV42AAAAAASUVORK5CYII=', 'base64');

let browser: Browser;
let grid: Page;
let street: Page;
let cg: Page;
let zj: Page;
let admin: Page;
let requestId = '';

async function addPhoto(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await tap(page, '#btn-add-photo');
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: PNG });
  await on(page, '#photo-picker .photo-img').waitFor();
}

beforeAll(async () => {
  browser = await launch();
  [grid, street, cg, zj, admin] = (await Promise.all([GRID, STREET, CG, ZJ, ADMIN].map((o) => phonePage(browser, o)))) as [
    Page,
    Page,
    Page,
    Page,
    Page,
  ];
});
afterAll(async () => {
  await browser?.close();
});

describe('网格吹哨、部门报到 in the browser', () => {
  it('the grid reports a broken manhole cover on patrol, in one screen, and it skips 受理', async () => {
    await open(grid, '/pages/me/index');
    await on(grid, '#entry-patrol').waitFor();
    await tap(grid, '#entry-patrol');
    await on(grid, '#patrol-spot').waitFor();
    await on(grid, '#patrol-spot input').fill('3号楼东侧人行道');
    await on(grid, '#patrol-description textarea').fill('3号楼东侧人行道井盖破损，边缘翘起，老人容易绊倒');
    await addPhoto(grid, 'jinggai.png');
    await screenshotWhole(grid, 'departments-01-patrol-form');
    await tap(grid, '#btn-patrol-submit');
    await grid.waitForURL(/workbench\/detail/);
    requestId = new URL(grid.url().replace('/#', '')).searchParams.get('id') ?? '';
    expect(requestId).not.toBe('');
    const r = await callFn('requests', 'get', { requestId }, GRID);
    expect(r.status).toBe('accepted');
    await screenshotWhole(grid, 'departments-02-patrol-accepted');
  });

  it('the street dispatches it to 城管执法 (主办) with 住建 (协办)', async () => {
    await open(street, `/packages/workbench/detail/index?id=${requestId}`);
    await on(street, '#link-dispatch').waitFor();
    await tap(street, '#link-dispatch');
    await on(street, '#dept-dept-chengguan').waitFor();
    // 供电 serves only 中房社区, which holds this compound; a department of another street is not offered
    await tap(street, '#lead-dept-chengguan');
    await tap(street, '#co-dept-zhujian');
    await screenshotWhole(street, 'departments-03-dispatch');
    await tap(street, '#btn-dispatch');
    await street.waitForURL(/workbench\/detail/);
    await expect.poll(async () => (await callFn('departments', 'parts', { requestId }, STREET)).parts.length).toBe(2);
    await expect.poll(() => on(street, '#request-timeline').innerText()).toContain('吹哨派单');
    await screenshotWhole(street, 'departments-04-dispatched');
  });

  it('城管 sees it in its inbox by deadline and 报到s with a photo from the spot', async () => {
    await open(cg, '/pages/me/index');
    await on(cg, '#entry-department-inbox').waitFor();
    await tap(cg, '#entry-department-inbox');
    await on(cg, `#part-${requestId}`).waitFor();
    expect(await on(cg, `#part-${requestId}`).innerText()).toContain('主办');
    await screenshotWhole(cg, 'departments-05-cg-inbox');
    await tap(cg, `#part-${requestId}`);
    await on(cg, '#arrive-form').waitFor();
    // the lead may call the reporter
    await on(cg, '#call-reporter').waitFor();
    await addPhoto(cg, 'xianchang.png');
    await tap(cg, '#btn-arrive');
    await on(cg, '#lead-form').waitFor();
    expect(await on(cg, '#arrived-at').innerText()).toContain('按时');
    await screenshotWhole(cg, 'departments-06-cg-arrived');
  });

  it('住建 returns its part once, with a reason; the co-handler never sees the phone', async () => {
    await open(zj, `/packages/department/part/index?id=${encodeURIComponent(`${requestId}:dept-zhujian`)}`);
    await on(zj, '#return-form').waitFor();
    expect(await zj.locator('#call-reporter').count()).toBe(0);
    await on(zj, '#return-reason textarea').fill('井盖产权属于城管，不属住建职责');
    await screenshotWhole(zj, 'departments-07-zj-return');
    await tap(zj, '#btn-return');
    await expect.poll(() => on(zj, '#part-status').innerText()).toContain('已退单');
    expect(await zj.locator('#return-form').filter({ visible: true }).count()).toBe(0);
    await screenshotWhole(zj, 'departments-08-zj-returned');
  });

  it('城管 resolves; the reporter rates it and sees each department’s steps', async () => {
    await on(cg, '#part-text textarea').fill('已更换新井盖并恢复路面');
    await tap(cg, '#btn-resolve');
    await expect.poll(() => on(cg, '#part-status').innerText()).toContain('已完成');
    await screenshotWhole(cg, 'departments-09-cg-resolved');

    await open(grid, `/packages/request/detail/index?id=${requestId}`);
    await on(grid, '#rate').waitFor();
    await tap(grid, '#solved-yes');
    await tap(grid, '#satisfaction-satisfied');
    await tap(grid, '#btn-rate');
    await expect.poll(async () => (await callFn('requests', 'get', { requestId }, GRID)).status).toBe('closed');
    const timeline = await on(grid, '#request-timeline').innerText();
    for (const line of ['吹哨派单', '东塔街道城管执法队', '已到现场报到', '大东区住建局', '退单', '已更换新井盖'])
      expect(timeline).toContain(line);
    await screenshotWhole(grid, 'departments-10-resident-timeline');
  });

  it('the district ranking shows it, with drill-down and the requests by source', async () => {
    await open(admin, '/pages/me/index');
    await on(admin, '#entry-ranking').waitFor();
    await tap(admin, '#entry-ranking');
    await on(admin, '#rank-dept-chengguan').waitFor();
    const row = await on(admin, '#rank-dept-chengguan').innerText();
    expect(row).toContain('满意率 100%');
    expect(await on(admin, '#source-patrol').innerText()).toMatch(/网格巡查：[1-9]/);
    await tap(admin, '#rank-dept-chengguan');
    await on(admin, '#ranking-parts').waitFor();
    await screenshotWhole(admin, 'departments-11-ranking');
  });

  it('the department’s figures page draws its trends with the figures page’s charts', async () => {
    await on(admin, '#department-figures').waitFor();
    expect(await on(admin, '#department-figures').innerText()).toContain('东塔街道城管执法队');
    await expect.poll(async () => Number(await on(admin, '#fig-dept-received .figure-value').innerText())).toBeGreaterThan(0);
    expect(await on(admin, '#fig-dept-satisfaction .figure-value').innerText()).toBe('100%');
    await expect.poll(() => admin.locator('#department-figures #chart-received-bars .chart-column').count()).toBeGreaterThan(0);
    await expect.poll(() => admin.locator('#department-figures #chart-rates-bars .chart-column').count()).toBe(12);
    for (const id of ['#chart-category', '#chart-source']) await on(admin, `#department-figures ${id}`).waitFor();
    expect(await on(admin, '#department-figures #chart-received .chart-summary').innerText()).toMatch(/期间接单 [1-9]/);
    expect(await on(admin, '#department-figures #chart-source .chart-summary').innerText()).toContain('网格巡查');
    await screenshotWhole(admin, 'departments-12-department-figures');
  });
});
