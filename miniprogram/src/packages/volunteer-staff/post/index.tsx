import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { shanghaiDay, usePostActivity } from '../../../features/volunteer/use-volunteer-staff';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
/** 今天 / 明天 / 周三 12-02 (noon in Shanghai is the same UTC day). */
const dayLabel = (day: string, offset: number) =>
  `${offset === 0 ? '今天' : offset === 1 ? '明天' : `周${WEEKDAY[new Date(`${day}T12:00:00+08:00`).getUTCDay()]}`} ${day.slice(5)}`;
const DAYS = Array.from({ length: 14 }, (_, i) => i);
const STARTS = ['07:00', '08:00', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00', '18:00', '19:00'];
const HOURS = [1, 2, 3, 4, 6, 8];

export default function PostActivityPage() {
  const { draft, set, guard, submit } = usePostActivity();
  return (
    <PageShell id="volunteer-post">
      <Section title="活动内容">
        <TextField
          id="post-title"
          label="活动名称（做什么）"
          value={draft.title}
          onChange={(v) => set('title', v)}
          limit={30}
          placeholder="如 社区食堂帮厨"
        />
        <TextField
          id="post-location"
          label="地点"
          value={draft.location}
          onChange={(v) => set('location', v)}
          limit={40}
          placeholder="如 社区食堂"
        />
        <TextField
          id="post-description"
          label="说明（可不填）"
          value={draft.description}
          onChange={(v) => set('description', v)}
          limit={500}
          multiline
          placeholder="要做的事、穿什么、带什么"
        />
      </Section>
      <Section title="时间">
        <Text className="field-label block">哪一天</Text>
        <Chips
          idPrefix="post-day"
          options={DAYS.map((i) => ({ value: shanghaiDay(i), label: dayLabel(shanghaiDay(i), i) }))}
          value={draft.day}
          onChange={(v) => set('day', v)}
        />
        <Text className="field-label block">几点开始</Text>
        <Chips
          idPrefix="post-start"
          options={STARTS.map((s) => ({ value: s, label: s }))}
          value={draft.start}
          onChange={(v) => set('start', v)}
        />
        <Text className="field-label block">多长时间</Text>
        <Chips
          idPrefix="post-hours"
          options={HOURS.map((h) => ({ value: String(h), label: `${h} 小时` }))}
          value={String(draft.hours)}
          onChange={(v) => set('hours', Number(v))}
        />
      </Section>
      <Section title="人数与积分">
        <TextField id="post-seats" label="需要多少人" type="number" value={draft.seats} onChange={(v) => set('seats', v)} maxlength={3} />
        <Chips
          idPrefix="post-kind"
          options={[
            { value: 'perHour', label: '按小时记分' },
            { value: 'perTask', label: '按次记分' },
          ]}
          value={draft.pointsKind}
          onChange={(v) => set('pointsKind', v)}
        />
        <TextField
          id="post-points"
          label={draft.pointsKind === 'perHour' ? '每小时积分' : '每次积分'}
          type="digit"
          value={draft.points}
          onChange={(v) => set('points', v)}
          maxlength={5}
          hint="组织者确认签到后才到账"
        />
        <Text className="field-label block">谁可以报名</Text>
        <Chips
          idPrefix="post-who"
          options={[
            { value: 'community', label: '本社区居民' },
            { value: 'partyMembers', label: '本社区党员' },
            { value: 'anyone', label: '所有人' },
          ]}
          value={draft.whoMayJoin}
          onChange={(v) => set('whoMayJoin', v)}
        />
      </Section>
      <View className="stack">
        <FormError error={guard.error} />
        <AppButton id="btn-post" busy={guard.busy !== null} onClick={submit}>
          发布活动
        </AppButton>
      </View>
    </PageShell>
  );
}
