import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import './bar-chart.css';

export type ChartSeries = { key: string; label: string; tone: 'a' | 'b' | 'c' };
/** One group of bars: a value per series, null for “nothing to measure” (drawn as a gap, read as —). */
export type ChartRow = { label: string; values: (number | null)[] };

const show = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);

/**
 * A bar chart drawn with plain Views (no canvas, so it renders the same in the mini-program and
 * the browser, and costs no chart library in any package). `columns` draws upright bars along a
 * time axis; `rows` draws one labelled horizontal bar per row. The bars are hidden from screen
 * readers, which read the summary and the data table instead; the table can also be shown on screen.
 */
export function BarChart({
  id,
  title,
  series,
  rows,
  layout,
  unit = '',
  max,
  summary,
}: {
  id: string;
  title: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  layout: 'columns' | 'rows';
  unit?: string;
  /** The value a full bar stands for (100 for rates); the largest value when left out. */
  max?: number;
  /** One sentence a leader would say about the chart, read first by screen readers. */
  summary: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const top = max ?? Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const pct = (v: number | null) => `${v === null ? 0 : Math.max(v > 0 ? 2 : 0, Math.round((v / top) * 100))}%`;
  // label every few columns so a month of days stays readable on a phone
  const every = Math.max(1, Math.ceil(rows.length / 5));
  return (
    <View className="chart" id={id} role="figure" aria-label={`${title}：${summary}`}>
      <View className="chart-head">
        <Text className="chart-title">{title}</Text>
        <View className="chart-toggle-box" id={`${id}-toggle`} role="button" onClick={() => setAsTable(!asTable)}>
          <Text className="chart-toggle">{asTable ? '看图' : '看数据表'}</Text>
        </View>
      </View>
      <Text className="chart-summary">{summary}</Text>
      {series.length > 1 ? (
        <View className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <View key={s.key} className="chart-legend-item">
              <View className={`chart-swatch chart-tone-${s.tone}`} />
              <Text>{s.label}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {!asTable && layout === 'columns' ? (
        <View className="chart-columns" id={`${id}-bars`} aria-hidden="true">
          {rows.map((r, i) => (
            <View key={r.label} className="chart-column">
              <View className="chart-column-bars">
                {r.values.map((v, j) => (
                  <View key={series[j]!.key} className={`chart-bar-v chart-tone-${series[j]!.tone}`} style={{ height: pct(v) }} />
                ))}
              </View>
              <Text className="chart-tick">{i % every === 0 || i === rows.length - 1 ? r.label : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {!asTable && layout === 'rows' ? (
        <View className="chart-rows" id={`${id}-bars`} aria-hidden="true">
          {rows.map((r) => (
            <View key={r.label} className="chart-row">
              <Text className="chart-row-label">{r.label}</Text>
              <View className="chart-row-track">
                <View className={`chart-bar-h chart-tone-${series[0]!.tone}`} style={{ width: pct(r.values[0] ?? null) }} />
              </View>
              <Text className="chart-row-value">{show(r.values[0] ?? null, unit)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {/* the data table: on screen when asked for, always there for screen readers */}
      <View className={asTable ? 'chart-table' : 'chart-table sr-only'} id={`${id}-table`} role="table" aria-label={`${title}数据表`}>
        <View className="chart-tr chart-th" role="row">
          <View className="chart-td" role="columnheader">
            <Text>{layout === 'columns' ? '时间' : '项目'}</Text>
          </View>
          {series.map((s) => (
            <View key={s.key} className="chart-td" role="columnheader">
              <Text>{s.label}</Text>
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View key={r.label} className="chart-tr" role="row">
            <View className="chart-td" role="rowheader">
              <Text>{r.label}</Text>
            </View>
            {r.values.map((v, j) => (
              <View key={series[j]!.key} className="chart-td" role="cell">
                <Text>{show(v, unit)}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
