import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, chooseFirstHousehold, fill, launch, on, open, openFresh, phonePage, screenshot, screenshotWhole, tap } from './browser';

/**
 * The service contact card (服务联系卡) in the browser build, in 中捷木材小区 / 中房社区:
 * a resident finds the 小区点长's phone; community staff replace the 小区点长; the resident sees
 * the change. Then the first-time resident's binding, approved by staff.
 */
const RESIDENT = 'dev-resident-1'; // 陈秀英, 中捷木材小区 1号楼1单元101
const STAFF = 'dev-staff-zhongfang'; // 王丽, 中房社区
const NEWCOMER = 'dev-e2e-newcomer';

let browser: Browser;
let resident: Page;
let staff: Page;

beforeAll(async () => {
  browser = await launch();
  resident = await phonePage(browser, RESIDENT);
  staff = await phonePage(browser, STAFF);
});
afterAll(async () => {
  await browser?.close();
});

const leaderOnCard = (page: Page) => on(page, '#card-role-pointLeader .team-member');

describe('service contact card', () => {
  let before = { name: '', phone: '' };

  it('a resident opens the app and finds the phone of the 小区点长, one tap from a call', async () => {
    await open(resident, '/pages/card/index');
    await expect.poll(() => on(resident, '#card-compound-name').innerText()).toContain('中捷木材小区');
    const card = await callFn('team', 'getCard', { compoundId: 'p-zhongjie' });
    before = { name: card.groups[0].members[0].name, phone: card.groups[0].members[0].phone };
    await expect.poll(() => leaderOnCard(resident).locator('.member-name').innerText()).toBe(before.name);
    const call = leaderOnCard(resident).locator(`a[href="tel:${before.phone}"]`);
    await expect.poll(() => call.count()).toBe(1);
    // the seeds' order of the roles
    const titles = await resident.locator('.role-group .h2').filter({ visible: true }).allInnerTexts();
    expect(titles).toEqual([
      '小区点长',
      '应急点长',
      '荣誉点长',
      '物业管理员',
      '卡口值守员',
      '医疗防疫巡查员',
      '社区警务巡查员',
      '街道专管员',
    ]);
    await screenshot(resident, 'card-01-resident');
    await screenshotWhole(resident, 'card-02-resident-whole');
  });

  it('community staff replace the 小区点长 from their phone, and it is recorded', async () => {
    await open(staff, '/packages/staff/team/index?compoundId=p-zhongjie');
    await expect.poll(() => on(staff, '#team-role-pointLeader .member-name').innerText()).toBe(before.name);
    await tap(staff, '#team-role-pointLeader .btn-replace');
    await fill(staff, '#member-form #form-name', '郑海峰');
    await fill(staff, '#member-form #form-phone', '1391234');
    await tap(staff, '#btn-save-member');
    await expect.poll(() => on(staff, '#member-form').innerText()).toContain('电话号码格式不对');
    await screenshot(staff, 'card-03-staff-replace-error');
    await fill(staff, '#member-form #form-phone', '13912345678');
    await tap(staff, '#btn-save-member');
    await expect.poll(() => on(staff, '#team-role-pointLeader .member-name').innerText()).toBe('郑海峰');
    await screenshot(staff, 'card-04-staff-replaced');
    await tap(staff, '#link-history');
    await expect.poll(() => on(staff, '.history-item').innerText()).toContain('郑海峰');
    await expect.poll(() => on(staff, '.history-item').innerText()).toContain(before.name);
    await screenshot(staff, 'card-05-staff-history');
  });

  it('the resident sees the new 小区点长 and phone', async () => {
    await openFresh(resident, '/pages/card/index');
    await expect.poll(() => leaderOnCard(resident).locator('.member-name').innerText()).toBe('郑海峰');
    expect(await leaderOnCard(resident).locator('a[href="tel:13912345678"]').count()).toBe(1);
    await screenshot(resident, 'card-06-resident-after');
  });

  it('removing a post makes the card say what is missing', async () => {
    const card = await callFn('team', 'getCard', { compoundId: 'p-hemu' });
    const guard = card.groups.find((g: { role: string }) => g.role === 'checkpointGuard').members[0];
    await callFn('team', 'removeMember', { compoundId: 'p-hemu', memberId: guard.id }, STAFF);
    const visitor = await phonePage(browser, null);
    await open(visitor, '/pages/card/index?compoundId=p-hemu');
    await expect.poll(() => on(visitor, '#card-missing').innerText()).toContain('南门卡口值守员 1 名');
    await screenshot(visitor, 'card-07-share-link-incomplete');
    await visitor.context().close();
  });

  it('anyone finds a compound by name', async () => {
    const visitor = await phonePage(browser, null);
    await open(visitor, '/pages/search/index');
    await fill(visitor, '#search-input', '新光');
    await tap(visitor, '#btn-search');
    await expect
      .poll(() => visitor.locator('.compound-hit').filter({ visible: true }).allInnerTexts())
      .toEqual([expect.stringContaining('新光花园')]);
    await screenshot(visitor, 'card-08-search');
    await tap(visitor, '.compound-hit');
    await expect.poll(() => on(visitor, '#card-compound-name').innerText()).toContain('新光花园');
    await visitor.context().close();
  });
});

describe('a first-time resident binds to a household', () => {
  it('chooses compound, building, unit and room; staff approve; the card is theirs', async () => {
    const page = await phonePage(browser, NEWCOMER);
    await open(page, '/pages/bind/index');
    await chooseFirstHousehold(page, '和睦');
    await fill(page, '#form-name', '马桂兰');
    await fill(page, '#form-phone', '13800001111');
    await screenshot(page, 'card-09-bind-form');
    await tap(page, '#btn-submit-binding');
    await expect.poll(() => on(page, '#bind-done').count()).toBe(1);
    await screenshot(page, 'card-10-bind-done');

    await open(staff, '/packages/staff/bindings/index');
    const item = staff.locator('.binding-item').filter({ visible: true }).filter({ hasText: '马桂兰' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('a[href="tel:13800001111"]').count()).toBe(1); // staff see the phone: they must check it
    await screenshot(staff, 'card-11-staff-bindings');
    await item.locator('.btn-approve').click();
    await expect.poll(() => staff.locator('.binding-item').filter({ visible: true }).filter({ hasText: '马桂兰' }).count()).toBe(0);

    await openFresh(page, '/pages/me/index');
    await expect.poll(() => on(page, '#binding-status').getAttribute('data-status')).toBe('approved');
    await screenshot(page, 'card-12-me-approved');
    await openFresh(page, '/pages/card/index');
    await expect.poll(() => on(page, '#card-compound-name').innerText()).toContain('和睦家园');
    await page.context().close();
  });
});
