import { Text, View } from '@tarojs/components';
import { WEEKDAY_LABELS, type AvailabilityDay } from '@linli/shared';

function freeText(d: AvailabilityDay): string {
  if (d.closedReason) return d.closedReason === '这天不开放' ? '不开放' : d.closedReason;
  if (d.free > 0) return `余 ${d.free} 个号`;
  return d.slots > 0 ? '已约满' : '不开放';
}

/** 今天 / 明天 for the first two days (the server's today comes first), else the date. */
function dateText(d: AvailabilityDay, index: number): string {
  if (index === 0) return '今天';
  if (index === 1) return '明天';
  const [, m, day] = d.date.split('-');
  return `${Number(m)}月${Number(day)}日`;
}

/** The booking window as a grid of days: each says how many seats are left, or why it is closed. */
export function DayGrid({
  days,
  selected,
  onSelect,
}: {
  days: readonly AvailabilityDay[];
  selected: string | null;
  onSelect: (date: string) => void;
}) {
  return (
    <View className="day-grid" id="day-grid">
      {days.map((d, i) => {
        const closed = Boolean(d.closedReason);
        const classes = [
          'day-cell',
          closed ? 'day-cell-closed' : '',
          !closed && d.free === 0 ? 'day-cell-full' : '',
          selected === d.date ? 'day-cell-selected' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <View key={d.date} id={`day-${d.date}`} className={classes} data-free={d.free} onClick={() => onSelect(d.date)}>
            <Text className="day-cell-date">{dateText(d, i)}</Text>
            <Text className="day-cell-weekday">{WEEKDAY_LABELS[d.weekday]}</Text>
            <Text className="day-cell-free">{freeText(d)}</Text>
            {d.estimated && !closed ? <Text className="day-cell-estimated">调休未定</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
