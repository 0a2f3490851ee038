import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_CONFIG, countdownText, DISPATCH_ROLE_LABELS, DISPATCH_STATUS_LABELS, REQUEST_SOURCE_LABELS } from '@linli/shared';
import { Chips, LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, Notice } from '../../../components/states';
import { useDepartmentInbox } from '../../../features/departments/use-department-inbox';
import { decodeParam } from '../../../services/format';
import { goTo } from '../../../services/routes';

/** A department's inbox on the phone: what to 报到 first (by its deadline), then what it handles. */
export default function DepartmentInboxPage() {
  const { mine, departmentId, setDepartment, inbox } = useDepartmentInbox(decodeParam(useRouter().params.departmentId));
  return (
    <Loaded what={mine} shell>
      {({ departments }) =>
        departments.length === 0 ? (
          <PageShell>
            <Notice tone="info" id="inbox-no-department">
              <Text>部门待办给职能部门的工作人员使用。请向街道索取邀请码，在“我的”里输入后开通。</Text>
            </Notice>
          </PageShell>
        ) : (
          <PageShell id="department-inbox">
            {departments.length > 1 ? (
              <Chips
                idPrefix="dept"
                value={departmentId}
                onChange={setDepartment}
                options={departments.map((d) => ({ value: d._id, label: d.name }))}
              />
            ) : (
              <Text className="h3 block" id="department-name">
                {departments[0]?.name}
              </Text>
            )}
            <View className="spacer" />
            <Loaded what={inbox} errorWithData>
              {({ parts, now }) =>
                parts.length === 0 ? (
                  <EmptyState id="inbox-empty" text="没有待报到或办理中的派单。" />
                ) : (
                  <Section id="part-list" title="按期限排序" extra={`${parts.length} 件`}>
                    {parts.map((p) => {
                      const deadline = p.status === 'pending' ? p.reportBy : p.resolveBy;
                      const overdue = deadline < now;
                      return (
                        <LinkRow
                          key={p._id}
                          id={`part-${p.requestId}`}
                          className={`part-row ${overdue ? 'part-overdue' : ''}`}
                          title={`${p.request.emergency ? '【紧急】' : ''}${CATEGORY_CONFIG[p.request.category].label} · ${p.request.location}`}
                          sub={`${DISPATCH_ROLE_LABELS[p.role]} · ${DISPATCH_STATUS_LABELS[p.status]} · ${p.status === 'pending' ? '报到' : '办结'}${countdownText(deadline, now)} · ${REQUEST_SOURCE_LABELS[p.request.source]}${p.escalations ? ` · 督办 ${p.escalations} 次` : ''}`}
                          onClick={goTo('department/part', { id: p._id })}
                        />
                      );
                    })}
                  </Section>
                )
              }
            </Loaded>
          </PageShell>
        )
      }
    </Loaded>
  );
}
