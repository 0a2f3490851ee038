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

const errorsOf = new WeakMap<Page, string[]>();

/** A phone-sized page acting as one of the dev identities (the local switcher's storage key). */
export async function phonePage(browser: Browser, openid: string | null): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    hasTouch: true,
  });
  if (openid) await context.addInitScript((id) => window.localStorage.setItem('linli.devOpenid', id), openid);
  const page = await context.newPage();
  const errors: string[] = [];
  errorsOf.set(page, errors);
  page.on('pageerror', (e) => {
    console.error('page error:', e.message);
    errors.push(e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return page;
}

/** What the page logged as errors (console.error and uncaught exceptions) since it opened. */
export const consoleErrors = (page: Page): string[] => [...(errorsOf.get(page) ?? [])];

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

/** GET (no body) or POST JSON to the local host, as a dev identity when given. */
export async function hostRequest(path: string, body?: unknown, openid?: string | null): Promise<any> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-linli-dev-openid': openid } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res.json();
}

/** Calls a cloud function action on the local host and unwraps the envelope (throws on an error code). */
export async function callFn(fn: string, action: string, data: unknown, openid?: string | null): Promise<any> {
  const r = await hostRequest(`/fn/${fn}`, { action, data }, openid);
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.code}`);
  return r.data;
}

/**
 * Taro's h5 router keeps earlier pages of the stack in the DOM, hidden: only the visible copy of
 * an id is the page on screen. (Its Button is a div that takes the click itself.)
 */
export const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();
export const tap = (page: Page, selector: string) => on(page, selector).click();

/** Types into a Taro Input/Textarea (a wrapper element around the real input). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  // Taro renders its Input as a wrapper first and the real <input> inside it a moment later
  const inner = page.locator(`${selector} input, ${selector} textarea`).filter({ visible: true }).first();
  const ready = await inner.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  await (ready ? inner : on(page, selector)).fill(value);
}

/** Loads a route afresh (a full page load, not a hash change the router may answer from its page cache). */
export async function openFresh(page: Page, route: string): Promise<void> {
  await page.goto('about:blank');
  await open(page, route);
}

/**
 * The h5 page scrolls inside its own container, so a full-page screenshot shows one screen:
 * grow the viewport to the visible page's height for the picture, then put it back.
 */
export async function screenshotWhole(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll<HTMLElement>('.taro_page')]
        .filter((e) => e.offsetParent !== null || getComputedStyle(e).display !== 'none')
        .map((e) => e.scrollHeight),
      document.body.scrollHeight,
    ),
  );
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height + 120, viewport.height), 5000) });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}

/** On the binding page: finds the compound by name and takes the first building, unit and room (1号楼 1单元 101). */
export async function chooseFirstHousehold(page: Page, compoundQuery: string): Promise<void> {
  await fill(page, '#search-input', compoundQuery);
  await tap(page, '#btn-search');
  await tap(page, '.compound-hit');
  await tap(page, '.drill-option'); // 1号楼
  await tap(page, '.drill-option'); // 1单元
  await tap(page, '.drill-option'); // 101
}

/** 代办: on staff's 为居民代办 page, finds a resident on a compound's ledger by name and picks her row (`label`, e.g. 陈秀英（户主）). */
export async function chooseLedgerResident(page: Page, compound: string, name: string, label: string): Promise<void> {
  await open(page, '/packages/request/proxy/index');
  await on(page, `.drill-option >> text=${compound}`).click();
  await fill(page, '#proxy-search', name);
  await tap(page, '#btn-proxy-search');
  await on(page, `.tap-row >> text=${label}`).click();
}

/** A resident on the ledger binds with the same name and phone: pre-approved, so the binding answers approved at once. */
export async function bindAsLedgerResident(openid: string, householdId: string, name: string, phone: string): Promise<void> {
  const bound = await callFn('identity', 'requestBinding', { householdId, name, phone }, openid);
  if (bound.binding.status !== 'approved') throw new Error(`binding of ${name} is ${bound.binding.status}, not approved`);
}
