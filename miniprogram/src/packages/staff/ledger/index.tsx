import { Text, View } from '@tarojs/components';
import { LEDGER_OUTCOME_LABELS, LEDGER_OUTCOMES, LEDGER_PREVIEW_ROWS } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { StaffScopeBar, useStaffPlace } from '../../../features/identity/staff-scope';
import { useLedgerImport } from '../../../features/ledger/use-ledger-import';
import '../staff.css';

const FORBIDDEN = '导入住户台账需要社区或街道工作人员身份。';

export default function StaffLedgerPage() {
  const { drill, placeId, gate } = useStaffPlace('compound', FORBIDDEN);
  const l = useLedgerImport(placeId);

  if (gate) return gate;
  const run = l.run;
  const applied = l.progress?.done === true || run?.status === 'applied';

  return (
    <PageShell>
      <StaffScopeBar drill={drill} target="compound" />
      {drill.done ? (
        <>
          <Section id="ledger-steps" title="从 Excel 导入">
            <Text className="block">1. 下载模板，按“楼栋、单元、房号、姓名、手机号、与户主关系”每行填一位居民。</Text>
            <Text className="block">2. 在微信里把填好的表格发给自己（文件传输助手），再在这里选择它。</Text>
            <Text className="block muted">
              先预检，确认后才写入；同一个表格导入两次不会重复。台账里的居民用同样的姓名和手机号绑定时直接通过。
            </Text>
            <FormError error={l.error} id="ledger-error" />
            <View className="stack full-width top-gap">
              <AppButton
                id="btn-ledger-template"
                variant="secondary"
                busy={l.busy === 'template'}
                onClick={() => void l.downloadTemplate()}
              >
                下载模板（Excel）
              </AppButton>
              <AppButton id="btn-ledger-upload" busy={l.busy === 'upload'} onClick={() => void l.upload()}>
                {run ? '重新选择表格' : '选择填好的表格'}
              </AppButton>
            </View>
            {l.busy === 'upload' ? <Text className="muted block">正在上传并逐行检查，表格大时需要一会儿…</Text> : null}
          </Section>

          {run ? (
            <Section id="ledger-dry-run" title="预检结果" extra={`${run.total} 行`}>
              <View className="chips" id="ledger-counts">
                {LEDGER_OUTCOMES.map((o) => (
                  <Text key={o} className={`chip ledger-count-${o}`} id={`ledger-count-${o}`}>
                    {LEDGER_OUTCOME_LABELS[o]} {run.counts[o]}
                  </Text>
                ))}
              </View>
              {run.counts.error > 0 ? (
                <Notice tone="warn" id="ledger-has-errors">
                  <Text>
                    有 {run.counts.error} 行有错误，不会导入。可以下载预检结果表，按“导入结果”一列改好后重新上传；也可以先导入其余的行。
                  </Text>
                </Notice>
              ) : null}
              <View className="ledger-rows" id="ledger-rows">
                {run.rows
                  .filter((r) => r.outcome !== 'unchanged')
                  .map((r) => (
                    <View key={r.row} className={`ledger-row ledger-row-${r.outcome}`} id={`ledger-row-${r.row}`}>
                      <Text className="tap-row-sub">
                        第 {r.row} 行 · {r.room} {r.name}
                      </Text>
                      <Text className="block">{r.text}</Text>
                    </View>
                  ))}
              </View>
              {run.truncated ? <Text className="muted block">这里列出前 {LEDGER_PREVIEW_ROWS} 行，全部结果在预检结果表里。</Text> : null}
              <View className="stack full-width top-gap">
                <AppButton id="btn-ledger-result" variant="secondary" busy={l.busy === 'result'} onClick={() => void l.downloadResult()}>
                  下载预检结果表
                </AppButton>
                {applied ? (
                  <Notice tone="ok" id="ledger-applied">
                    <Text>
                      {run.toWrite === 0
                        ? '没有需要写入的变化：台账已经是这个表格的样子。'
                        : `已导入：新增 ${run.counts.create} 人，更新 ${run.counts.update} 人。`}
                    </Text>
                  </Notice>
                ) : (
                  <AppButton id="btn-ledger-confirm" busy={l.busy === 'apply'} onClick={() => void l.confirm()}>
                    确认导入 {run.toWrite} 人
                  </AppButton>
                )}
                {l.progress && !l.progress.done ? (
                  <Text className="muted block" id="ledger-progress">
                    正在写入 {l.progress.written} / {l.progress.toWrite}…
                  </Text>
                ) : null}
              </View>
            </Section>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
