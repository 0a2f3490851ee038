import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWeappQuality, packageSizes } from './quality';

/** A tiny mini-program as DevTools would open it: one page, compression as `setting` says. */
function miniProject(setting: Record<string, boolean>): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-wechat-'));
  const root = join(dir, 'dist');
  mkdirSync(join(root, 'pages', 'index'), { recursive: true });
  writeFileSync(
    join(dir, 'project.config.json'),
    JSON.stringify({ appid: 'touristappid', compileType: 'miniprogram', miniprogramRoot: 'dist/', setting }),
  );
  writeFileSync(join(root, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], lazyCodeLoading: 'requiredComponents' }));
  writeFileSync(join(root, 'app.js'), 'App({});\n');
  writeFileSync(join(root, 'pages', 'index', 'index.js'), 'Page({});\n');
  writeFileSync(join(root, 'pages', 'index', 'index.json'), '{}');
  writeFileSync(join(root, 'pages', 'index', 'index.wxml'), '<view>邻里</view>');
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('WeChat’s code-quality check (miniprogram-ci, offline)', () => {
  it('fails a project whose JS, WXML and WXSS compression are off', async () => {
    const dir = miniProject({ minified: false, minifyWXML: false, minifyWXSS: false });
    dirs.push(dir);
    const { failed } = await checkWeappQuality(() => undefined, dir);
    expect(failed.map((f) => f.name)).toEqual(expect.arrayContaining(['JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN']));
  }, 60_000);

  it('passes the same project with compression on, and counts its main package', async () => {
    const dir = miniProject({ minified: true, minifyWXML: true, minifyWXSS: true });
    dirs.push(dir);
    const { failed, sizes } = await checkWeappQuality(() => undefined, dir);
    expect(failed.map((f) => [f.name, f.text])).toEqual([]);
    expect(sizes[0]?.name).toBe('main');
    expect(sizes[0]?.bytes).toBeGreaterThan(0);
  }, 60_000);

  it('adds up sizes by package as analyseCode attributes the files', () => {
    expect(
      packageSizes([
        { path: 'app.js', size: 10, subPackage: null },
        { path: 'staff/a.js', size: 5, subPackage: 'staff/' },
        { path: 'staff/b.js', size: 7, subPackage: 'staff/' },
      ]),
    ).toEqual([
      { name: 'main', bytes: 10 },
      { name: 'staff', bytes: 12 },
    ]);
  });
});
