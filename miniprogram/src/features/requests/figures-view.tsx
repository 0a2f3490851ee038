import { Text, View } from '@tarojs/components';
import { formatRate, type Figures } from '@linli/shared';
import './requests.css';

export type FigureTile = { label: string; value: string; warn?: boolean; key: string };

/** A grid of figures, each a number over its label (a place's, a department's). */
export function FigureTiles({ items, id }: { items: readonly FigureTile[]; id?: string }) {
  return (
    <View className="figures-grid" id={id}>
      {items.map((i) => (
        <View key={i.key} className={`figure ${i.warn ? 'figure-warn' : ''}`} id={`${id ?? 'fig'}-${i.key}`}>
          <Text className="figure-value">{i.value}</Text>
          <Text className="figure-label">{i.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** The figures real platforms publish, in words a resident understands. */
export function FiguresView({ figures: f, id }: { figures: Figures; id?: string }) {
  const items: FigureTile[] = [
    // two different counts: what residents reported in the period, and what staff accepted in it (reported earlier too)
    { key: 'submitted', label: '新反映（期间报来）', value: String(f.submitted) },
    { key: 'accepted', label: '已受理（期间受理）', value: String(f.accepted) },
    { key: 'acceptedToday', label: '今日受理', value: String(f.acceptedToday) },
    { key: 'closedToday', label: '今日办结', value: String(f.closedToday) },
    { key: 'overdue', label: '当前超时', value: String(f.overdueNow), warn: f.overdueNow > 0 },
    { key: 'response', label: '响应率（按时受理）', value: formatRate(f.responseRate) },
    { key: 'resolution', label: '解决率', value: formatRate(f.resolutionRate) },
    { key: 'satisfaction', label: '满意率', value: formatRate(f.satisfactionRate) },
    { key: 'completion', label: '办结率', value: formatRate(f.completionRate) },
    { key: 'hours', label: '平均办理时长', value: f.avgHandlingHours === null ? '—' : `${f.avgHandlingHours} 小时` },
    { key: 'closed', label: '办结件数', value: String(f.closed) },
  ];
  return <FigureTiles id={id} items={items} />;
}
