import { nextServiceDate, shanghaiInstant } from '@linli/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, hostRequest, launch, on, open, phonePage, screenshotWhole, tap } from './browser';

/**
 * 服务群众工作组 and 服务群众工作日 in the browser build (seed 002, 南岸: every Thursday), in 新光社区:
 * the district assigns the community its group, a member joins with the district's code, a resident
 * sees the group on 新光花园's card on the service day and books a slot with it, staff check the
 * resident in, the member records a problem the group collected, and it appears as a request with
 * source 工作组收集 and in the community's month. The clock is set to 08:00 on a Thursday and reset.
 */
const ADMIN = 'dev-admin';
const MEMBER = 'dev-wg-member';
const RESIDENT = 'dev-resident-2';
const STAFF = 'dev-staff-xinguang';
const DAY = nextServiceDate({ weekday: 4 }, new Date());
const at = (time: string) => shanghaiInstant(DAY, time).toISOString();
const MONTH = DAY.slice(0, 7);

let browser: Browser;
let admin: Page;
let member: Page;
let resident: Page;
let staff: Page;
let bookingCode = '';

beforeAll(async () => {
  await hostRequest('/dev/clock', { set: at('08:00') });
  browser = await launch();
  [admin, member, resident, staff] = (await Promise.all([ADMIN, MEMBER, RESIDENT, STAFF].map((o) => phonePage(browser, o)))) as [
    Page,
    Page,
    Page,
    Page,
  ];
});
afterAll(async () => {
  await hostRequest('/dev/clock', { reset: true });
  await browser?.close();
});

const fillIn = (page: Page, id: string, value: string) => on(page, `#${id} input`).fill(value);

