import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_CONFIG, DESCRIPTION_MAX, REQUEST_CATEGORIES, TIER_LABELS, tierFor, type RequestCategory } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips, ChoiceList, LinkRow } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { PhotoPicker } from '../../../features/requests/photo-picker';
import { RequestItem } from '../../../features/requests/request-item';
import { ToggleRow } from '../../../features/requests/toggle-row';
import { useReportForm } from '../../../features/requests/use-report-form';
import { isRetryable } from '../../../services/error-copy';
import { decodeParam } from '../../../services/format';

const CATEGORY_OPTIONS = REQUEST_CATEGORIES.map((c) => ({ id: c, title: CATEGORY_CONFIG[c].label, sub: CATEGORY_CONFIG[c].hint }));

/**
 * 发现: what the problem is, then straight away what happened (a neighbour's report of the same
 * thing is one line to open), where, photos, whether it is urgent.
 */
export default function ReportPage() {
  const f = useReportForm(decodeParam(useRouter().params.compoundId));
  const { category, emergency, household, others, showSimilar, seconding, error } = f;
  const busy = f.submitting;

  return (
    <PageShell>
      <Section id="report-category" title="1. 是什么问题？">
        {category ? (
          <View className="row-wrap">
            <Text className="chip chip-selected" id="chosen-category">
              {CATEGORY_CONFIG[category].label}
            </Text>
            <Text className="chip" id="btn-change-category" onClick={() => f.setCategory(null)}>
              换一个
            </Text>
          </View>
        ) : (
          <ChoiceList options={CATEGORY_OPTIONS} onSelect={(o) => f.setCategory(o.id as RequestCategory)} />
        )}
        {category ? <Text className="muted block top-gap-small">办理时限：{TIER_LABELS[tierFor(category, emergency)]}</Text> : null}
      </Section>

      {category && others.length > 0 ? (
        <View id="similar" className="card" data-open={showSimilar ? 'yes' : 'no'}>
          {/* one line, so the description box stays right under the category; the list opens on a tap */}
          <LinkRow
            id="btn-similar"
            className="similar-toggle"
            title={`邻居已经反映过 ${others.length} 件类似的问题`}
            sub={showSimilar ? '如果是同一件事，点“我也遇到了”就行，不用重复填写' : '点开看看是不是同一件事'}
            onClick={f.toggleSimilar}
            right={<Text className="tap-row-arrow">{showSimilar ? '收起' : '展开'}</Text>}
          />
          {showSimilar
            ? others.map((r) => (
                <View key={r.id} className="top-gap-small">
                  <RequestItem request={r} onClick={() => undefined} />
                  {r.mine || r.following ? (
                    <Text className="muted block">{r.mine ? '这是您反映的，可在“我的诉求”里看进展。' : '您已经附议过这件。'}</Text>
                  ) : (
                    <AppButton id={`btn-second-${r.id}`} variant="secondary" busy={seconding === r.id} onClick={() => void f.second(r.id)}>
                      我也遇到了（附议）
                    </AppButton>
                  )}
                </View>
              ))
            : null}
        </View>
      ) : null}

      {category ? (
        <>
          <Section id="report-details" title="2. 说一说情况">
            <TextField
              id="input-description"
              label="问题描述"
              multiline
              value={f.description}
              onChange={f.setDescription}
              placeholder="例如：2号楼1单元楼道灯不亮，晚上看不清台阶"
              limit={DESCRIPTION_MAX}
            />
            <Text className="field-label block top-gap">照片（可以不拍）</Text>
            <PhotoPicker photos={f.photos} onChange={f.setPhotos} />
          </Section>
          <Section id="report-where" title="3. 在哪里？">
            <Chips
              idPrefix="where"
              value={f.where}
              onChange={f.setWhere}
              options={[
                { value: 'home', label: household ? `在我家（${household.fullName}）` : '在我家' },
                { value: 'spot', label: '小区里的某个地方' },
              ]}
            />
            {f.where === 'spot' ? (
              <View className="top-gap-small">
                <TextField
                  id="input-spot"
                  label="具体位置"
                  value={f.spot}
                  onChange={f.setSpot}
                  placeholder="例如：3号楼东侧路灯"
                  maxlength={40}
                />
              </View>
            ) : null}
          </Section>
          <Section id="report-urgent" title="4. 紧急吗？">
            <ToggleRow
              id="toggle-emergency"
              on={emergency}
              onChange={f.setEmergency}
              title="紧急：有人身或财产危险"
              sub="如燃气泄漏、水管爆裂、有人被困。紧急的会在 2 小时内反馈。真有危险请先拨打 110 / 119 / 120。"
            />
          </Section>
          <FormError error={error} retry="提交" />
          {/* only when trying again as it is may help; after a refusal the text must change first */}
          {isRetryable(error) ? (
            <Notice tone="info" id="retry-note">
              <Text>再点一次“提交”不会重复提交，同一次填写只算一件。</Text>
            </Notice>
          ) : null}
          <View className="top-gap">
            <AppButton id="btn-submit" busy={busy} onClick={() => void f.submit()}>
              {busy ? '正在提交…' : '提交'}
            </AppButton>
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
