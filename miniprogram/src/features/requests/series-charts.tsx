import { View } from '@tarojs/components';
import { formatRate, type FigureSeries } from '@linli/shared';
import { BarChart, type ChartSeries } from '../../components/bar-chart';

const RATES: ChartSeries[] = [
  { key: 'response', label: '响应率', tone: 'a' },
  { key: 'resolution', label: '解决率', tone: 'b' },
  { key: 'satisfaction', label: '满意率', tone: 'c' },
];
const COUNT: ChartSeries[] = [{ key: 'count', label: '件数', tone: 'a' }];

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const monthLabel = (m: string) => `${Number(m.slice(5))}月`;

/**
 * A place's or a department's trends at a glance: received and closed over the period, by
 * category, by source, and the three rates month by month. `receivedLabel` names what was received
 * (a place's new reports, a department's 接单).
 */
export function SeriesCharts({ series: s, receivedLabel = '新反映' }: { series: FigureSeries; receivedLabel?: string }) {
  const receivedSeries: ChartSeries[] = [
    { key: 'submitted', label: receivedLabel, tone: 'a' },
    { key: 'closed', label: '办结', tone: 'b' },
  ];
  const received = sum(s.points.map((p) => p.submitted));
  const closed = sum(s.points.map((p) => p.closed));
  const peak = s.points.reduce((a, p) => (p.submitted > a.submitted ? p : a), s.points[0] ?? { label: '', submitted: 0, closed: 0 });
  const topCategory = s.byCategory[0];
  const topSource = [...s.bySource].sort((a, b) => b.count - a.count)[0];
  const last = [...s.months].reverse().find((m) => m.satisfactionRate !== null || m.responseRate !== null);
  return (
    <View id="series-charts">
      <BarChart
        id="chart-received"
        title={`${receivedLabel}与办结`}
        layout="columns"
        unit="件"
        series={receivedSeries}
        rows={s.points.map((p) => ({ label: p.label, values: [p.submitted, p.closed] }))}
        summary={`期间${receivedLabel} ${received} 件、办结 ${closed} 件${peak.submitted > 0 ? `，${peak.label} 最多（${peak.submitted} 件）` : ''}。`}
      />
      <BarChart
        id="chart-category"
        title="按类别"
        layout="rows"
        unit="件"
        series={COUNT}
        rows={s.byCategory.map((c) => ({ label: c.label, values: [c.count] }))}
        summary={topCategory ? `${topCategory.label}最多，${topCategory.count} 件。` : '这段时间还没有诉求。'}
      />
      <BarChart
        id="chart-source"
        title="按来源"
        layout="rows"
        unit="件"
        series={COUNT}
        rows={s.bySource.map((c) => ({ label: c.label, values: [c.count] }))}
        summary={topSource && topSource.count > 0 ? `多数来自${topSource.label}（${topSource.count} 件）。` : '这段时间还没有诉求。'}
      />
      <BarChart
        id="chart-rates"
        title="近 12 个月三率"
        layout="columns"
        unit="%"
        max={100}
        series={RATES}
        rows={s.months.map((m) => ({ label: monthLabel(m.month), values: [m.responseRate, m.resolutionRate, m.satisfactionRate] }))}
        summary={
          last
            ? `${monthLabel(last.month)}：响应率 ${formatRate(last.responseRate)}，解决率 ${formatRate(last.resolutionRate)}，满意率 ${formatRate(last.satisfactionRate)}（“—”是当月没有可算的件）。`
            : '近 12 个月还没有可算的件。'
        }
      />
    </View>
  );
}
