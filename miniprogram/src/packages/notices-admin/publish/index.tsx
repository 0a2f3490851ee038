import { Picker, Text, View } from '@tarojs/components';
import {
  formatShanghai,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  PLACE_KIND_LABELS,
  SUNSHINE_TYPE_LABELS,
  SUNSHINE_TYPES,
  TITLE_MAX,
  BODY_MAX,
  MAX_ATTACHMENTS,
} from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { LIFETIME_CHOICES, usePublishForm } from '../../../features/notices/use-publish-form';
import '../../../features/notices/notices.css';

const YES_NO = [
  { value: 'yes', label: '需要' },
  { value: 'no', label: '不需要' },
] as const;

export default function PublishPage() {
  const { scopes, places, form, set, addAttachments, removeAttachment, uploading, busy, error, publish } = usePublishForm();
  return (
    <Loaded what={scopes} shell>
      {(data) => {
        const categories = NOTICE_CATEGORIES.filter((c) => c !== 'sunshine' || data.canSunshine).map((c) => ({
          value: c,
          label: NOTICE_CATEGORY_LABELS[c],
        }));
        const today = formatShanghai(new Date(), 'YYYY-MM-DD');
        const depth = (kind: string) => (kind === 'building' ? 2 : kind === 'compound' ? 1 : 0);
        const minDepth = Math.min(...places.map((p) => depth(p.kind)));

        return (
          <PageShell id="publish-page">
            <Section title="类别">
              <Chips idPrefix="category" options={categories} value={form.category} onChange={set.chooseCategory} />
              {form.category === 'sunshine' ? (
                <>
                  <Text className="field-label top-gap">公开类型</Text>
                  <Chips
                    idPrefix="sunshine"
                    options={SUNSHINE_TYPES.map((t) => ({ value: t, label: SUNSHINE_TYPE_LABELS[t] }))}
                    value={form.sunshineType}
                    onChange={set.setSunshineType}
                  />
                </>
              ) : null}
            </Section>

            <Section title="内容">
              <TextField
                id="notice-title-input"
                label="标题"
                value={form.title}
                onChange={set.setTitle}
                maxlength={TITLE_MAX}
                placeholder="例如：明天上午停水通知"
                hint={`最多 ${TITLE_MAX} 个字，会显示在微信提醒里`}
              />
              <TextField
                id="notice-body-input"
                label="正文"
                value={form.body}
                onChange={set.setBody}
                multiline
                maxlength={BODY_MAX}
                placeholder="写清楚什么事、什么时间、要大家做什么"
              />
              <Text className="field-label">附件（图片、PDF，最多 {MAX_ATTACHMENTS} 个）</Text>
              {form.attachments.map((a) => (
                <View key={a.fileId} className="row attachment-row">
                  <Text className="attachment-name">
                    {a.kind === 'pdf' ? '📄' : '🖼'} {a.name}
                  </Text>
                  <AppButton small variant="plain" onClick={() => removeAttachment(a.fileId)}>
                    删除
                  </AppButton>
                </View>
              ))}
              <View className="btn-row">
                <AppButton small variant="secondary" busy={uploading} onClick={() => void addAttachments('image')}>
                  添加图片
                </AppButton>
                {process.env.TARO_ENV === 'h5' ? null : (
                  <AppButton small variant="secondary" busy={uploading} onClick={() => void addAttachments('pdf')}>
                    添加 PDF
                  </AppButton>
                )}
              </View>
            </Section>

            <Section title="发给哪里" extra={`已选 ${form.targetIds.length} 处`}>
              <View id="target-list">
                {places.map((p) => {
                  const selected = form.targetIds.includes(p._id);
                  return (
                    <View
                      key={p._id}
                      id={`target-${p._id}`}
                      className={`tap-row target-row target-depth-${depth(p.kind) - minDepth} ${selected ? 'tap-row-selected' : ''}`}
                      onClick={() => set.toggleTarget(p._id)}
                    >
                      <Text className={`target-check ${selected ? 'target-check-on' : ''}`}>{selected ? '✓' : ''}</Text>
                      <View className="tap-row-main">
                        <Text className="tap-row-title">{p.kind === 'building' ? p.name : p.fullName}</Text>
                        <Text className="tap-row-sub">{p.kind === 'building' ? '只发这栋楼' : `整个${PLACE_KIND_LABELS[p.kind]}`}</Text>
                      </View>
                    </View>
                  );
                })}
              </View>
            </Section>

            <Section title="居民看完要点“我已知晓”吗？">
              <Chips idPrefix="ack" options={YES_NO} value={form.needsAck ? 'yes' : 'no'} onChange={(v) => set.setNeedsAck(v === 'yes')} />
              <Text className="muted block top-gap-small">需要的话，您能看到哪些住户已确认，没确认的可以再提醒。</Text>
              <Text className="field-label top-gap">置顶</Text>
              <Chips
                idPrefix="pinned"
                options={[
                  { value: 'no', label: '不置顶' },
                  { value: 'yes', label: '置顶' },
                ]}
                value={form.pinned ? 'yes' : 'no'}
                onChange={(v) => set.setPinned(v === 'yes')}
              />
            </Section>

            <Section title="什么时候发">
              <Chips
                idPrefix="when"
                options={[
                  { value: 'now', label: '现在发布' },
                  { value: 'later', label: '定时发布' },
                ]}
                value={form.scheduled ? 'later' : 'now'}
                onChange={(v) => set.setScheduled(v === 'later')}
              />
              {form.scheduled ? (
                <View className="btn-row top-gap">
                  <Picker mode="date" value={form.date || today} start={today} onChange={(e) => set.setDate(String(e.detail.value))}>
                    <View className="chip picker-chip">{form.date || '选日期'}</View>
                  </Picker>
                  <Picker mode="time" value={form.time} onChange={(e) => set.setTime(String(e.detail.value))}>
                    <View className="chip picker-chip">{form.time}</View>
                  </Picker>
                </View>
              ) : null}
              <Text className="field-label top-gap">在居民通知列表里显示多久</Text>
              <Chips
                idPrefix="lifetime"
                options={LIFETIME_CHOICES.map((d) => ({ value: String(d), label: `${d} 天` }))}
                value={String(form.lifetimeDays)}
                onChange={(v) => set.setLifetimeDays(Number(v))}
              />
            </Section>

            {form.category === 'urgent' || form.category === 'outage' ? (
              <Notice tone="warn">
                <Text>紧急和停水停电通知会排在居民通知列表的最前面。</Text>
              </Notice>
            ) : null}
            <FormError error={error} />
            <AppButton id="btn-publish" busy={busy} disabled={uploading} onClick={() => void publish()}>
              {form.scheduled ? '定时发布' : '发布'}
            </AppButton>
          </PageShell>
        );
      }}
    </Loaded>
  );
}
