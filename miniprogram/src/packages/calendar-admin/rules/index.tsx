import { Text, View } from '@tarojs/components';
import {
  CATEGORY_CONFIG,
  COMMUNITY_KIND_LABELS,
  DEADLINE_TIERS,
  REQUEST_CATEGORIES,
  TIER_LABELS,
  TRIAGE_LABELS,
  TRIAGE_TRACKS,
  formatShanghai,
  spanText,
} from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { spanAmount, spanUnit, toSpan, useRuleSettings } from '../../../features/calendar/use-rule-settings';
import '../../../features/calendar/calendar.css';

const UNITS = [
  { value: 'hours', label: '小时' },
  { value: 'workdays', label: '工作日' },
] as const;
const STEPS = [
  { key: 'accept', label: '受理时限' },
  { key: 'feedback', label: '首次反馈时限' },
  { key: 'resolve', label: '办结时限' },
] as const;
const ESCALATION_ROWS = [
  { key: 'accept', label: '超过受理时限后' },
  ...DEADLINE_TIERS.map((t) => ({ key: t, label: `${TIER_LABELS[t].split('（')[0]!}：超过办结时限后` })),
] as const;
const TIER_OPTIONS = DEADLINE_TIERS.map((t) => ({ value: t, label: TIER_LABELS[t].split('（')[0]! }));
const KIND_OPTIONS = (['urban', 'village'] as const).map((k) => ({ value: k, label: COMMUNITY_KIND_LABELS[k] }));
const TRACK_OPTIONS = TRIAGE_TRACKS.map((t) => ({ value: t, label: TRIAGE_LABELS[t].label }));

export default function RulesPage() {
  const e = useRuleSettings();
  return (
    <Loaded what={e.loaded} shell pick={(d) => (e.draft ? { data: d, draft: e.draft } : undefined)}>
      {({ data, draft }) => (
        <PageShell id="rules-settings">
          <Notice tone="info" id="rules-in-force">
            <Text>
              今天起提交的诉求按{data.inForce.effectiveFrom ? ` ${data.inForce.effectiveFrom} 起生效的规则` : '默认规则（12345 热线期限）'}
              办理
              {data.upcoming ? `；${data.upcoming.effectiveFrom} 起改按 ${data.upcoming.savedBy.name} 保存的新规则` : ''}
              。已经提交的诉求按提交时的规则办理。
            </Text>
          </Notice>
          {!data.canEdit ? (
            <Notice tone="warn">
              <Text>这些规则由区级管理员设置，您可以查看。</Text>
            </Notice>
          ) : null}
          <Section id="rules-tiers" title="期限档次">
            {DEADLINE_TIERS.map((tier) => (
              <View className="holiday-run" key={tier} id={`tier-${tier}`}>
                <Text className="block calendar-tier-name">{TIER_LABELS[tier].split('（')[0]}</Text>
                {STEPS.map((step) => {
                  const span = draft.tiers[tier][step.key];
                  return (
                    <View key={step.key}>
                      <TextField
                        id={`field-${tier}-${step.key}`}
                        label={`${step.label}（${spanText(span)}）`}
                        type="digit"
                        value={String(spanAmount(span))}
                        onChange={(v) => e.setTier(tier, step.key, toSpan(spanUnit(span), Number(v)))}
                      />
                      <Chips
                        idPrefix={`unit-${tier}-${step.key}`}
                        options={UNITS}
                        value={spanUnit(span)}
                        onChange={(u) => e.setTier(tier, step.key, toSpan(u, spanAmount(span)))}
                      />
                    </View>
                  );
                })}
                <TextField
                  id={`field-${tier}-warn`}
                  label="到期前多少小时提醒承办人"
                  type="digit"
                  value={String(draft.tiers[tier].warnBeforeHours)}
                  onChange={(v) => e.setWarn(tier, Number(v))}
                />
              </View>
            ))}
          </Section>
          <Section id="rules-escalation" title="督办间隔：超时后每隔多久再升一级">
            {ESCALATION_ROWS.map((row) => {
              const span = draft.escalateEvery[row.key];
              return (
                <View className="holiday-run" key={row.key} id={`escalate-${row.key}`}>
                  <TextField
                    id={`field-escalate-${row.key}`}
                    label={`${row.label}（每 ${spanText(span)}升一级）`}
                    type="digit"
                    value={String(spanAmount(span))}
                    onChange={(v) => e.setEscalation(row.key, toSpan(spanUnit(span), Number(v)))}
                  />
                  <Chips
                    idPrefix={`unit-escalate-${row.key}`}
                    options={UNITS}
                    value={spanUnit(span)}
                    onChange={(u) => e.setEscalation(row.key, toSpan(u, spanAmount(span)))}
                  />
                </View>
              );
            })}
          </Section>
          <Section id="rules-categories" title="诉求类别：期限档次与三事分流">
            {REQUEST_CATEGORIES.map((c) => (
              <View className="change-row" key={c} id={`category-${c}`}>
                <Text className="block">{CATEGORY_CONFIG[c].label}</Text>
                <Chips
                  idPrefix={`cat-tier-${c}`}
                  options={TIER_OPTIONS}
                  value={draft.categories[c].tier}
                  onChange={(t) => e.setCategory(c, { tier: t })}
                />
                <Chips
                  idPrefix={`cat-track-${c}`}
                  options={TRACK_OPTIONS}
                  value={draft.categories[c].track}
                  onChange={(t) => e.setCategory(c, { track: t })}
                />
              </View>
            ))}
          </Section>
          <Section id="rules-community" title="社区参数">
            <TextField
              id="field-yishiting-threshold"
              label="议事厅议题需要多少人附议"
              type="number"
              value={String(draft.community.yishitingSupportThreshold)}
              onChange={(v) => e.setThreshold(Number(v))}
            />
            <Text className="block">社区类型（决定居民会议还是村民会议议事）</Text>
            <Chips idPrefix="kind" options={KIND_OPTIONS} value={draft.community.communityKind ?? 'urban'} onChange={e.setKind} />
          </Section>
          {data.canEdit ? (
            <>
              <TextField
                id="field-effective-from"
                label="生效日期"
                hint="这天起提交的诉求按新规则办理，不能早于今天"
                value={e.effectiveFrom}
                onChange={e.setEffectiveFrom}
              />
              {e.saved && !e.error ? (
                <Notice tone="ok" id="rules-saved">
                  <Text>已保存，{e.effectiveFrom} 起生效。</Text>
                </Notice>
              ) : null}
              <FormError error={e.error} />
              <AppButton id="btn-save-rules" busy={e.busy} onClick={() => void e.save()}>
                保存规则
              </AppButton>
              <AppButton id="btn-reset-rules" variant="secondary" onClick={e.reset}>
                恢复默认（12345 热线期限）
              </AppButton>
            </>
          ) : null}
          <Section id="rules-versions" title="修改记录">
            {data.versions.length === 0 ? <Text className="muted">还没有修改过，一直按默认规则办理。</Text> : null}
            {data.versions.map((v) => (
              <View className="change-row" key={v.effectiveFrom}>
                <Text className="block">{v.effectiveFrom} 起生效</Text>
                <Text className="block muted">
                  {v.savedBy.name} · {formatShanghai(v.savedAt)}
                </Text>
              </View>
            ))}
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
