import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Taro from '@tarojs/taro';
import { MAIN_PAGES, SUBPACKAGES } from '@linli/shared';
import { describe, expect, it, vi } from 'vitest';
import { goTo, navigateTo, pageUrl, redirectTo, switchTab } from './routes';

const src = join(__dirname, '..');
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe('routes', () => {
  it.each([
    [pageUrl('card'), '/pages/card/index'],
    [pageUrl('card', { compoundId: 'p-hemu' }), '/pages/card/index?compoundId=p-hemu'],
    [pageUrl('request/detail', { id: 'r 1', new: true }), '/packages/request/detail/index?id=r%201&new=1'],
    [pageUrl('booking/detail', { id: 'b1', fresh: false }), '/packages/booking/detail/index?id=b1'],
    [
      pageUrl('booking/confirm', { mode: 'book', serviceId: 's', startAt: '2026-11-20T01:00:00.000Z', endAt: 'e' }),
      '/packages/booking/confirm/index?mode=book&serviceId=s&startAt=2026-11-20T01%3A00%3A00.000Z&endAt=e',
    ],
  ])('%s', (got, want) => expect(got).toBe(want));

  it('opens pages with Taro: navigateTo, redirectTo and switchTab (a tab takes no query)', async () => {
    const navigate = vi.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
    const redirect = vi.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' });
    const tab = vi.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' });
    await navigateTo('workbench/inbox', { placeId: 'c-zhongfang' });
    await redirectTo('request/detail', { id: 'r1', seconded: true });
    await switchTab('services');
    goTo('bind')();
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/packages/workbench/inbox/index?placeId=c-zhongfang', '/pages/bind/index']);
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/request/detail/index?id=r1&seconded=1' });
    expect(tab).toHaveBeenCalledWith({ url: '/pages/services/index' });
  });

  it('every page shared/ lists has its folder, and every page folder is listed', () => {
    expect(folders(join(src, 'pages'))).toEqual([...MAIN_PAGES].sort());
    expect(folders(join(src, 'packages'))).toEqual(Object.keys(SUBPACKAGES).sort());
    for (const [name, pages] of Object.entries(SUBPACKAGES)) {
      expect(folders(join(src, 'packages', name)), name).toEqual([...pages].sort());
      for (const page of pages) {
        expect(existsSync(join(src, 'packages', name, page, 'index.tsx')), `${name}/${page}`).toBe(true);
        expect(existsSync(join(src, 'packages', name, page, 'index.config.ts')), `${name}/${page}`).toBe(true);
      }
    }
  });
});
