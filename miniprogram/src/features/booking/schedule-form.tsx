import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { WEEKDAY_LABELS } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Chips } from '../../components/choice';
import { Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import type { OpeningBlock } from './opening-blocks';
import type { ScheduleDraft } from './use-schedule-editor';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: n, label: WEEKDAY_LABELS[n]! }));

/** Every setting of a service's schedule, in the order staff think about them. */
export function ScheduleForm({ draft, update }: { draft: ScheduleDraft; update: (patch: Partial<ScheduleDraft>) => void }) {
  const [closedDate, setClosedDate] = useState('');
  const [closedReason, setClosedReason] = useState('');
  const setBlock = (i: number, patch: Partial<OpeningBlock>) =>
    update({ blocks: draft.blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  return (
    <View id="schedule-form">
      <Section title="每周开放时间">
        {draft.blocks.map((b, i) => (
          <View key={i} className="rule-row" id={`block-${i}`}>
            <View className="row-wrap weekday-chips">
              {WEEKDAYS.map((w) => {
                const on = b.days.includes(w.value);
                return (
                  <View
                    key={w.value}
                    id={`block-${i}-day-${w.value}`}
                    className={`chip ${on ? 'chip-selected' : ''}`}
                    // the last day of a block stays: remove the block instead
                    onClick={() =>
                      on && b.days.length === 1
                        ? undefined
                        : setBlock(i, { days: on ? b.days.filter((d) => d !== w.value) : [...b.days, w.value].sort((x, y) => x - y) })
                    }
                  >
                    <Text>{w.label}</Text>
                  </View>
                );
              })}
            </View>
            <View className="rule-times top-gap-small">
              <TextField
                id={`block-${i}-start`}
                label="开始"
                value={b.start}
                onChange={(start) => setBlock(i, { start })}
                placeholder="09:00"
                maxlength={5}
              />
              <TextField
                id={`block-${i}-end`}
                label="结束"
                value={b.end}
                onChange={(end) => setBlock(i, { end })}
                placeholder="11:30"
                maxlength={5}
              />
              <AppButton small variant="plain" onClick={() => update({ blocks: draft.blocks.filter((_, j) => j !== i) })}>
                删除
              </AppButton>
            </View>
          </View>
        ))}
        <AppButton
          id="btn-add-rule"
          variant="secondary"
          onClick={() => update({ blocks: [...draft.blocks, { days: [1, 2, 3, 4, 5], start: '14:00', end: '16:30' }] })}
        >
          ＋ 添加开放时段
        </AppButton>
        <Text className="field-hint block top-gap-small">同一时间开放的几天放在一起，例如周一到周五 08:30–11:30；下午另加一段。</Text>
      </Section>
      <Section title="号源">
        <TextField
          id="schedule-slot-minutes"
          label="每个时段多少分钟"
          type="number"
          value={draft.slotMinutes}
          onChange={(slotMinutes) => update({ slotMinutes })}
        />
        <TextField id="schedule-seats" label="每个时段几个号" type="number" value={draft.seats} onChange={(seats) => update({ seats })} />
        <TextField
          id="schedule-served-by"
          label="接待人或窗口（可不填）"
          value={draft.servedBy}
          onChange={(servedBy) => update({ servedBy })}
          placeholder="如：社区法律顾问 何律师"
          maxlength={30}
        />
        <TextField
          id="schedule-room"
          label="地点（不填就用服务目录里的地点）"
          value={draft.room}
          onChange={(room) => update({ room })}
          placeholder="如：二楼调解室"
          maxlength={40}
        />
      </Section>
      <Section title="预约规则">
        <TextField
          id="schedule-window"
          label="可以提前几天预约"
          type="number"
          value={draft.windowDays}
          onChange={(windowDays) => update({ windowDays })}
        />
        <TextField
          id="schedule-notice"
          label="开始前几分钟停止预约"
          type="number"
          value={draft.noticeMinutes}
          onChange={(noticeMinutes) => update({ noticeMinutes })}
        />
        <TextField
          id="schedule-cutoff"
          label="开始前几分钟以后不能取消、改约"
          type="number"
          value={draft.cancelCutoffMinutes}
          onChange={(cancelCutoffMinutes) => update({ cancelCutoffMinutes })}
        />
        <TextField
          id="schedule-max-active"
          label="每人同时最多约几个（0 表示不限）"
          type="number"
          value={draft.maxActivePerResident}
          onChange={(maxActivePerResident) => update({ maxActivePerResident })}
        />
        <View className="field">
          <Text className="field-label">调休上班日按周几开放</Text>
          <Chips
            idPrefix="schedule-makeup"
            options={WEEKDAYS.slice(0, 5).map((w) => ({ value: String(w.value), label: w.label }))}
            value={String(draft.makeUpDayAs)}
            onChange={(v) => update({ makeUpDayAs: Number(v) })}
          />
          <Text className="field-hint">法定节假日自动停约；调休的周六、周日按这里选的那天开放。</Text>
        </View>
      </Section>
      <Section title="爽约规则">
        <View className="rule-times">
          <TextField
            id="schedule-noshow-days"
            label="多少天内"
            type="number"
            value={draft.noShowWithinDays}
            onChange={(noShowWithinDays) => update({ noShowWithinDays })}
          />
          <TextField
            id="schedule-noshow-limit"
            label="未到几次"
            type="number"
            value={draft.noShowLimit}
            onChange={(noShowLimit) => update({ noShowLimit })}
          />
          <TextField
            id="schedule-noshow-block"
            label="暂停几天"
            type="number"
            value={draft.noShowBlockDays}
            onChange={(noShowBlockDays) => update({ noShowBlockDays })}
          />
        </View>
        <Text className="field-hint block top-gap-small">暂停期间居民不能在网上预约，会看到到哪天为止；可以到大厅或打电话办理。</Text>
      </Section>
      <Section title="停约日期">
        {draft.closedDates.length === 0 ? <Text className="muted block">没有停约日期。法定节假日不用填，会自动停约。</Text> : null}
        {draft.closedDates.map((c) => (
          <View key={c.date} className="row closed-date">
            <Text className="strong">{c.date}</Text>
            <Text className="muted closed-reason">{c.reason || '停约'}</Text>
            <View className="spacer" />
            <AppButton small variant="plain" onClick={() => update({ closedDates: draft.closedDates.filter((x) => x.date !== c.date) })}>
              删除
            </AppButton>
          </View>
        ))}
        <View className="rule-times top-gap-small">
          <TextField id="closed-date" label="日期" value={closedDate} onChange={setClosedDate} placeholder="2026-12-01" maxlength={10} />
          <TextField
            id="closed-reason"
            label="原因"
            value={closedReason}
            onChange={setClosedReason}
            placeholder="如：设备检修"
            maxlength={30}
          />
        </View>
        <AppButton
          id="btn-add-closed"
          variant="secondary"
          className="top-gap-small"
          onClick={() => {
            if (!closedDate.trim()) return;
            update({ closedDates: [...draft.closedDates, { date: closedDate.trim(), reason: closedReason.trim() }] });
            setClosedDate('');
            setClosedReason('');
          }}
        >
          ＋ 添加停约日期
        </AppButton>
      </Section>
    </View>
  );
}
