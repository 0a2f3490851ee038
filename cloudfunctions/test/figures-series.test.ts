import type { FigureSeries } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, data, WHO } from './harness';

/**
 * The figures pages' charts through the real dispatch on SQLite: a resident's report and a patrol
 * report each count under their source and category in the day counters, and the community's
 * figures answer the series. Time: 2026-11-20 10:00 Shanghai.
 */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

type App = Awaited<ReturnType<typeof createTestApp>>;
const series = async (app: App, placeId = 'c-zhongfang', period = 'month'): Promise<FigureSeries> =>
  data(await app.call('requests', 'figures', { placeId, period }, WHO.street)).series;
const count = (rows: { key: string; count: number }[], key: string) => rows.find((r) => r.key === key)?.count ?? 0;

describe('figures series', () => {
  it('counts each report by day, source and category, and answers 12 months of rates', async () => {
    const app = await createTestApp();
    const before = await series(app);
    data(
      await app.call(
        'requests',
        'submit',
        {
          key: 'series-resident-1',
          compoundId: 'p-zhongjie',
          category: 'repairs',
          description: '1号楼楼道灯坏了',
          location: { kind: 'home' },
        },
        WHO.resident,
      ),
    );
    const photo = await app.ports.files.save({ name: 'spot.png', contentType: 'image/png', bytes: PNG, ownerOpenid: WHO.pointLeader });
    data(
      await app.call(
        'departments',
        'patrol',
        {
          key: 'series-patrol-1',
          compoundId: 'p-zhongjie',
          category: 'safety',
          description: '3号楼东侧井盖破损，边缘翘起，容易绊倒',
          spot: '3号楼东侧人行道',
          photos: [photo],
        },
        WHO.pointLeader,
      ),
    );
    const after = await series(app);

    // one point a day of the month so far, today's with the two reports
    expect(after.points).toHaveLength(20);
    expect(after.points.at(-1)!.label).toBe('11/20');
    expect(after.points.at(-1)!.submitted).toBe(before.points.at(-1)!.submitted + 2);
    expect(count(after.bySource, 'resident') - count(before.bySource, 'resident')).toBe(1);
    expect(count(after.bySource, 'patrol') - count(before.bySource, 'patrol')).toBe(1);
    expect(count(after.byCategory, 'repairs') - count(before.byCategory, 'repairs')).toBe(1);
    expect(count(after.byCategory, 'safety') - count(before.byCategory, 'safety')).toBe(1);
    expect(after.months.map((m) => m.month)).toEqual([
      '2025-12',
      ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    ]);

    // the street's series counts the community's reports too; a year reads month by month
    const street = await series(app, 's-dongta', 'year');
    expect(street.points.map((p) => p.label).at(-1)).toBe('11月');
    expect(count(street.bySource, 'patrol')).toBeGreaterThanOrEqual(1);
  });
});
