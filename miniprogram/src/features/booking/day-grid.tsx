import { Text, View } from '@tarojs/components';
import type { AvailabilityDay } from '@linli/shared';
import { dayLabel } from './format';

function freeText(d: AvailabilityDay): string {
  if (d.closedReason) return d.closedReason === '这天不开放' ? '不开放' : d.closedReason;
  if (d.free > 0) return `余 ${d.free} 个号`;
  return '已约满';
}

/** The booking window as a grid of days: each says how many seats are left, or why it is closed. */
export function DayGrid({ days, selected, onSelect }: { days: readonly AvailabilityDay[]; selected: string | null; onSelect: (date: string) => void }) {
  return (
    <View className='day-grid' id='day-grid'>
      {days.map((d) => {
        const closed = Boolean(d.closedReason);
        const classes = ['day-cell', closed ? 'day-cell-closed' : '', !closed && d.free === 0 ? 'day-cell-full' : '', selected === d.date ? 'day-cell-selected' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <View key={d.date} id={`day-${d.date}`} className={classes} data-free={d.free} onClick={() => onSelect(d.date)}>
            <Text className='day-cell-date'>{dayLabel(d.date)}</Text>
            <Text className='day-cell-free'>{freeText(d)}</Text>
            {d.estimated && !closed ? <Text className='day-cell-free'>假期未公布</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
