import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, launch, on, open, phonePage, screenshot } from './browser';

/**
 * Notices read aloud in the browser build (Web Speech API; WeChat uses the 同声传译 plugin).
 * Chromium here has no voices, so the page's speechSynthesis is replaced by a recorder that
 * "speaks" each utterance in 150 ms (or until the test releases it): the test sees what would
 * be said, in which order, and that 停止 cancels.
 */
const LEADER = 'dev-leader-zhongjie'; // 李斌, 小区点长 of 中捷木材小区
const RESIDENT = 'dev-resident-1'; // 陈秀英, 中捷木材小区 1号楼1单元101
const BUILDING = 'p-zhongjie-b1';

let browser: Browser;
let page: Page;
const [FIRST, SECOND] = [`停水通知 ${Date.now()}`, `燃气检修 ${Date.now()}`];
const titles = [FIRST, SECOND];

const spoken = (p: Page) => p.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);

beforeAll(async () => {
  browser = await launch();
  page = await phonePage(browser, RESIDENT);
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: string[]; __cancelled: number; __hold: boolean };
    w.__spoken = [];
    w.__cancelled = 0;
    w.__hold = false;
    let queue: { u: SpeechSynthesisUtterance; t?: ReturnType<typeof setTimeout> }[] = [];
    const next = () => {
      const head = queue[0];
      if (!head || head.t) return;
      w.__spoken.push(head.u.text);
      // a piece takes 150 ms, and does not end while the test holds it
      const end = () => {
        if (w.__hold) {
          head.t = setTimeout(end, 50);
          return;
        }
        queue.shift();
        head.u.onend?.(new Event('end') as SpeechSynthesisEvent);
        next();
      };
      head.t = setTimeout(end, 150);
    };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak: (u: SpeechSynthesisUtterance) => {
          queue.push({ u });
          next();
        },
        cancel: () => {
          w.__cancelled += 1;
          for (const q of queue) if (q.t) clearTimeout(q.t);
          queue = [];
        },
      },
    });
  });
  for (const [i, title] of titles.entries()) {
    await callFn(
      'notices',
      'publish',
      {
        requestKey: `read-aloud-${i}-${Date.now()}`,
        title,
        body: `${title}的内容。请住户提前做好准备。有问题请找楼栋长。`,
        category: 'urgent',
        targetIds: [BUILDING],
      },
      LEADER,
    );
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('notices read aloud', () => {
  it("plays the feed's urgent notices one after another with one large button", async () => {
    await open(page, '/pages/notices/index');
    const button = on(page, '#notices-read-urgent-button');
    await expect.poll(() => button.innerText()).toMatch(/连续收听 \d+ 条紧急通知/);
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await button.click();
    await expect.poll(() => on(page, '#notices-read-urgent-now').innerText()).toContain('正在朗读第 1 条');
    await screenshot(page, 'read-aloud-01-feed-playing');
    // newest urgent first, as the feed lists them: each title, then its text
    await expect.poll(async () => (await spoken(page)).join('|'), { timeout: 20_000 }).toContain(FIRST);
    await expect.poll(() => button.innerText(), { timeout: 20_000 }).toMatch(/^▶/);
    const said = (await spoken(page)).join('|');
    expect(said.indexOf(SECOND)).toBeGreaterThanOrEqual(0);
    expect(said.indexOf(SECOND)).toBeLessThan(said.indexOf(FIRST));
    expect(said).toContain('请住户提前做好准备');
  });

  it('a notice is read aloud on its own page, and 停止 stops at once', async () => {
    await open(page, '/pages/notices/index');
    await on(page, '.notice-item').click();
    const button = on(page, '#notice-read-button');
    await expect.poll(() => button.innerText()).toBe('▶ 朗读这条通知');
    const before = (await spoken(page)).length;
    // the first piece is held until 停止 has been tapped, however slow the machine
    await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
    await button.click();
    await expect.poll(() => button.innerText()).toBe('■ 停止朗读');
    await button.click();
    await expect.poll(() => button.innerText()).toBe('▶ 朗读这条通知');
    expect(await page.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled)).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
    await page.waitForTimeout(500);
    // stopped during the first piece: once released, the rest was never said
    expect((await spoken(page)).length - before).toBe(1);
    await screenshot(page, 'read-aloud-02-detail');
  });
});
