import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENS_DIR = join(new URL('..', import.meta.url).pathname, 'artifacts', 'screens');
mkdirSync(SCREENS_DIR, { recursive: true });

/** Debian's Chromium, with the flags this machine needs (no network beyond loopback). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // no --user-data-dir: Playwright refuses it (since 1.5x) and gives each launch a fresh temporary profile itself
    ],
  });
}

/** A phone-sized page acting as one of the dev identities (the local switcher's storage key). */
export async function phonePage(browser: Browser, openid: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true });
  if (openid) await context.addInitScript((id) => window.localStorage.setItem('linli.devOpenid', id), openid);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

export const baseUrl = () => inject('baseUrl');

export async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${baseUrl()}/#${route}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: true });
  return path;
}
