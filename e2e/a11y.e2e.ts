import { MAIN_PAGES, SUBPACKAGES, type MainPage, type PackagePage } from '@linli/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, phonePageAt, type Finding } from './a11y';
import { callFn, launch, on, openFresh, screenshot } from './browser';

/**
 * Every page of the app (the list in shared/'s pages.ts, so a new page is swept too), opened by
 * the person who uses it, in both modes: axe-core's serious and critical violations, text under
 * 16 px, tap targets under 44 × 44 (60 × 60 in 关怀模式) and contrast under 4.5 : 1 fail.
 */
const RESIDENT = 'dev-resident-1'; // 陈秀英, 中捷木材小区, 中房社区
const STAFF = 'dev-staff-zhongfang'; // 王丽, 中房社区

type PageName = MainPage | PackagePage;
interface Ids {
  serviceId: string;
  noticeId: string;
  requestId: string;
  bookingId: string;
  activityId: string;
  dispatchId: string;
}

type Visit = (ids: Ids) => { as: string; query?: string };
/**
 * Who opens each page, with which query (ids looked up from the seeded street). A page missing
 * here is still swept, opened by community staff without a query: give it a row when it needs one.
 */
const VISITS: Partial<Record<PageName, Visit>> = {
  card: () => ({ as: RESIDENT }),
  services: () => ({ as: RESIDENT }),
  me: () => ({ as: RESIDENT }),
  notices: () => ({ as: RESIDENT }),
  requests: () => ({ as: RESIDENT }),
  search: () => ({ as: RESIDENT }),
  bind: () => ({ as: 'dev-newcomer' }),
  'staff/team': () => ({ as: STAFF, query: 'compoundId=p-zhongjie' }),
  'staff/history': () => ({ as: STAFF, query: 'compoundId=p-zhongjie' }),
  'staff/poster': () => ({ as: STAFF, query: 'compoundId=p-zhongjie' }),
  'staff/bindings': () => ({ as: STAFF }),
  'staff/invites': () => ({ as: STAFF }),
  'staff/services': () => ({ as: STAFF }),
  'booking/slots': (i) => ({ as: RESIDENT, query: `serviceId=${i.serviceId}` }),
  'booking/confirm': (i) => ({
    as: RESIDENT,
    query: `mode=book&serviceId=${i.serviceId}&startAt=2026-11-23T01:00:00.000Z&endAt=2026-11-23T01:30:00.000Z`,
  }),
  'booking/detail': (i) => ({ as: RESIDENT, query: `id=${i.bookingId}` }),
  'booking/mine': () => ({ as: RESIDENT }),
  'booking-staff/today': () => ({ as: STAFF }),
  'booking-staff/roster': (i) => ({ as: STAFF, query: `serviceId=${i.serviceId}` }),
  'booking-staff/check-in': () => ({ as: STAFF, query: 'communityId=c-zhongfang' }),
  'booking-staff/schedule': (i) => ({ as: STAFF, query: `serviceId=${i.serviceId}` }),
  'notices/detail': (i) => ({ as: RESIDENT, query: `id=${i.noticeId}` }),
  'notices/archive': () => ({ as: RESIDENT, query: 'communityId=c-zhongfang' }),
  'notices/subscriptions': () => ({ as: RESIDENT }),
  'notices-admin/publish': () => ({ as: STAFF }),
  'notices-admin/list': () => ({ as: STAFF }),
  'notices-admin/reach': (i) => ({ as: STAFF, query: `id=${i.noticeId}` }),
  'notices-admin/door-list': (i) => ({ as: STAFF, query: `id=${i.noticeId}` }),
  'request/report': () => ({ as: RESIDENT, query: 'compoundId=p-zhongjie' }),
  'request/detail': (i) => ({ as: RESIDENT, query: `id=${i.requestId}` }),
  'request/board': () => ({ as: RESIDENT, query: 'placeId=p-zhongjie' }),
  'workbench/inbox': () => ({ as: STAFF, query: 'placeId=c-zhongfang' }),
  'workbench/detail': (i) => ({ as: STAFF, query: `id=${i.requestId}` }),
  'workbench/figures': () => ({ as: STAFF, query: 'placeId=c-zhongfang' }),
  'volunteer/list': () => ({ as: RESIDENT, query: 'communityId=c-zhongfang' }),
  'volunteer/activity': (i) => ({ as: RESIDENT, query: `id=${i.activityId}` }),
  'volunteer/points': () => ({ as: RESIDENT, query: 'communityId=c-zhongfang' }),
  'volunteer-staff/lianbao': () => ({ as: STAFF, query: 'communityId=c-zhongfang&compoundId=p-zhongjie' }),
  'department/part': (i) => ({ as: 'dev-dept-zhujian', query: `id=${encodeURIComponent(i.dispatchId)}` }),
  'department/ranking': () => ({ as: 'dev-admin', query: 'districtId=d-dadong' }),
  'department/registry': () => ({ as: 'dev-street' }),
  'department/groups': () => ({ as: 'dev-admin' }),
  'department/group': () => ({ as: 'dev-admin', query: 'communityId=c-xinguang' }),
  'department/collect': () => ({ as: 'dev-admin', query: 'communityId=c-xinguang' }),
};

