import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { EmptyState, FormError, Notice } from '../../../components/states';
import { FindingFields } from '../../../features/departments/finding-fields';
import { useCollectForm } from '../../../features/workgroups/use-work-groups';
import { decodeParam } from '../../../services/format';

/** 工作组收集: a member records a problem residents raised on the service day; it goes straight to 分流派单. */
export default function CollectPage() {
  const communityId = decodeParam(useRouter().params.communityId);
  const f = useCollectForm(communityId);
  return (
    <Loaded what={f.group} shell>
      {({ group }) =>
        !group ? (
          <PageShell>
            <EmptyState id="collect-no-group" text="这个社区还没有服务群众工作组。" />
          </PageShell>
        ) : (
          <PageShell id="collect-page">
            <Notice tone="info" id="collect-hint">
              <Text>{group.name}收集的问题直接进入诉求办理，来源记为“工作组收集”，由您负责跟进。</Text>
            </Notice>
            <FindingFields
              form={f.form}
              idPrefix="collect"
              whereTitle="在哪个小区"
              whatTitle="群众反映了什么"
              descriptionLabel="问题和诉求"
              spotPlaceholder="如：花园一村人行道"
              where={
                <Loaded what={f.compounds}>
                  {({ children }) => (
                    <Chips
                      idPrefix="collect-compound"
                      value={f.compoundId}
                      onChange={f.setCompoundId}
                      options={children.map((c) => ({ value: c._id, label: c.name }))}
                    />
                  )}
                </Loaded>
              }
            />
            <FormError error={f.form.error} id="collect-error" />
            <View className="top-gap">
              <AppButton id="btn-collect-submit" busy={f.form.busy} disabled={!f.compoundId} onClick={() => void f.form.submit()}>
                记录问题（进入分流派单）
              </AppButton>
            </View>
          </PageShell>
        )
      }
    </Loaded>
  );
}
