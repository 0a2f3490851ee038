import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, layoutProblems, phonePageAt } from './a11y';
import { callFn, launch, on, open, openFresh, screenshot, screenshotWhole, tap } from './browser';

/**
 * 关怀模式 in the browser build: a resident of 新光花园 turns it on from 我的 and calls the
 * 小区点长 from the simple home; it turns on by itself when the browser's font is large; the
 * choice is the person's own and survives a reload.
 */
const RESIDENT = 'dev-resident-2'; // 周国庆, 新光花园 2号楼1单元302
const OTHER = 'dev-resident-1';
/** The pages residents use most, beside the card. */
const RESIDENT_PAGES = [
  '/pages/notices/index',
  '/pages/requests/index',
  '/pages/services/index',
  '/pages/me/index',
  '/packages/booking/mine/index',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const px = (page: Page, selector: string, prop: 'fontSize' | 'height' | 'width') =>
  on(page, selector).evaluate(
    (el, p) => (p === 'fontSize' ? parseFloat(getComputedStyle(el).fontSize) : el.getBoundingClientRect()[p]),
    prop,
  );

describe('关怀模式', () => {
  it('a resident turns it on from 我的 and calls the 小区点长 from the simple home', async () => {
    const page = await phonePageAt(browser, RESIDENT);
    const card = await callFn('team', 'getCard', { compoundId: 'p-xinguang' }, RESIDENT);
    const leader = card.groups.find((g: { role: string }) => g.role === 'pointLeader').members[0];

    await open(page, '/pages/card/index');
    await expect.poll(() => on(page, '#card-compound-name').innerText()).toContain('新光花园');
    expect(await page.locator('#care-home').count()).toBe(0);
    const plainBody = await px(page, '.member-duty, .label-line', 'fontSize');

    await open(page, '/pages/me/index');
    await expect.poll(() => on(page, '#btn-care-mode').innerText()).toBe('开启关怀模式');
    await tap(page, '#btn-care-mode');
    await expect.poll(() => on(page, '#btn-care-mode').innerText()).toBe('关闭关怀模式');
    await expect.poll(() => on(page, '#care-switch-state').innerText()).toContain('已开启');

    await open(page, '/pages/card/index');
    const call = on(page, '#care-home .care-home-call');
    await expect.poll(() => call.getAttribute('href')).toBe(`tel:${leader.phone}`);
    expect(await call.innerText()).toContain(`打电话给小区点长 ${leader.name}`);
    // the three buttons come first, each at least 60 px high and wide
    for (const sel of ['#care-home .care-home-call', '#care-home-report', '#care-home-notices']) {
      expect(await px(page, sel, 'height')).toBeGreaterThanOrEqual(60);
      expect(await px(page, sel, 'width')).toBeGreaterThanOrEqual(60);
    }
    // main text at least 18 px, and larger than before
    const careBody = await px(page, '.member-duty, .label-line', 'fontSize');
    expect(careBody).toBeGreaterThanOrEqual(18);
    expect(careBody).toBeGreaterThan(plainBody);
    expect(await auditPage(page, { minTarget: 60 })).toEqual([]);
    await screenshotWhole(page, 'care-01-simple-home');

    // 看通知 opens the notices tab
    await tap(page, '#care-home-notices');
    await expect.poll(() => page.url()).toContain('/pages/notices/index');

    // remembered across a fresh load, and only for this person
    await openFresh(page, '/pages/card/index');
    await expect.poll(() => on(page, '#care-home').count()).toBe(1);
    await open(page, '/pages/me/index');
    await expect.poll(() => on(page, '#btn-care-mode').innerText()).toBe('关闭关怀模式');
    // another person on the same phone (the local identity switcher): their own choice, not this one's
    await tap(page, `#dev-identity-${OTHER}`);
    await expect.poll(() => on(page, '#me-name').innerText()).toBe('陈秀英');
    await expect.poll(() => on(page, '#btn-care-mode').innerText()).toBe('开启关怀模式');
    await tap(page, `#dev-identity-${RESIDENT}`);
    await expect.poll(() => on(page, '#btn-care-mode').innerText()).toBe('关闭关怀模式');
    await page.context().close();
  });

  it('turns on by itself when the browser font is large, and can be turned off', async () => {
    const page = await phonePageAt(browser, OTHER, { percent: 150 });
    await open(page, '/pages/me/index');
    await expect.poll(() => on(page, '#care-switch-state').innerText()).toContain('自动开启');
    await tap(page, '#btn-care-mode');
    await expect.poll(() => on(page, '#btn-care-mode').innerText()).toBe('开启关怀模式');
    await open(page, '/pages/card/index');
    await expect.poll(() => on(page, '#card-compound-name').innerText()).toContain('中捷木材小区');
    expect(await page.locator('#care-home').filter({ visible: true }).count()).toBe(0);
    // the text still follows the browser's font: 150 % of 16 px and more
    expect(await px(page, '.card-compound-name', 'fontSize')).toBeGreaterThanOrEqual(24);
    await page.context().close();
  });

  for (const percent of [100, 150, 200]) {
    it(`the resident's card and simple home at ${percent} % font: nothing sticks out or is cut off`, async () => {
      const page = await phonePageAt(browser, RESIDENT, { percent, care: true });
      await open(page, '/pages/card/index');
      await expect.poll(() => on(page, '#care-home').count()).toBe(1);
      await page.waitForTimeout(300);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await px(page, '.member-duty, .label-line', 'fontSize')).toBeGreaterThanOrEqual(18 * (percent / 100) - 0.5);
      await screenshotWhole(page, `care-02-card-${percent}`);
      await screenshot(page, `care-03-card-${percent}-first-screen`);
      await page.context().close();
    });

    it(`the resident's other pages at ${percent} % font, in both modes: nothing sticks out or is cut off`, async () => {
      for (const care of [false, true]) {
        const page = await phonePageAt(browser, RESIDENT, { percent, care });
        for (const route of RESIDENT_PAGES) {
          await openFresh(page, route);
          await on(page, '.taro_page .page').waitFor();
          await expect.poll(() => page.locator('.state-loading').filter({ visible: true }).count()).toBe(0);
          await page.waitForTimeout(300);
          expect(await layoutProblems(page), `${route} at ${percent} %`).toEqual([]);
          await screenshot(page, `care-04-${route.split('/').slice(-2, -1)[0]}-${care ? 'care' : 'standard'}-${percent}`);
        }
        await page.context().close();
      }
    });
  }
});
