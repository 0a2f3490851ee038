import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SlotView } from '@linli/shared';
import { splitGone } from './first-bookable';

function describe(slot: SlotView, moving: boolean): { main: string; sub?: string; tone: 'open' | 'full' | 'off' } {
  if (slot.myBookingId) return { main: '我已预约', sub: '点这里看预约码', tone: 'open' };
  if (slot.myWaitlist) return { main: `候补第 ${slot.myWaitlist.position} 位`, sub: '有人取消会自动约上', tone: 'full' };
  // inside the cancellation cutoff a booking locks at once: say so on the row already
  const locked = slot.changeable ? '' : ' · 约后不能网上取消';
  switch (slot.state) {
    case 'open':
      return { main: `剩 ${slot.left} 个`, sub: `${moving ? '点这里改到这个时间' : '点这里预约'}${locked}`, tone: 'open' };
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

function SlotRow({ slot, moving, onChoose }: { slot: SlotView; moving: boolean; onChoose: (slot: SlotView) => void }) {
  const d = describe(slot, moving);
  const mine = slot.myBookingId ? 'slot-row-mine' : '';
  return (
    <View
      id={`slot-${slot.start.replace(':', '')}`}
      data-state={slot.state}
      className={`slot-row slot-row-${d.tone} ${mine}`}
      onClick={() => onChoose(slot)}
    >
      <Text className="slot-time">
        {slot.start}–{slot.end}
      </Text>
      <View className="slot-state">
        <Text className={d.tone === 'open' ? 'slot-left' : 'slot-sub strong'}>{d.main}</Text>
        {d.sub ? <Text className="slot-sub">{d.sub}</Text> : null}
      </View>
    </View>
  );
}

/**
 * One day's slots as big rows: the time on the left, seats left (or why not) on the right. The
 * list opens on the first slot that can still be taken: the ones gone by before it fold into one
 * line that opens on a tap.
 */
export function SlotList({ slots, moving, onChoose }: { slots: readonly SlotView[]; moving: boolean; onChoose: (slot: SlotView) => void }) {
  const [showGone, setShowGone] = useState(false);
  const { gone, rest } = splitGone(slots);
  return (
    <View id="slot-list">
      {gone.length > 0 ? (
        <View id="slots-gone" className="slot-row slot-row-off slots-gone" onClick={() => setShowGone((v) => !v)}>
          <Text className="slot-sub strong">
            {rest.length === 0 ? `这天的 ${gone.length} 个时段都已经过了或来不及约` : `前面 ${gone.length} 个时段已经过了或来不及约`}
          </Text>
          <Text className="slot-sub">{showGone ? '点这里收起' : '点这里查看'}</Text>
        </View>
      ) : null}
      {showGone ? gone.map((s) => <SlotRow key={s.slotId} slot={s} moving={moving} onChoose={onChoose} />) : null}
      {rest.map((s) => (
        <SlotRow key={s.slotId} slot={s} moving={moving} onChoose={onChoose} />
      ))}
    </View>
  );
}
