import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindAsLedgerResident,
  callFn,
  chooseLedgerResident,
  fill,
  hostRequest,
  launch,
  on,
  open,
  phonePage,
  screenshotWhole,
  tap,
} from './browser';

/**
 * Issue 11 (second half), in the browser build: community staff import the household ledger from
 * Excel (upload, dry run, confirm), a resident on it binds and is approved at once; staff see who
 * holds which role and revoke one, and that person loses access on their next call.
 * Uses 和睦家园 (p-hemu) of 中房社区, and people made up for this file.
 */
const STAFF = 'dev-staff-zhongfang'; // 社区工作人员 王丽, 中房社区
const run = Date.now().toString(36).slice(-4);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function ledgerFile(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('住户台账');
  sheet.addRow(['楼栋', '单元', '房号', '姓名', '手机号', '与户主关系', '身份（可不填）']);
  for (const r of rows) sheet.addRow(r);
  const path = join(mkdtempSync(join(tmpdir(), 'linli-ledger-')), '中房社区台账.xlsx');
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
  return path;
}

describe('the household ledger from Excel', () => {
  it('staff upload a ledger, see every row’s outcome, confirm; a resident on it binds and is approved at once', async () => {
    const name = `孙桂芝${run}`;
    const phone = `1390000${String(parseInt(run, 36) % 10000).padStart(4, '0')}`;
    const path = await ledgerFile([
      ['1号楼', '1单元', '102', name, phone, '户主', '党员'],
      ['1号楼', '1单元', '102', `孙建国${run}`, '13900002222', '户主', ''], // a second householder
      ['8号楼', '1单元', '101', `钱芳${run}`, '13900003333', '子女', ''], // no such building
      ['2号楼', '1单元', '201', `李梅${run}`, '1390000', '配偶', ''], // bad phone
    ]);
    const staff = await phonePage(browser, STAFF);
    await open(staff, '/packages/staff/ledger/index');
    await on(staff, '.drill-option >> text=和睦家园').click();
    await on(staff, '#btn-ledger-template').waitFor();
    await screenshotWhole(staff, 'ledger-01-steps');

    const chooser = staff.waitForEvent('filechooser');
    await tap(staff, '#btn-ledger-upload');
    await (await chooser).setFiles(path);
    await on(staff, '#ledger-dry-run').waitFor({ timeout: 30_000 });
    await expect.poll(() => on(staff, '#ledger-count-create').innerText()).toContain('新增 1');
    expect(await on(staff, '#ledger-count-error').innerText()).toContain('有错误 3');
    expect(await on(staff, '#ledger-row-3').innerText()).toContain('两位户主');
    expect(await on(staff, '#ledger-row-4').innerText()).toContain('小区里没有“8号楼”');
    expect(await on(staff, '#ledger-row-5').innerText()).toContain('手机号“1390000”格式不对');
    await screenshotWhole(staff, 'ledger-02-dry-run');

    // nothing written yet: the same name and phone still waits for review
    const early = await callFn('identity', 'requestBinding', { householdId: 'p-hemu-b1-u1-102', name, phone }, `e2e-ledger-early-${run}`);
    expect(early.binding.status).toBe('pending');

    await tap(staff, '#btn-ledger-confirm');
    await expect.poll(() => on(staff, '#ledger-applied').innerText(), { timeout: 30_000 }).toContain('新增 1 人');
    await screenshotWhole(staff, 'ledger-03-applied');

    const bound = await callFn('identity', 'requestBinding', { householdId: 'p-hemu-b1-u1-102', name, phone }, `e2e-ledger-new-${run}`);
    expect(bound.binding.status).toBe('approved');
    const resident = await phonePage(browser, `e2e-ledger-new-${run}`);
    await open(resident, '/pages/me/index');
    await expect.poll(() => resident.locator('body').innerText()).toContain('和睦家园');
    await screenshotWhole(resident, 'ledger-04-resident-approved');
  });
});

