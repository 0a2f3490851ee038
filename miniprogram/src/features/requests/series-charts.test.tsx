import { fireEvent, render } from '@testing-library/react';
import { computeSeries } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { SeriesCharts } from './series-charts';

const days = [
  { day: '2026-11-02', submitted: 3, closed: 1, from_resident: 2, from_patrol: 1, cat_repairs: 2, cat_safety: 1 },
  { day: '2026-11-03', submitted: 1, accepted: 2, acceptedOnTime: 1, rated: 1, solved: 1, satisfied: 1, from_hotline: 1, cat_repairs: 1 },
];
const series = computeSeries(days, { from: '2026-11-01', to: '2026-11-03' }, 'month');

describe('<SeriesCharts>', () => {
  it('says each chart in words and gives screen readers its data table', () => {
    const view = render(<SeriesCharts series={series} />);
    const $ = (s: string) => view.container.querySelector(s);
    expect($('#chart-received')?.getAttribute('aria-label')).toContain('期间新反映 4 件、办结 1 件，11/2 最多（3 件）');
    expect($('#chart-category')?.textContent).toContain('公共设施报修最多，3 件');
    expect($('#chart-source')?.textContent).toContain('多数来自居民反映（2 件）');
    expect($('#chart-rates')?.textContent).toContain('11月：响应率 50%，解决率 100%，满意率 100%');
    // the table is there (hidden on screen) with a row per day and — for a month with nothing to measure
    const table = $('#chart-rates-table')!;
    expect(table.getAttribute('role')).toBe('table');
    expect(table.className).toContain('sr-only');
    expect(table.querySelectorAll('[role="row"]')).toHaveLength(13);
    expect(table.textContent).toContain('—');
    expect($('#chart-received-table')?.textContent).toContain('11/3');
    // the bars are hidden from screen readers; 看数据表 shows the table instead of them
    expect($('#chart-received-bars')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click($('#chart-received-toggle')!);
    expect($('#chart-received-bars')).toBeNull();
    expect($('#chart-received-table')?.className).not.toContain('sr-only');
  });

  it('draws each bar to scale: the peak full, a rate against 100 %', () => {
    const view = render(<SeriesCharts series={series} />);
    const bars = [...view.container.querySelectorAll<HTMLElement>('#chart-received-bars .chart-bar-v')].map((b) => b.style.height);
    // days 11/1, 11/2, 11/3 × (反映, 办结): peak 3 → 100 %
    expect(bars).toEqual(['0%', '0%', '100%', '33%', '33%', '0%']);
    const rates = [...view.container.querySelectorAll<HTMLElement>('#chart-rates-bars .chart-bar-v')].slice(-3).map((b) => b.style.height);
    expect(rates).toEqual(['50%', '100%', '100%']);
  });
});
