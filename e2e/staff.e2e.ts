import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, chooseFirstHousehold, fill, hostRequest, launch, on, open, openFresh, phonePage, screenshotWhole, tap } from './browser';

/**
 * Issue 8, in the browser build: staff allow WeChat reminders on the workbench and are asked again
 * at 受理; an escalated request stands first in the 待办 of 社区, marked 督办, with a badge on the
 * 诉求 tab; the report form keeps the description under the category, counts it and never cuts
 * it; errors name only buttons that are there; the phone field takes a landline; every tab shows
 * the person now chosen in the dev switcher; the publish banner tells who gets a WeChat message.
 * Uses 和睦家园 (p-hemu) of 中房社区 where it can; the clock moved for the escalation is reset.
 */
const LEADER = 'dev-leader-zhongjie'; // 小区点长 李斌, 中捷木材小区
const STAFF = 'dev-staff-zhongfang'; // 社区工作人员 王丽, 中房社区
const RESIDENT = 'dev-resident-1'; // 陈秀英, 中捷木材小区
const OTHER = 'dev-resident-2'; // 周国庆, 新光花园

const grantsOf = async (openid: string) =>
  (await callFn('notices', 'subscriptions', {}, openid)).items as { template: string; remaining: number; audience: string }[];
const remaining = async (openid: string, template: string) => (await grantsOf(openid)).find((i) => i.template === template)!.remaining;
const tabBadge = (page: Page, index: number) =>
  page.locator(`.weui-tabbar .weui-tabbar__item:nth-child(${index}) .weui-badge`).filter({ visible: true });
/** Taro's tab bar in the browser build: the 5 tabs of app.config.ts in order. */
const tabItem = (page: Page, text: string) => page.locator('.weui-tabbar .weui-tabbar__item').filter({ hasText: text }).first();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await hostRequest('/dev/clock', { reset: true });
});

describe('staff are told, and asked at the moments of their work', () => {
  it('the workbench shows how many reminders the 小区点长 can still receive, and a tap allows more', async () => {
    // messages other tests queued for him go out (or settle as ungranted) first, so the grant
    // allowed below is spent on the request this test submits
    expect((await hostRequest('/dev/timers/messages', {})).ok).toBe(true);
    const leader = await phonePage(browser, LEADER);
    const before = { task: await remaining(LEADER, 'staffTask'), overdue: await remaining(LEADER, 'staffOverdue') };
    await open(leader, '/packages/workbench/inbox/index');
    await on(leader, '#staff-grants').waitFor();
    await expect.poll(() => on(leader, '#grant-staffTask').innerText()).toContain('新诉求待办');
    await expect.poll(() => on(leader, '#grant-staffOverdue').innerText()).toContain('超时督办');
    if (before.task === 0) expect(await on(leader, '#grant-staffTask').innerText()).toContain('现在不会在微信里提醒您');
    await screenshotWhole(leader, 'staff-01-workbench-grants');

    await tap(leader, '#btn-allow-staff');
    // the browser build accepts WeChat's dialog at once: one more of each
    await expect.poll(() => on(leader, '#grant-staffTask').innerText()).toContain(`还可以提醒您 ${before.task + 1} 次`);
    expect(await remaining(LEADER, 'staffTask')).toBe(before.task + 1);
    expect(await remaining(LEADER, 'staffOverdue')).toBe(before.overdue + 1);
    await screenshotWhole(leader, 'staff-02-workbench-grants-allowed');

    // a new request in his compound reaches him now
    const { request } = await callFn(
      'requests',
      'submit',
      {
        key: `e2e-staff-${Date.now()}`,
        compoundId: 'p-zhongjie',
        category: 'repairs',
        description: '2号楼门禁坏了，关不上',
        location: { kind: 'home' },
      },
      RESIDENT,
    );
    expect((await hostRequest('/dev/timers/messages', {})).ok).toBe(true);
    const inbox = await hostRequest(`/dev/inbox?openid=${LEADER}`);
    expect(
      inbox.messages.some(
        (m: { page: string; template: string }) => m.page.includes(request.id) && m.template === 'LOCAL-staff-task-template',
      ),
    ).toBe(true);

    // 受理 is a natural moment: the tap asks for reminders again (still fewer than enough)
    const atWork = await remaining(LEADER, 'staffTask');
    await openFresh(leader, `/packages/workbench/detail/index?id=${request.id}`);
    await on(leader, '#btn-accept').waitFor();
    await leader.waitForTimeout(500); // the grants are read with the page
    await tap(leader, '#btn-accept');
    await on(leader, '#triage').waitFor();
    await expect.poll(() => remaining(LEADER, 'staffTask')).toBe(atWork + 1);
    await leader.close();
  });

  it('an escalated request stands first in 社区’s 待办, marked 督办, and the 诉求 tab carries a badge', async () => {
    const staff = await phonePage(browser, STAFF);
    // a resident of 和睦家园 (中房社区) reports; nobody accepts it in time
    const { request: late } = await callFn(
      'requests',
      'submit',
      {
        key: `e2e-staff-late-${Date.now()}`,
        compoundId: 'p-hemu',
        category: 'environment',
        description: '和睦家园北门垃圾两天没人清运',
        location: { kind: 'spot', text: '北门垃圾站' },
      },
      'seed-resident-p-hemu-1',
    );
    await hostRequest('/dev/clock', { advanceMs: 2 * 3_600_000 + 60_000 });
    expect((await hostRequest('/dev/timers/requests', {})).ok).toBe(true);
    const { count } = await callFn('requests', 'escalatedCount', {}, STAFF);
    expect(count).toBeGreaterThan(0);

    await open(staff, '/pages/requests/index');
    await on(staff, '#link-workbench').waitFor();
    await expect.poll(() => on(staff, '#link-workbench').innerText()).toContain(`督办 ${count} 件`);
    await expect.poll(() => tabBadge(staff, 4).first().innerText()).toBe(String(count));
    await screenshotWhole(staff, 'staff-03-requests-tab-badge');

    await tap(staff, '#link-workbench');
    await on(staff, `#req-${late.id}`).waitFor();
    const first = on(staff, '#inbox-list .req-item');
    await expect.poll(() => first.innerText()).toContain('督办');
    const items = staff.locator('#inbox-list .req-item').filter({ visible: true });
    const marked = await items.evaluateAll((els) => els.map((e) => e.classList.contains('req-escalated')));
    expect(marked.indexOf(false)).toBe(count < marked.length ? count : -1);
    expect(marked.slice(0, count).every(Boolean)).toBe(true);
    expect(await on(staff, `#req-${late.id}`).innerText()).toContain('督办');
    await screenshotWhole(staff, 'staff-04-inbox-escalated-first');
    await hostRequest('/dev/clock', { reset: true });
    await staff.close();
  });
});

