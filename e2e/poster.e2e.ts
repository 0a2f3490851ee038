import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, callFn, on, open, openFresh, phonePage, launch, screenshot, screenshotWhole, SCREENS_DIR, tap } from './browser';

/**
 * The printed contact card (张贴海报) in the browser build, in 新光社区's 东塔公寓 (no other browser
 * test changes its team): staff generate the compound's poster and 1号楼's, download each as a PNG
 * (artifacts/screens/poster-*.png, A4 at 150 dpi), and a camera reading its QR code lands on the
 * compound's card; then the team changes and the card tells staff (only) the printed ones are out of date.
 */
const STAFF = 'dev-staff-xinguang';
const RESIDENT = 'dev-resident-1';
const COMPOUND = 'p-dongta';

let browser: Browser;
let staff: Page;
let resident: Page;
let addedId: string | null = null;

beforeAll(async () => {
  browser = await launch();
  [staff, resident] = await Promise.all([phonePage(browser, STAFF), phonePage(browser, RESIDENT)]);
});
afterAll(async () => {
  if (addedId) await callFn('team', 'removeMember', { compoundId: COMPOUND, memberId: addedId }, STAFF).catch(() => undefined);
  await browser?.close();
});

/** Generates the chosen poster, downloads it, and answers the PNG file's path. */
async function generateAndDownload(name: string): Promise<string> {
  await tap(staff, '#btn-generate-poster');
  await on(staff, '#poster-preview').waitFor({ timeout: 20_000 });
  const [download] = await Promise.all([staff.waitForEvent('download'), tap(staff, '#btn-keep-poster')]);
  expect(download.suggestedFilename()).toMatch(/^服务联系卡-.*\.png$/);
  const path = join(SCREENS_DIR, `${name}.png`);
  await download.saveAs(path);
  await on(staff, '#poster-note').waitFor();
  return path;
}

/** What a phone's camera reads from the printed poster: the QR code in its lower right. */
function scanPoster(path: string): { width: number; height: number; text: string } {
  const png = PNG.sync.read(readFileSync(path));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new Error(`no QR code could be read from ${path}`);
  // the code sits in the foot, right of the hall's hours
  expect(found.location.topLeftCorner.x).toBeGreaterThan(png.width / 2);
  expect(found.location.topLeftCorner.y).toBeGreaterThan(png.height * 0.7);
  return { width: png.width, height: png.height, text: found.data };
}

const cardLink = () => `${baseUrl()}/#/pages/card/index?compoundId=${COMPOUND}`;

describe('the printed contact card', () => {
  it('staff open it from 维护三长五员 and generate the compound’s poster: an A4 PNG whose QR code opens the card', async () => {
    await open(staff, `/packages/staff/team/index?compoundId=${COMPOUND}`);
    await tap(staff, '#link-poster');
    await on(staff, '#poster-maker').waitFor();
    await screenshot(staff, 'poster-01-choose');
    const path = await generateAndDownload('poster-dongta');
    await expect(on(staff, '#poster-made').innerText()).resolves.toContain('东塔公寓 的联系卡已生成');
    await screenshotWhole(staff, 'poster-02-made');

    const scanned = scanPoster(path);
    expect([scanned.width, scanned.height]).toEqual([1240, 1754]); // A4 portrait, 150 dpi
    expect(scanned.text).toBe(cardLink());

    // the camera's link opens the compound's card for anyone
    await openFresh(resident, scanned.text.slice(baseUrl().length + 2));
    await expect(on(resident, '#card-hero').innerText()).resolves.toContain('东塔公寓');
  });

  it('a building’s poster: chosen from the list, its own PNG, the same card behind its code', async () => {
    await tap(staff, `#choice-${COMPOUND}-b1`);
    const path = await generateAndDownload('poster-dongta-b1');
    await expect(on(staff, '#poster-made').innerText()).resolves.toContain('东塔公寓 1号楼');
    expect(scanPoster(path).text).toBe(cardLink());
  });

  it('after the team changes, the card tells staff the printed ones are out of date; residents are not told', async () => {
    await openFresh(staff, `/pages/card/index?compoundId=${COMPOUND}`);
    await on(staff, '.card-groups').waitFor();
    expect(await staff.locator('#card-poster-outdated').count()).toBe(0);

    const card = await callFn(
      'team',
      'addMember',
      {
        compoundId: COMPOUND,
        role: 'honoraryLeader',
        person: { name: '孙丽华', phone: '13904009988', dutyHours: '每天 18:00–20:00', services: [], title: '2号楼楼栋长' },
      },
      STAFF,
    );
    addedId = card.groups
      .flatMap((g: { members: { id: string; name: string }[] }) => g.members)
      .find((m: { name: string }) => m.name === '孙丽华').id;

    await openFresh(staff, `/pages/card/index?compoundId=${COMPOUND}`);
    const outdated = on(staff, '#card-poster-outdated');
    await outdated.waitFor();
    const said = await outdated.innerText();
    expect(said).toContain('张贴的联系卡已过期，请重新生成');
    expect(said).toContain('东塔公寓 1号楼');
    await screenshot(staff, 'poster-03-card-outdated');

    await openFresh(resident, `/pages/card/index?compoundId=${COMPOUND}`);
    await on(resident, '.card-groups').waitFor();
    expect(await resident.locator('#card-poster-outdated').count()).toBe(0);

    // 重新生成 goes to the poster page; printing the compound's again leaves only the building's out of date
    await tap(staff, '#btn-poster-again');
    await on(staff, '#poster-maker').waitFor();
    await tap(staff, '#btn-generate-poster');
    await on(staff, '#poster-preview').waitFor({ timeout: 20_000 });
    await openFresh(staff, `/pages/card/index?compoundId=${COMPOUND}`);
    await on(staff, '#card-poster-outdated').waitFor();
    const after = await on(staff, '#card-poster-outdated').innerText();
    expect(after).toMatch(/请重新生成：东塔公寓 1号楼(\s|$)/);
    expect(after).not.toMatch(/东塔公寓、|、东塔公寓(\s|$)/);
  });
});