const PAGES: PageName[] = [
  ...MAIN_PAGES,
  ...(Object.entries(SUBPACKAGES) as [string, readonly string[]][]).flatMap(([pkg, pages]) =>
    pages.map((p) => `${pkg}/${p}` as PackagePage),
  ),
];
const visitOf = (page: PageName): Visit => VISITS[page] ?? (() => ({ as: STAFF }));
const pathOf = (page: PageName) => (page.includes('/') ? `/packages/${page}/index` : `/pages/${page}/index`);

const first = async <T>(load: () => Promise<T | undefined>): Promise<T | 'none'> => {
  try {
    return (await load()) ?? 'none';
  } catch (e) {
    console.log('lookup failed:', (e as Error).message);
    return 'none';
  }
};

let browser: Browser;
let ids: Ids;
beforeAll(async () => {
  browser = await launch();
  const serviceId = await first(
    async () =>
      (await callFn('catalogue', 'list', { communityId: 'c-zhongfang' }, RESIDENT)).services.find((s: { bookable: boolean }) => s.bookable)
        ?._id,
  );
  ids = {
    serviceId,
    noticeId: await first(async () => (await callFn('notices', 'feed', {}, RESIDENT)).items[0]?._id),
    requestId: await first(async () => (await callFn('requests', 'mine', {}, RESIDENT)).requests[0]?.id),
    // the resident's own booking, or one made now on the first open slot
    bookingId: await first(async () => {
      const mine = await callFn('booking', 'mine', {}, RESIDENT);
      const held = [...mine.upcoming, ...mine.past][0]?._id;
      if (held) return held;
      const { days } = await callFn('booking', 'days', { serviceId }, RESIDENT);
      for (const day of days.filter((d: { slots: number }) => d.slots > 0)) {
        const { slots } = await callFn('booking', 'slots', { serviceId, date: day.date }, RESIDENT);
        const booker = { name: '陈秀英', phone: '13800000001', note: '' };
        // today's first slots may be past their cutoff: the first one that takes the booking
        for (const slot of slots.filter((s: { left: number }) => s.left > 0)) {
          const made = await callFn(
            'booking',
            'book',
            { serviceId, startAt: slot.startAt, booker, requestKey: `a11y-${slot.slotId}` },
            RESIDENT,
          ).catch(() => null);
          if (made) return made.booking._id;
        }
      }
      return undefined;
    }),
    activityId: await first(
      async () => (await callFn('volunteer', 'activities', { communityId: 'c-zhongfang' }, RESIDENT)).activities[0]?.id,
    ),
    // no part is seeded: a new request of the resident's, accepted by the 点长, and dispatched by
    // the street to 住建, whose head opens it
    dispatchId: await first(async () => {
      const { request } = await callFn(
        'requests',
        'submit',
        {
          key: 'a11y-request-for-part',
          compoundId: 'p-zhongjie',
          category: 'environment',
          description: '北门外道路积水严重，需要市政改造',
          location: { kind: 'spot', text: '小区北门' },
        },
        RESIDENT,
      );
      await callFn('requests', 'accept', { requestId: request.id }, 'dev-leader-zhongjie');
      const { parts } = await callFn(
        'departments',
        'dispatch',
        { key: 'a11y-dispatch-part', requestId: request.id, departmentIds: ['dept-zhujian'] },
        'dev-street',
      );
      return parts.find((p: { departmentId: string }) => p.departmentId === 'dept-zhujian')?._id;
    }),
  };
  // every id found in the seeded street: a page opened without one would only show its error
  expect(Object.entries(ids).filter(([, id]) => id === 'none')).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the page and waits until it has loaded what it shows (no loading state left). */
async function visit(page: Page, name: PageName): Promise<void> {
  const { query } = visitOf(name)(ids);
  // a fresh load: the router's stack of earlier pages stays out of the way
  await openFresh(page, `${pathOf(name)}${query ? `?${query}` : ''}`);
  await on(page, '.taro_page .page').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('.state-loading').filter({ visible: true }).count(), { timeout: 15_000 }).toBe(0);
  // NutUI tabs slide, toasts fade
  await page.waitForTimeout(400);
}

const describeFindings = (findings: Finding[]) => findings.map((f) => `[${f.check}] ${f.what}`);

describe.each([
  { mode: '标准', care: false, minTarget: 44 },
  { mode: '关怀模式', care: true, minTarget: 60 },
])('accessibility of every page ($mode)', ({ care, minTarget, mode }) => {
  const pages = new Map<string, Page>();
  const pageAs = async (openid: string) => {
    let page = pages.get(openid);
    if (!page) {
      page = await phonePageAt(browser, openid, { care });
      pages.set(openid, page);
    }
    return page;
  };
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  it.each(PAGES)('%s', async (name) => {
    const page = await pageAs(visitOf(name)(ids).as);
    await visit(page, name);
    const findings = describeFindings(await auditPage(page, { minTarget }));
    if (findings.length > 0) {
      console.log(`${mode} ${name}:\n  ${findings.join('\n  ')}`);
      await screenshot(page, `a11y-${care ? 'care' : 'standard'}-${name.replace('/', '-')}`);
    }
    expect(findings, `${mode} ${name}`).toEqual([]);
  });
});
