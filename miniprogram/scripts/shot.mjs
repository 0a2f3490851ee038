// Ad-hoc screenshot of one page of the H5 build, as a given dev identity.
// usage: node miniprogram/scripts/shot.mjs <hash-path> <out.png> [openid] [base]
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [path = '/pages/card/index', out = 'artifacts/screens-dev/shot.png', openid = '', base = process.env.BASE ?? 'http://127.0.0.1:8787'] = process.argv.slice(2);
const userDataDir = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  locale: 'zh-CN',
});
if (openid) await context.addInitScript((id) => localStorage.setItem('linli.devOpenid', id), openid);
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(`${base}/#${path}`);
await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' });
console.log('saved', out);
await context.close();