describe('the report form', () => {
  it('puts the description right under the category, the neighbours’ reports folded to one line that opens on a tap', async () => {
    const page = await phonePage(browser, RESIDENT);
    await open(page, '/packages/request/report/index?compoundId=p-zhongjie');
    await tap(page, '#choice-repairs');
    await on(page, '#similar').waitFor();
    const line = await on(page, '#similar').innerText();
    expect(line).toMatch(/邻居已经反映过 \d+ 件类似的问题/);
    expect(line).not.toContain('1号楼电梯');
    // the description box is on the first screen, below the category and that one line
    const box = await on(page, '#input-description').boundingBox();
    expect(box!.y + 40).toBeLessThan(page.viewportSize()!.height);
    await screenshotWhole(page, 'staff-05-report-folded');
    await tap(page, '#btn-similar');
    await expect.poll(() => on(page, '#similar').innerText()).toContain('1号楼电梯');
    await tap(page, '#btn-similar');
    await expect.poll(() => on(page, '#similar').innerText()).not.toContain('1号楼电梯');
    await page.close();
  });

  it('counts the description against the limit, never cuts it, and after a refusal does not promise a harmless retry', async () => {
    const page = await phonePage(browser, RESIDENT);
    await open(page, '/packages/request/report/index?compoundId=p-zhongjie');
    await tap(page, '#choice-other');
    await fill(page, '#input-description', '楼道灯不亮');
    await expect.poll(() => on(page, '#input-description-counter').innerText()).toBe('5 / 500 字');
    const long = `${'三号楼二单元楼道灯坏了，'.repeat(43)}请尽快修`;
    expect(long.length).toBe(520);
    await fill(page, '#input-description', long);
    await expect.poll(() => on(page, '#input-description-counter').innerText()).toContain('超出 20 个字');
    expect((await on(page, '#input-description textarea').inputValue()).length).toBe(520);
    await tap(page, '#btn-submit');
    await expect.poll(() => on(page, '#form-error').innerText()).toContain('问题描述最多 500 个字');
    expect(await page.locator('#retry-note').filter({ visible: true }).count()).toBe(0);
    await screenshotWhole(page, 'staff-06-report-too-long');

    // offline: the copy points at the button on screen (提交), and a retry is safe
    await fill(page, '#input-description', '三号楼二单元楼道灯坏了，晚上看不清台阶');
    await page.route('**/fn/requests', (route) => route.abort());
    await tap(page, '#btn-submit');
    await expect.poll(() => on(page, '#form-error').innerText()).toContain('再点“提交”');
    expect(await on(page, '#form-error').innerText()).not.toContain('重试');
    await on(page, '#retry-note').waitFor();
    await screenshotWhole(page, 'staff-07-report-offline');
    await page.unroute('**/fn/requests');
    await page.close();
  });

  it('the binding form takes a landline written as its own hint shows it', async () => {
    // someone WeChat knows but this street does not yet (no binding, unlike the seeded newcomer others use)
    const openid = `e2e-landline-${Date.now()}`;
    const page = await phonePage(browser, openid);
    await open(page, '/pages/bind/index');
    await chooseFirstHousehold(page, '和睦');
    await fill(page, '#form-name', '马国栋');
    await fill(page, '#form-phone', '024-88886666');
    expect(await on(page, '#form-phone input').inputValue()).toBe('024-88886666');
    await screenshotWhole(page, 'staff-08-bind-landline');
    await tap(page, '#btn-submit-binding');
    await expect.poll(() => on(page, '#bind-done').count()).toBe(1);
    expect((await callFn('identity', 'me', {}, openid)).binding).toMatchObject({ status: 'pending' });
    await page.close();
  });
});

