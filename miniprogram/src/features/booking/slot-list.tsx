import { Text, View } from '@tarojs/components';
import type { SlotView } from '@linli/shared';

function describe(slot: SlotView, moving: boolean): { main: string; sub?: string; tone: 'open' | 'full' | 'off' } {
  if (slot.myBookingId) return { main: '我已预约', sub: '点这里看预约码', tone: 'open' };
  if (slot.myWaitlist) return { main: `候补第 ${slot.myWaitlist.position} 位`, sub: '有人取消会自动约上', tone: 'full' };
  switch (slot.state) {
    case 'open':
      return { main: `剩 ${slot.left} 个`, sub: moving ? '点这里改到这个时间' : '点这里预约', tone: 'open' };
    case 'full':
      return moving
        ? { main: '已约满', tone: 'full' }
        : { main: '已约满', sub: slot.waiting > 0 ? `${slot.waiting} 人在排队 · 点这里候补` : '点这里排队候补', tone: 'full' };
    case 'tooSoon':
      return { main: '来不及预约', sub: '快开始了', tone: 'off' };
    case 'past':
      return { main: '已过时间', tone: 'off' };
    case 'beyondWindow':
      return { main: '还不能预约', sub: '过几天再来', tone: 'off' };
  }
}

/** One day's slots as big rows: the time on the left, seats left (or why not) on the right. */
export function SlotList({ slots, moving, onChoose }: { slots: readonly SlotView[]; moving: boolean; onChoose: (slot: SlotView) => void }) {
  return (
    <View id='slot-list'>
      {slots.map((s) => {
        const d = describe(s, moving);
        const mine = s.myBookingId ? 'slot-row-mine' : '';
        return (
          <View key={s.slotId} id={`slot-${s.start.replace(':', '')}`} data-state={s.state} className={`slot-row slot-row-${d.tone} ${mine}`} onClick={() => onChoose(s)}>
            <Text className='slot-time'>
              {s.start}–{s.end}
            </Text>
            <View className='slot-state'>
              <Text className={d.tone === 'open' ? 'slot-left' : 'slot-sub strong'}>{d.main}</Text>
              {d.sub ? <Text className='slot-sub'>{d.sub}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
