import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatShanghai } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { Chips } from '../../../components/choice';
import { TextField } from '../../../components/text-field';
import { useClosures } from '../../../features/calendar/use-closures';
import { useYearSchedule } from '../../../features/calendar/use-year-schedule';
import { decodeParam } from '../../../services/format';
import '../../../features/calendar/calendar.css';

const SOURCE_TEXT = { entered: '已按国务院通知录入', package: '系统已收录官方安排', computed: '只有法定节假日（按放假办法推算）' } as const;

export default function CalendarSchedulePage() {
  const asked = Number(decodeParam(useRouter().params.year));
  const [year, setYear] = useState(Number.isInteger(asked) && asked > 2000 ? asked : new Date().getFullYear() + 1);
  const e = useYearSchedule(year);
  const c = useClosures(year, e.loaded.setData);
  return (
    <Loaded what={e.loaded} shell pick={(d) => (e.draft ? { data: d, draft: e.draft } : undefined)}>
      {({ data, draft }) => (
        <PageShell id="calendar-schedule">
          <View className="card">
            <View className="calendar-year-bar">
              <AppButton id="btn-year-prev" variant="secondary" small onClick={() => setYear(year - 1)}>
                上一年
              </AppButton>
              <Text className="calendar-year" id="calendar-year">
                {year} 年
              </Text>
              <AppButton id="btn-year-next" variant="secondary" small onClick={() => setYear(year + 1)}>
                下一年
              </AppButton>
            </View>
            <Text className="block muted" id="calendar-source">
              {SOURCE_TEXT[data.source]}
            </Text>
          </View>
          {data.warning ? (
            <Notice tone="warn" id="calendar-year-warning">
              <Text>{data.warning}</Text>
            </Notice>
          ) : null}
          {data.schedule ? (
            <Notice tone="ok" id="calendar-entered">
              <Text>
                {data.schedule.enteredBy.name} 于 {formatShanghai(data.schedule.enteredAt)} 录入（{data.schedule.noticeTitle}，
                {data.schedule.noticeDate}
                ）。修改后保存即可。
              </Text>
            </Notice>
          ) : null}
          <Section id="calendar-form" title="通知内容">
            <TextField
              id="field-notice-title"
              label="通知标题"
              value={draft.noticeTitle}
              onChange={(v) => e.update({ noticeTitle: v })}
              maxlength={80}
            />
            <TextField
              id="field-notice-date"
              label="发布日期"
              placeholder="如 2026-11-10"
              value={draft.noticeDate}
              onChange={(v) => e.update({ noticeDate: v })}
            />
            <Text className="field-hint block">放假安排（已按放假办法填好法定节假日，请按通知改成实际放假的起止日期）</Text>
            {draft.holidays.map((h, i) => (
              <View className="card holiday-run" key={i} id={`holiday-run-${i}`}>
                <TextField
                  id={`field-run-name-${i}`}
                  label="节日"
                  value={h.name}
                  onChange={(v) => e.updateRun(i, { name: v })}
                  maxlength={10}
                />
                <TextField id={`field-run-from-${i}`} label="从" value={h.from} onChange={(v) => e.updateRun(i, { from: v })} />
                <TextField id={`field-run-to-${i}`} label="到" value={h.to} onChange={(v) => e.updateRun(i, { to: v })} />
                <AppButton id={`btn-run-remove-${i}`} variant="secondary" small onClick={() => e.removeRun(i)}>
                  删除这段
                </AppButton>
              </View>
            ))}
            <AppButton id="btn-run-add" variant="secondary" small onClick={e.addRun}>
              添加一段放假
            </AppButton>
            <TextField
              id="field-workdays"
              label="调休上班日"
              hint="周末上班的日子，多个用逗号隔开，如 2027-01-09，2027-02-20；没有就空着"
              value={draft.workdays}
              onChange={(v) => e.update({ workdays: v })}
            />
          </Section>
          {e.saved && !e.error ? (
            <Notice tone="ok" id="calendar-saved">
              <Text>已保存。进行中的诉求期限已按新安排重算，时间线上有记录。</Text>
            </Notice>
          ) : null}
          <FormError error={e.error} />
          <AppButton id="btn-save-calendar" busy={e.busy} onClick={() => void e.save()}>
            保存 {year} 年安排
          </AppButton>
          <Section id="calendar-closures" title="本街道停办日">
            <Text className="field-hint block">
              台风、暴雪或本地节日不办公的日子：这天不算工作日，诉求期限顺延，当天的预约会取消并通知居民。
            </Text>
            {data.closures.length === 0 ? <Text className="muted block">近期没有停办日。</Text> : null}
            {data.closures.map((cl) => (
              <View className="change-row" key={`${cl.placeId}-${cl.date}`} id={`closure-${cl.date}`}>
                <Text className="block">
                  {cl.date} · {cl.placeName} · {cl.reason}
                </Text>
                <Text className="block muted">{cl.addedBy} 添加</Text>
                <AppButton
                  id={`btn-closure-remove-${cl.date}`}
                  variant="secondary"
                  small
                  busy={c.busy === `remove-${cl.placeId}-${cl.date}`}
                  onClick={() => void c.remove(cl)}
                >
                  取消停办
                </AppButton>
              </View>
            ))}
            {(c.places.state.data?.length ?? 0) > 1 ? (
              <Chips idPrefix="closure-place" options={c.places.state.data ?? []} value={c.placeId} onChange={c.setPlaceId} />
            ) : null}
            <TextField id="field-closure-date" label="停办日期" placeholder="如 2026-12-02" value={c.date} onChange={c.setDate} />
            <TextField
              id="field-closure-reason"
              label="原因"
              placeholder="如 台风停工"
              value={c.reason}
              onChange={c.setReason}
              maxlength={40}
            />
            <FormError error={c.error} id="closure-error" />
            <AppButton id="btn-closure-add" variant="secondary" busy={c.busy === 'add'} disabled={!c.placeId} onClick={() => void c.add()}>
              添加停办日
            </AppButton>
          </Section>
          <Section id="calendar-changes" title="修改记录">
            {data.changes.length === 0 ? <Text className="muted">还没有修改记录。</Text> : null}
            {data.changes.map((c) => (
              <View className="change-row" key={c._id}>
                <Text className="block">{c.summary}</Text>
                <Text className="block muted">
                  {c.by.name} · {formatShanghai(c.at)}
                  {c.applied
                    ? ` · 调整了 ${c.applied.requests} 件诉求的期限${c.applied.bookings ? `，取消了 ${c.applied.bookings} 个预约并已通知居民` : ''}`
                    : ' · 正在重算期限和预约'}
                </Text>
              </View>
            ))}
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