describe('every tab shows the person chosen now', () => {
  it('after switching identity in 我的, the 诉求 tab shows the new person: their requests, their report button, their workbench', async () => {
    const page = await phonePage(browser, RESIDENT);
    const mineOf = async (openid: string) =>
      (await callFn('requests', 'mine', {}, openid)).requests as { id: string; description: string }[];
    const first = await mineOf(RESIDENT);
    const other = await mineOf(OTHER);
    expect(first.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    const visible = (selector: string) => page.locator(selector).filter({ visible: true }).count();
    await open(page, '/pages/requests/index');
    await on(page, `#req-${first[0]!.id}`).waitFor();
    expect(await visible('#link-workbench')).toBe(0);

    // community staff: no home of their own here, but the workbench
    await tabItem(page, '我的').click();
    await tap(page, `#dev-identity-${STAFF}`);
    await expect.poll(() => on(page, '#dev-identity-badge').innerText()).toContain('王丽');
    await tabItem(page, '诉求').click();
    await on(page, '#link-workbench').waitFor();
    await expect.poll(() => visible('#btn-go-bind')).toBe(1);
    expect(await visible('#btn-report')).toBe(0);
    expect(await visible(`#req-${first[0]!.id}`)).toBe(0);

    // another resident: their own requests and their own compound
    await tabItem(page, '我的').click();
    await tap(page, `#dev-identity-${OTHER}`);
    await expect.poll(() => on(page, '#dev-identity-badge').innerText()).toContain('周国庆');
    await tabItem(page, '诉求').click();
    await on(page, `#req-${other[0]!.id}`).waitFor();
    await expect.poll(() => visible('#link-workbench')).toBe(0);
    expect(await visible(`#req-${first[0]!.id}`)).toBe(0);
    await tap(page, '#link-board');
    await expect.poll(() => page.url()).toContain('placeId=p-xinguang');
    await page.goBack();
    await screenshotWhole(page, 'staff-09-requests-tab-after-switch');

    // and the 通知 tab and the card too
    await tabItem(page, '通知').click();
    await expect.poll(() => on(page, '#notices-page').innerText()).toContain('新光花园');
    await tabItem(page, '联系卡').click();
    await expect.poll(() => on(page, '#card-compound-name').innerText()).toContain('新光花园');
    await page.close();
  });
});

describe('the publish banner', () => {
  it('says how many residents a WeChat message will reach and how many allowed none', async () => {
    const page = await phonePage(browser, LEADER);
    await open(page, '/packages/notices-admin/publish/index');
    await on(page, '#category-outage').waitFor();
    await tap(page, '#category-outage');
    await on(page, '#notice-title-input input').fill('明日停水通知');
    await on(page, '#notice-body-input textarea').fill('明天 9:00–12:00 管道检修停水，请提前储水。');
    await expect.poll(() => on(page, '#target-p-zhongjie').getAttribute('class')).toContain('tap-row-selected');
    await tap(page, '#btn-publish');
    await on(page, '.taro-model__confirm').click();
    await on(page, '#publish-done').waitFor();
    const text = await on(page, '#publish-done').innerText();
    const noticeId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    const reach = await callFn('notices', 'reach', { noticeId }, LEADER);
    const recipients = reach.counts.recipients as number;
    // who may get one: the residents holding a 社区通知 grant, as the publish answer counted them
    const willReceive = Number(new URL(page.url().replace('#', '')).searchParams.get('willReceive'));
    expect(Number(new URL(page.url().replace('#', '')).searchParams.get('noGrant'))).toBe(recipients - willReceive);
    if (willReceive === 0) {
      expect(text).toContain('没有人能收到微信提醒');
      expect(text).not.toContain('1 分钟内送到');
    } else {
      expect(text).toContain(`${willReceive} 人`);
      if (recipients > willReceive) expect(text).toContain(`${recipients - willReceive} 人没有开微信提醒`);
    }
    await screenshotWhole(page, 'staff-10-publish-banner');
    await page.close();
  });
});
