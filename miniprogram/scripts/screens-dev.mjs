/* global document, getComputedStyle -- used inside page.evaluate, in the browser */
// Walks the H5 build on a running local host as residents and staff would, and saves
// phone-sized screenshots to artifacts/screens-dev/ (for a person to look at).
// usage: BASE=http://127.0.0.1:8787 node miniprogram/scripts/screens-dev.mjs [flow ...]
// Flows change data (a binding, a team change, an invite): run against a fresh host (npm run reset).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8787';
// H5_DIR: serve the app from this copy of the build instead of the host's (which others may be rebuilding)
const H5_DIR = process.env.H5_DIR;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };
const OUT = process.env.OUT ?? 'artifacts/screens-dev';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
mkdirSync(OUT, { recursive: true });

const problems = [];

async function open(openid) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'linli-chromium-')), {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  if (openid) await context.addInitScript((id) => localStorage.setItem('linli.devOpenid', id), openid);
  if (H5_DIR) {
    await context.route(`${BASE}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname.startsWith('/fn/') || pathname.startsWith('/dev/')) return route.continue();
      const file = join(H5_DIR, pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
      const path = existsSync(file) ? file : join(H5_DIR, 'index.html');
      return route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) });
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // failed requests are reported below with their address
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${m.text().split('\n')[0]} (at ${page.url()})`);
      if (process.env.TRACE) console.log('console error', m.text().split('\n')[0]);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { context, page };
}

/** Screenshots the visible page, then each further screenful of the page's own scroller (at most `screens`). */
async function snap(page, name, screens = 1) {
  await page.waitForTimeout(400);
  for (let i = 0; i < screens; i++) {
    const more = await page.evaluate((n) => {
      const el = [...document.querySelectorAll('.taro_page')].find((p) => getComputedStyle(p).display !== 'none');
      if (!el) return n === 0;
      el.scrollTop = n * (el.clientHeight - 60);
      return n === 0 || (el.scrollTop > 0 && el.scrollTop >= (n - 1) * (el.clientHeight - 60) + 1);
    }, i);
    if (!more) break;
    await page.waitForTimeout(150);
    const file = `${OUT}/${name}${screens > 1 ? `-${i + 1}` : ''}.png`;
    await page.screenshot({ path: file });
    console.log('saved', file);
  }
  await page.evaluate(() => {
    const el = [...document.querySelectorAll('.taro_page')].find((p) => getComputedStyle(p).display !== 'none');
    if (el) el.scrollTop = 0;
  });
}

/** Screenshots one element (a form, say), scrolled into view. */
async function snapEl(page, selector, name) {
  await page.waitForTimeout(300);
  const file = `${OUT}/${name}.png`;
  await page.locator(selector).first().screenshot({ path: file });
  console.log('saved', file);
}

async function go(page, path) {
  await page.goto(`${BASE}/#${path}`);
  await page.waitForTimeout(1200);
}

async function fill(page, selector, value) {
  const inner = page.locator(`${selector} input, ${selector} textarea`);
  const target = (await inner.count()) > 0 ? inner.first() : page.locator(selector).first();
  await target.fill(value);
}

async function tap(page, selector) {
  if (process.env.TRACE) console.log('tap', selector);
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.locator(selector).first().click();
  await page.waitForTimeout(700);
}

const flows = {
  async resident() {
    const { context, page } = await open('dev-resident-1');
    await go(page, '/pages/card/index');
    await snap(page, '01-card-resident', 3);
    await tap(page, '#btn-services');
    await snap(page, '02-services-resident', 2);
    await go(page, '/pages/me/index');
    await snap(page, '03-me-resident', 2);
    await context.close();
  },
  async visitor() {
    const { context, page } = await open('');
    await go(page, '/pages/card/index');
    await snap(page, '04-card-visitor');
    await tap(page, '#btn-find-compound');
    await snap(page, '05-search-all');
    await fill(page, '#search-input', '新光');
    await tap(page, '#btn-search');
    await snap(page, '06-search-xinguang');
    await tap(page, '.compound-hit');
    await page.waitForTimeout(800);
    await snap(page, '07-card-from-search', 2);
    await context.close();
  },
  async share() {
    const { context, page } = await open('dev-newcomer');
    const compounds = await page.request
      .post(`${BASE}/fn/places`, { data: { action: 'searchCompounds', data: { q: '' } } })
      .then((r) => r.json());
    const incomplete = compounds.data.compounds.at(-1);
    await go(page, `/pages/card/index?compoundId=${incomplete._id}`);
    await snap(page, '08-card-share-link', 2);
    await context.close();
  },
  async bind() {
    // a fresh openid each run: the flow can be repeated without resetting the host
    const { context, page } = await open(process.env.BIND_OPENID ?? `dev-e2e-${Date.now().toString(36)}`);
    await go(page, '/pages/me/index');
    await snap(page, '09-me-newcomer');
    await tap(page, '#btn-bind');
    await snap(page, '10-bind-start');
    await fill(page, '#search-input', '中捷');
    await tap(page, '#btn-search');
    await tap(page, '.compound-hit');
    await snap(page, '11-bind-building');
    await tap(page, '.drill-option');
    await tap(page, '.drill-option');
    await snap(page, '12-bind-room');
    await tap(page, '.drill-option');
    await fill(page, '#form-name', '马桂兰');
    await fill(page, '#form-phone', '1380000');
    await tap(page, '#btn-submit-binding');
    await snap(page, '13-bind-phone-error', 2);
    await fill(page, '#form-phone', '13800001111');
    await tap(page, '#btn-submit-binding');
    await snap(page, '14-bind-done');
    await tap(page, '#btn-back-me');
    await snap(page, '15-me-pending');
    await context.close();
  },
  async staff() {
    const { context, page } = await open('dev-staff-zhongfang');
    await go(page, '/pages/me/index');
    await snap(page, '16-me-staff', 2);
    await tap(page, '#entry-staff-team');
    await page.waitForTimeout(800);
    await snap(page, '17-staff-team-choose');
    await tap(page, '.drill-option');
    await snap(page, '17-staff-team', 3);
    await tap(page, '#team-role-pointLeader .btn-replace');
    await snapEl(page, '#member-form', '18-staff-team-replace-form');
    await fill(page, '#form-name', '');
    await tap(page, '#btn-save-member');
    await snapEl(page, '#member-form', '19-staff-team-replace-error');
    await fill(page, '#form-name', '赵敏');
    await fill(page, '#form-phone', '13900009999');
    await tap(page, '#btn-save-member');
    await page.waitForTimeout(800);
    await snap(page, '20-staff-team-replaced');
    await tap(page, '#team-role-emergencyLeader .btn-remove');
    await snap(page, '20-staff-team-remove-confirm');
    await tap(page, '.taro-model__confirm');
    await page.waitForTimeout(800);
    await snap(page, '20-staff-team-removed');
    await tap(page, '#btn-add-emergencyLeader');
    await fill(page, '#member-form #form-name', '钱进');
    await fill(page, '#member-form #form-phone', '13900008888');
    await fill(page, '#member-form #form-duty', '工作日 9:00–17:00');
    await fill(page, '#member-form #form-services', '突发事件应急处置\n协助点长开展防控工作');
    await snapEl(page, '#member-form', '20-staff-team-add-form');
    await tap(page, '#btn-save-member');
    await page.waitForTimeout(800);
    await tap(page, '#team-role-emergencyLeader .btn-remove');
    await tap(page, '.taro-model__confirm');
    await page.waitForTimeout(800);
    await tap(page, '#link-history');
    await snap(page, '21-staff-history');
    await context.close();
  },
  async review() {
    const { context, page } = await open('dev-staff-zhongfang');
    await go(page, '/staff/bindings/index');
    await snap(page, '22-staff-bindings', 2);
    await fill(page, '.binding-item input', '门牌号不对，请重新选择');
    await tap(page, '.btn-reject');
    await snap(page, '22-staff-bindings-after-reject');
    await tap(page, '#bindings-status-rejected');
    await snap(page, '22-staff-bindings-rejected');
    await context.close();
  },
  async invites() {
    const { context, page } = await open('dev-street');
    await go(page, '/staff/invites/index');
    await snap(page, '23-staff-invites');
    await tap(page, '#invite-role-pointLeader');
    await snap(page, '24-staff-invites-place');
    for (let i = 0; i < 3; i++) {
      if ((await page.locator('#btn-create-invite').count()) > 0) break;
      await tap(page, '.drill-option');
    }
    await tap(page, '#btn-create-invite');
    await snap(page, '25-staff-invite-code');
    await context.close();
  },
  async catalogue() {
    const { context, page } = await open('dev-staff-zhongfang');
    await go(page, '/staff/services/index');
    await snap(page, '26-staff-services');
    await tap(page, '#btn-add-service');
    await snapEl(page, '#service-form', '27-staff-services-form');
    await fill(page, '#form-service-name', '老年人助餐登记');
    await tap(page, '#form-service-category-proxy');
    await fill(page, '#form-service-description', '为 60 岁以上老人登记社区食堂助餐，享受优惠。');
    await fill(page, '#form-service-materials', '身份证\n户口本');
    await fill(page, '#form-service-location', '中房社区党群服务中心二楼');
    await fill(page, '#form-service-hours', '工作日 9:00–11:00');
    await fill(page, '#form-service-contact', '024-88881234 刘老师');
    await tap(page, '#btn-save-service');
    await page.waitForTimeout(800);
    await snapEl(page, '.service-item >> nth=-1', '27-staff-services-added');
    await context.close();
  },
  async missing() {
    // after the staff flow removed an 应急点长: the resident's card says what is missing
    const { context, page } = await open('dev-resident-1');
    await go(page, '/pages/card/index');
    await snap(page, '29-card-missing', 2);
    await context.close();
  },
  async offline() {
    const { context, page } = await open('dev-resident-1');
    await page.route('**/fn/**', (route) => route.abort('internetdisconnected'));
    await go(page, '/pages/card/index');
    await snap(page, '28-card-offline');
    await context.close();
  },
};

const wanted = process.argv.slice(2);
for (const [name, flow] of Object.entries(flows)) {
  if (wanted.length && !wanted.includes(name)) continue;
  try {
    await flow();
  } catch (e) {
    problems.push(`flow ${name} failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
}
if (problems.length) {
  console.log(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exitCode = 1;
}