describe('who holds which role', () => {
  it('staff see the roster with who granted it through which invitation, revoke a role, and the person loses access at once', async () => {
    const person = `e2e-roles-${run}`;
    const invite = await callFn('identity', 'createInvite', { role: 'honoraryLeader', placeId: 'p-hemu' }, STAFF);
    await callFn('identity', 'redeemInvite', { code: invite.code, name: '孙志强' }, person);
    // the team page puts him on 和睦家园's 服务联系卡 too
    const onCard = { name: '孙志强', phone: '13912340000', dutyHours: '每天 8:00–20:00', services: ['诉求受理'] };
    await callFn('team', 'addMember', { compoundId: 'p-hemu', role: 'honoraryLeader', person: onCard }, STAFF);
    expect((await hostRequest('/fn/requests', { action: 'list', data: { placeId: 'p-hemu' } }, person)).ok).toBe(true);

    const staff = await phonePage(browser, STAFF);
    await open(staff, '/packages/staff/roles/index');
    const holder = `#holder-p-hemu-honoraryLeader-${person}`;
    await on(staff, holder).waitFor({ timeout: 20_000 });
    expect(await on(staff, holder).innerText()).toContain(`王丽（邀请码 ${invite.code}）`);
    expect(await on(staff, `#invite-${invite.code}`).innerText()).toContain('已使用');
    await screenshotWhole(staff, 'roles-01-roster');

    await on(staff, `${holder} .btn-revoke`).click();
    await on(staff, '#revoke-reason').waitFor();
    const reason = staff.locator('#revoke-reason input').filter({ visible: true }).first();
    await reason.fill('已搬离本小区');
    await screenshotWhole(staff, 'roles-02-confirm');
    await tap(staff, '#btn-revoke-confirm');
    await on(staff, `#role-revocations >> text=已搬离本小区`).waitFor({ timeout: 20_000 });
    expect(await staff.locator(holder).filter({ visible: true }).count()).toBe(0);
    await screenshotWhole(staff, 'roles-03-revoked');

    // the very next call no longer has the role
    const after = await hostRequest('/fn/requests', { action: 'list', data: { placeId: 'p-hemu' } }, person);
    expect(after.error?.code).toBe('COMMON.FORBIDDEN');
    const page = await phonePage(browser, person);
    await open(page, '/pages/me/index');
    await expect.poll(() => page.locator('body').innerText()).not.toContain('荣誉点长');
    await screenshotWhole(page, 'roles-04-revoked-person-me');

    // residents no longer find him on the 服务联系卡: the revoke took him off it in the same write
    const card = await callFn('team', 'getCard', { compoundId: 'p-hemu' }, null);
    expect(JSON.stringify(card.groups)).not.toContain('孙志强');
    await open(page, '/pages/card/index?compoundId=p-hemu');
    await on(page, 'text=和睦家园').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('body').innerText()).not.toContain('孙志强');
    await screenshotWhole(page, 'roles-05-card-without-him');
  });
});

describe('代办: staff report for an elderly resident without a phone', () => {
  it('find her on the ledger, report for her, shown as 代 赵桂兰 提交 · 社区工作人员 王丽; hers once she binds', async () => {
    const staff = await phonePage(browser, STAFF);
    await chooseLedgerResident(staff, '中捷木材小区', '赵桂兰', '赵桂兰（户主）');
    await expect.poll(() => on(staff, '#proxy-chosen').innerText()).toContain('2号楼1单元201');
    await tap(staff, '#choice-repairs');
    await fill(staff, '#proxy-description', '家里暖气不热，老人一个人住，请物业上门看看');
    await screenshotWhole(staff, 'proxy-01-form');
    await tap(staff, '#btn-proxy-submit');
    await expect.poll(() => on(staff, '#proxy-line').innerText(), { timeout: 20_000 }).toBe('代 赵桂兰 提交 · 社区工作人员 王丽');
    await screenshotWhole(staff, 'proxy-02-workbench-detail');
    const id = new URL(staff.url().replace('/#/', '/')).searchParams.get('id')!;
    expect(id).toBeTruthy();

    // she later binds with the name and phone on the ledger: approved at once, the request is hers
    const her = `e2e-proxy-her-${run}`;
    await bindAsLedgerResident(her, 'p-zhongjie-b2-u1-201', '赵桂兰', '13804005001');
    expect((await callFn('requests', 'mine', {}, her)).requests.map((r: { id: string }) => r.id)).toContain(id);
    const page = await phonePage(browser, her);
    await open(page, `/packages/request/detail/index?id=${id}`);
    await expect.poll(() => on(page, '#proxy-line').innerText(), { timeout: 20_000 }).toBe('代 赵桂兰 提交 · 社区工作人员 王丽');
    await screenshotWhole(page, 'proxy-03-resident-sees-hers');
  });
});
