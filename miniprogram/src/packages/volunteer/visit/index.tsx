import { Text, View } from '@tarojs/components';
import { CATEGORY_CONFIG, REQUEST_CATEGORIES } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useVisitPage } from '../../../features/volunteer/use-lianbao';
import { shanghaiDay } from '../../../features/volunteer/use-volunteer-staff';
import { goTo } from '../../../services/routes';

const FOLLOW_UPS = [
  { value: 'none', label: '不用回访' },
  { value: '3', label: '3 天后回访' },
  { value: '7', label: '一周后回访' },
  { value: '30', label: '一个月后回访' },
] as const;

export default function VisitPage() {
  const p = useVisitPage();
  return (
    <Loaded what={p.visits} shell loadingId="visit-loading" errorId="visit-error">
      {({ householdName, visits }) => (
        <PageShell id="volunteer-visit">
          <View className="card">
            <Text className="h1 block" id="visit-household">
              {householdName}
            </Text>
            <Text className="block muted">十户联保 · 走访记录只有您和社区工作人员能看到</Text>
          </View>
          {p.saved ? (
            <Notice tone="ok" id="visit-saved">
              <Text className="block">已记下这次走访{p.saved.followUpOn ? `，${p.saved.followUpOn} 会提醒您回访` : ''}</Text>
            </Notice>
          ) : null}
          <FormError error={p.guard.error} />
          {visits
            .filter((v) => v.need && !v.requestId)
            .map((v) => (
              <Section key={v.id} id={`need-${v.id}`} className="need-open" title="发现的困难还没上报">
                <Text className="block">{v.need}</Text>
                <Text className="field-label block">属于哪一类</Text>
                <Chips
                  idPrefix={`need-category-${v.id}`}
                  options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_CONFIG[c].label }))}
                  value={p.category}
                  onChange={p.setCategory}
                />
                <AppButton className="btn-raise-need" busy={p.guard.busy === `raise-${v.id}`} onClick={() => p.raise(v.id)}>
                  替住户上报为诉求
                </AppButton>
              </Section>
            ))}
          <Section id="visit-form" title="记一次走访">
            <Chips
              idPrefix="visit-date"
              options={[0, -1, -2, -3].map((i) => ({
                value: shanghaiDay(i),
                label: i === 0 ? '今天' : i === -1 ? '昨天' : shanghaiDay(i).slice(5),
              }))}
              value={p.draft.date}
              onChange={(v) => p.set('date', v)}
            />
            <TextField
              id="visit-topics"
              label="聊了什么"
              value={p.draft.topics}
              onChange={(v) => p.set('topics', v)}
              limit={300}
              multiline
            />
            <TextField
              id="visit-need"
              label="发现什么困难或需求（没有就不填）"
              value={p.draft.need}
              onChange={(v) => p.set('need', v)}
              limit={300}
              multiline
              hint="保存后可以一键替住户上报为诉求"
            />
            <Chips
              idPrefix="visit-follow"
              options={FOLLOW_UPS}
              value={p.draft.followUpDays === null ? 'none' : (String(p.draft.followUpDays) as '3')}
              onChange={(v) => p.set('followUpDays', v === 'none' ? null : Number(v))}
            />
            <AppButton id="btn-save-visit" busy={p.guard.busy === 'save'} onClick={p.submit}>
              保存走访记录
            </AppButton>
          </Section>
          <Section id="visit-history" title="走访记录">
            {visits.length === 0 ? <Text className="muted">还没有走访记录</Text> : null}
            {visits.map((v) => (
              <View key={v.id} className="visit-row">
                <Text className="block strong">
                  {v.date} · {v.partyMemberName}
                  {v.followUpOn ? ` · 回访 ${v.followUpOn}` : ''}
                </Text>
                <Text className="block">{v.topics}</Text>
                {v.need ? <Text className="block">困难：{v.need}</Text> : null}
                {v.requestId ? (
                  <Text className="block link visit-request" onClick={goTo('request/detail', { id: v.requestId })}>
                    已上报为诉求，查看进度 ›
                  </Text>
                ) : null}
              </View>
            ))}
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
