import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostRequest, launch, on, open, openFresh, phonePage, screenshot, screenshotWhole, tap } from './browser';

/**
 * Notices in the browser build, in 新光花园 / 新光社区 (other features' tests use 中房社区 and
 * 新光社区's services). The clock is never moved here: the sender is run on demand through
 * POST /dev/timers/notices, as the platform's timer would run it.
 */
const LEADER = 'dev-leader-xinguang'; // 孙丽华, 小区点长 of 新光花园
const RESIDENT = 'dev-resident-2'; // 周国庆, 新光花园 2号楼1单元302
const HOUSEHOLD = 'p-xinguang-b2-u1-302';
const TITLE = '燃气管道检修，请今晚在家等候';

const number = async (page: Page, selector: string, attribute = 'data-value') => Number(await on(page, selector).getAttribute(attribute));

let browser: Browser;
let leader: Page;
let resident: Page;
let noticeId = '';
const before = { read: 0, acked: 0, door: 0 };

beforeAll(async () => {
  browser = await launch();
  leader = await phonePage(browser, LEADER);
  resident = await phonePage(browser, RESIDENT);
});
afterAll(async () => {
  await browser?.close();
});

describe('notices in the browser', () => {
  it('a point leader publishes an urgent notice that asks residents to confirm', async () => {
    await open(leader, '/pages/notices/index');
    await on(leader, '#btn-new-notice').waitFor();
    await screenshot(leader, 'notices-01-leader-tab');
    await tap(leader, '#btn-new-notice');

    await on(leader, '#category-urgent').waitFor();
    await tap(leader, '#category-urgent');
    await on(leader, '#notice-title-input input').fill(TITLE);
    await on(leader, '#notice-body-input textarea').fill(
      '今晚 19:00–21:00 燃气公司入户检修管道，请家里留人开门。家中只有老人的，请告诉楼栋长，我们安排人陪同。',
    );
    // a point leader's own compound is chosen for them; urgent turns "需要确认" on
    await expect.poll(() => on(leader, '#target-p-xinguang').getAttribute('class')).toContain('tap-row-selected');
    await expect.poll(() => on(leader, '#ack-yes').getAttribute('class')).toContain('chip-selected');
    await screenshotWhole(leader, 'notices-02-publish-form');

    await tap(leader, '#btn-publish');
    await on(leader, '.taro-model__confirm').click();
    await on(leader, '#reach-figures').waitFor();
    noticeId = new URL(leader.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(noticeId).not.toBe('');
    expect(await number(leader, '#reach-households')).toBe(72);
    before.read = await number(leader, '#reach-read');
    before.acked = await number(leader, '#reach-acked');
    expect(before.read).toBe(0);
    await screenshotWhole(leader, 'notices-03-reach-published');

    await tap(leader, '#btn-door-list');
    await on(leader, '#door-total').waitFor();
    before.door = await number(leader, '#door-total', 'data-total');
    expect(before.door).toBe(72);
    await expect.poll(() => on(leader, `#door-h-${HOUSEHOLD}`).isVisible()).toBe(true);
    await screenshotWhole(leader, 'notices-04-door-list-before');
  });

  it('the sender messages the households; the resident sees it first in the feed, with the badge', async () => {
    const report = await hostRequest('/dev/timers/notices', {});
    expect(report.ok).toBe(true);
    expect(report.data.sent).toBeGreaterThan(0);
    const inbox = await hostRequest(`/dev/inbox?openid=${RESIDENT}`);
    expect(inbox.messages.some((m: { page: string }) => m.page.includes(noticeId))).toBe(true);

    await open(resident, '/pages/notices/index');
    await on(resident, `#notice-${noticeId}`).waitFor();
    const first = resident.locator('#notices-list .notice-item').filter({ visible: true }).first();
    expect(await first.getAttribute('id')).toBe(`notice-${noticeId}`); // urgent: on top
    expect(await first.getAttribute('data-read')).toBe('0');
    const unread = await number(resident, '#notices-unread', 'data-unread');
    expect(unread).toBeGreaterThan(0);
    await expect
      .poll(() => resident.locator('.weui-tabbar .weui-badge').filter({ visible: true }).first().innerText())
      .toBe(String(unread));
    await screenshot(resident, 'notices-05-resident-feed');
  });

  it('the resident opens it and presses 我已知晓', async () => {
    await tap(resident, `#notice-${noticeId}`);
    await on(resident, '#notice-title').waitFor();
    await expect.poll(() => on(resident, '#notice-title').innerText()).toBe(TITLE);
    await screenshot(resident, 'notices-06-resident-detail');
    await tap(resident, '#btn-ack');
    await on(resident, '#notice-acked').waitFor();
    // and allows one more WeChat message for next time (simulated in the browser build)
    if (await on(resident, '#btn-subscribe').isVisible()) {
      await tap(resident, '#btn-subscribe');
      await on(resident, '#notice-subscribed').waitFor();
    }
    await screenshot(resident, 'notices-07-resident-acked');

    await tap(resident, '#btn-back-to-list');
    await expect
      .poll(async () => resident.locator(`#notice-${noticeId}`).filter({ visible: true }).first().getAttribute('data-read'))
      .toBe('1');
  });

  it('the publisher’s counts rise and the door-knocking list shrinks', async () => {
    await openFresh(leader, `/packages/notices-admin/reach/index?id=${encodeURIComponent(noticeId)}`);
    await on(leader, '#reach-figures').waitFor();
    await expect.poll(() => number(leader, '#reach-read')).toBe(before.read + 1);
    expect(await number(leader, '#reach-acked')).toBe(before.acked + 1);
    expect(await number(leader, '#reach-delivered')).toBeGreaterThan(0);
    await screenshotWhole(leader, 'notices-08-reach-after');

    await tap(leader, '#btn-door-list');
    await on(leader, '#door-total').waitFor();
    expect(await number(leader, '#door-total', 'data-total')).toBe(before.door - 1);
    expect(await leader.locator(`#door-h-${HOUSEHOLD}`).filter({ visible: true }).count()).toBe(0);
    await screenshotWhole(leader, 'notices-09-door-list-after');
  });

  it('anyone can browse the community’s 阳光三务 by month, and residents manage their WeChat reminders', async () => {
    await openFresh(resident, '/packages/notices/archive/index?communityId=c-xinguang');
    await on(resident, '#archive-list').waitFor();
    await screenshot(resident, 'notices-10-archive');
    const months = resident.locator('[id^="month-"]').filter({ visible: true });
    expect(await months.count()).toBeGreaterThanOrEqual(3);
    await months.nth(1).click();
    await expect.poll(() => on(resident, '#archive-list').innerText()).toContain('经费收支公开');

    await openFresh(resident, '/packages/notices/subscriptions/index');
    await on(resident, '#subscription-notice').waitFor();
    await screenshot(resident, 'notices-11-subscriptions');
  });
});