describe('服务群众工作组 in the browser', () => {
  it('the district assigns 新光社区 its working group with members, posts and the Thursday service day', async () => {
    await open(admin, '/pages/me/index');
    await on(admin, '#entry-groups').waitFor();
    await tap(admin, '#entry-groups');
    await on(admin, '#group-of-c-xinguang').waitFor();
    await screenshotWhole(admin, 'workgroups-01-district-list');
    await tap(admin, '#group-of-c-xinguang');
    await fillIn(admin, 'group-name', '大东区服务群众工作组（新光社区）');
    for (const [i, name, unit] of [
      [0, '周立群', '大东区人民政府'],
      [1, '韩明', '区民政局'],
      [2, '李静', '东塔街道'],
    ] as const) {
      await fillIn(admin, `group-member-${i}-name`, name);
      await fillIn(admin, `group-member-${i}-unit`, unit);
    }
    await fillIn(admin, 'group-place', '新光社区党群服务中心');
    await screenshotWhole(admin, 'workgroups-02-group-form');
    await tap(admin, '#btn-group-save');
    await on(admin, '#group-saved').waitFor();
    await expect.poll(() => on(admin, '#group-saved-day').innerText()).toContain('每周四 09:00–11:30，新光社区党群服务中心');
    await tap(admin, '#btn-group-invite');
    await on(admin, '#group-invite-code .invite-code').waitFor();
    const code = (await on(admin, '#group-invite-code .invite-code').innerText()).trim();
    await screenshotWhole(admin, 'workgroups-03-group-saved-invite');
    // 韩明 joins with the code the district handed him (the 我的 → 输入邀请码 screen is covered by the staff test)
    const joined = await callFn('identity', 'redeemInvite', { code, name: '韩明' }, MEMBER);
    expect(joined.grant).toMatchObject({ role: 'workGroupMember', placeId: 'wg-c-xinguang' });
  });

  it('on the service day a resident sees the group on the card and books a slot with it', async () => {
    await open(resident, '/pages/card/index?compoundId=p-xinguang');
    await on(resident, '#card-service-day').waitFor();
    const card = await on(resident, '#card-service-day').innerText();
    expect(card).toContain('今天');
    expect(card).toContain('新光社区党群服务中心');
    expect(card).toContain('区级领导 周立群（大东区人民政府）');
    expect(card).toContain('区级部门领导 韩明（区民政局）');
    await on(resident, '#card-service-day').scrollIntoViewIfNeeded();
    await screenshotWhole(resident, 'workgroups-04-card-service-day');
    await tap(resident, '#btn-book-group');
    await on(resident, '#slot-0930').waitFor();
    await screenshotWhole(resident, 'workgroups-05-group-slots');
    await tap(resident, '#slot-0930');
    await on(resident, '#booker-name input').waitFor();
    await on(resident, '#btn-confirm').click();
    await on(resident, '#booking-code').waitFor();
    bookingCode = (await on(resident, '#booking-code').getAttribute('data-code')) ?? '';
    await expect.poll(() => on(resident, '#booking-when').innerText()).toContain('09:30–10:00');
    await screenshotWhole(resident, 'workgroups-06-booked');
    // the resident comes: staff check them in at the hall (the booking function's own check-in)
    await hostRequest('/dev/clock', { set: at('09:35') });
    await callFn('booking', 'checkIn', { communityId: 'c-xinguang', code: bookingCode }, STAFF);
  });

  it('a member records a problem the group collected: a request with source 工作组收集, in the month', async () => {
    await open(member, '/pages/me/index');
    await on(member, '#entry-group').waitFor();
    await tap(member, '#entry-group');
    await on(member, '#btn-collect').waitFor();
    await tap(member, '#btn-collect');
    await on(member, '#collect-compound-p-xinguang').waitFor();
    await tap(member, '#collect-compound-p-xinguang');
    await tap(member, '#collect-category-safety');
    await fillIn(member, 'collect-spot', '新光花园北门人行道');
    await on(member, '#collect-description textarea').fill('北门人行道人车抢道，老人过路危险，居民希望安装阻车桩');
    await screenshotWhole(member, 'workgroups-07-collect-form');
    await tap(member, '#btn-collect-submit');
    await member.waitForURL(/department\/group/);
    await expect.poll(() => on(member, '#group-problems').innerText()).toContain('收集问题 1 件');
    expect(await on(member, '#group-visits').innerText()).toContain('开展服务日 1 次，预约接访 1 人次，到场 1 人次');
    const row = on(member, '#group-collected .tap-row');
    await expect.poll(() => row.innerText()).toContain('工作组收集');
    expect(await row.innerText()).toContain('区级部门领导（区民政局） 韩明');
    await screenshotWhole(member, 'workgroups-08-community-month');

    const month = await callFn('workgroups', 'figures', { communityId: 'c-xinguang', month: MONTH }, STAFF);
    const requestId = month.problems[0]._id as string;
    // the community's staff find it in their request flow, accepted and ready to 分流 / 派单
    const r = await callFn('requests', 'get', { requestId }, STAFF);
    expect(r.status).toBe('accepted');
    await open(staff, `/packages/department/group/index?communityId=c-xinguang&month=${MONTH}`);
    await expect.poll(() => on(staff, '#group-problems').innerText()).toContain('收集问题 1 件，已派单 0 件');
    await screenshotWhole(staff, 'workgroups-09-staff-month');
    await open(staff, `/packages/workbench/detail/index?id=${requestId}`);
    await on(staff, '#link-dispatch').waitFor();
    await screenshotWhole(staff, 'workgroups-10-request-in-workbench');
  });

  it('the street registers a department with the area it serves, edits it, and makes its head’s invitation code', async () => {
    const street = await phonePage(browser, 'dev-street');
    await open(street, '/pages/me/index');
    await on(street, '#entry-registry').waitFor();
    await tap(street, '#entry-registry');
    await on(street, '#dept-registered').waitFor();
    await fillIn(street, 'dept-name', '东塔街道市场监管所');
    await tap(street, '#dept-kind-market');
    await tap(street, '#dept-area-c-xinguang');
    await screenshotWhole(street, 'workgroups-11-register-department');
    await tap(street, '#btn-dept-save');
    const row = street.locator('.tap-row', { hasText: '东塔街道市场监管所' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('新光社区');
    const { registered } = await callFn('departments', 'list', { placeId: 's-dongta' }, 'dev-street');
    const dept = registered.find((d: { name: string }) => d.name === '东塔街道市场监管所');
    expect(dept).toMatchObject({ kind: 'market', areaIds: ['c-xinguang'] });
    // edit: it serves both communities now
    await tap(street, `#btn-edit-${dept._id}`);
    await tap(street, '#dept-area-c-zhongfang');
    await tap(street, '#btn-dept-save');
    await expect
      .poll(
        async () =>
          (await callFn('departments', 'list', { placeId: 's-dongta' }, 'dev-street')).registered.find(
            (d: { _id: string }) => d._id === dept._id,
          ).areaIds,
      )
      .toEqual(['c-xinguang', 'c-zhongfang']);
    await tap(street, `#btn-invite-head-${dept._id}`);
    await on(street, `#dept-invite-code-${dept._id}`).waitFor();
    expect(await on(street, `#dept-invite-code-${dept._id}`).innerText()).toContain('部门负责人邀请码');
    await screenshotWhole(street, 'workgroups-12-department-edited-invite');
  });
});
