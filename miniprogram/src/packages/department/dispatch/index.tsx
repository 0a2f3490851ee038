import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEPARTMENT_KIND_LABELS, DISPATCH_ROLE_LABELS, DISPATCH_STATUS_LABELS, REPORT_WITHIN, type DeadlineTier } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useDispatchForm } from '../../../features/departments/use-dispatch-form';
import { decodeParam } from '../../../services/format';

const spanText = (tier: DeadlineTier) => {
  const s = REPORT_WITHIN[tier];
  return 'hours' in s ? `${s.hours} 小时内` : `${s.workdays} 个工作日内`;
};

/** 吹哨派单: choose the lead (主办) and co-handlers (协办) among the departments serving the compound. */
export default function DispatchPage() {
  const f = useDispatchForm(decodeParam(useRouter().params.requestId));
  return (
    <Loaded what={f.request} shell>
      {(r) => (
        <PageShell id="dispatch-page">
          <Section id="dispatch-request" title="要派的诉求">
            <Text className="block">{r.description}</Text>
            <Text className="muted block">
              {r.compoundName} · {r.locationText}
            </Text>
            <Text className="block top-gap-small" id="dispatch-deadline">
              部门须在 {spanText(r.tier)} 到现场报到
            </Text>
          </Section>
          <Loaded what={f.parts}>
            {({ parts }) =>
              parts.length ? (
                <Section id="dispatch-parts" title="已派部门">
                  {parts.map((p) => (
                    <Text key={p._id} className="block" id={`sent-${p.departmentId}`}>
                      {p.departmentName} · {DISPATCH_ROLE_LABELS[p.role]} · {DISPATCH_STATUS_LABELS[p.status]}
                      {p.returnReason ? `（${p.returnReason}）` : ''}
                    </Text>
                  ))}
                </Section>
              ) : null
            }
          </Loaded>
          <Loaded what={f.departments}>
            {({ serving }) =>
              serving.length === 0 ? (
                <EmptyState id="dispatch-no-department" text="还没有负责这个小区的职能部门。请街道先登记部门。" />
              ) : (
                <Section id="dispatch-departments" title="选择承办部门">
                  <Text className="muted block">
                    点“主办”选一个牵头部门，其他需要配合的点“协办”。不选主办时，先报到的部门主办（首接负责）。
                  </Text>
                  {serving.map((d) => (
                    <View key={d._id} className="tap-row" id={`dept-${d._id}`}>
                      <View className="tap-row-main">
                        <Text className="tap-row-title">{d.name}</Text>
                        <Text className="tap-row-sub">{DEPARTMENT_KIND_LABELS[d.kind]}</Text>
                      </View>
                      <View className="row-wrap">
                        <View
                          id={`lead-${d._id}`}
                          className={`chip ${f.lead === d._id ? 'chip-selected' : ''}`}
                          onClick={() => f.chooseLead(d._id)}
                        >
                          <Text>主办</Text>
                        </View>
                        <View
                          id={`co-${d._id}`}
                          className={`chip ${f.co.includes(d._id) ? 'chip-selected' : ''}`}
                          onClick={() => f.toggleCo(d._id)}
                        >
                          <Text>协办</Text>
                        </View>
                      </View>
                    </View>
                  ))}
                  <TextField id="dispatch-note" label="派单说明（可不填）" value={f.note} onChange={f.setNote} limit={200} multiline />
                </Section>
              )
            }
          </Loaded>
          {!f.lead && f.co.length === 1 ? (
            <Notice tone="info">
              <Text>只选了一个部门，它将作为主办。</Text>
            </Notice>
          ) : null}
          <FormError error={f.error} id="dispatch-error" />
          <View className="top-gap">
            <AppButton id="btn-dispatch" busy={f.busy} disabled={!f.lead && f.co.length === 0} onClick={() => void f.submit()}>
              吹哨派单
            </AppButton>
          </View>
        </PageShell>
      )}
    </Loaded>
  );
}
