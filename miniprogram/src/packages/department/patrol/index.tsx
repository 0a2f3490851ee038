import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { FormError, Notice } from '../../../components/states';
import { FindingFields } from '../../../features/departments/finding-fields';
import { usePatrolForm } from '../../../features/departments/use-patrol-form';
import { isTeamRole, loadMe } from '../../../features/identity/me-store';
import { ToggleRow } from '../../../features/requests/toggle-row';
import { useAsync } from '../../../hooks/use-async';
import { decodeParam } from '../../../services/format';

/** The patrol form of one compound: one screen, no address to choose, no 受理 to wait for. */
function PatrolForm({ compoundId, compoundName }: { compoundId: string; compoundName: string }) {
  const { form, emergency, setEmergency } = usePatrolForm(compoundId);
  return (
    <>
      <FindingFields
        form={form}
        idPrefix="patrol"
        whereTitle="在哪里发现的"
        whatTitle="发现了什么"
        descriptionLabel="情况说明"
        spotPlaceholder="如：3号楼东侧人行道"
        where={<Text className="muted block">{compoundName}</Text>}
      >
        <ToggleRow
          id="patrol-emergency"
          on={emergency}
          onChange={setEmergency}
          title="紧急（危及人身或财产安全）"
          sub="部门须在 2 小时内报到"
        />
      </FindingFields>
      <FormError error={form.error} id="patrol-error" />
      <View className="top-gap">
        <AppButton id="btn-patrol-submit" busy={form.busy} disabled={form.photos.length === 0} onClick={() => void form.submit()}>
          上报（直接进入分流派单）
        </AppButton>
      </View>
    </>
  );
}

/** 巡查上报 for a 网格员 or any 三长五员 (or staff): their compound, or the one the link names. */
export default function PatrolPage() {
  const wanted = decodeParam(useRouter().params.compoundId);
  const me = useAsync(() => loadMe(), []);
  return (
    <Loaded what={me} shell>
      {({ grants }) => {
        const posts = grants.filter((g) => isTeamRole(g.role));
        const post = posts.find((g) => g.placeId === wanted) ?? posts[0];
        const compoundId = wanted || post?.placeId;
        return (
          <PageShell id="patrol-page">
            {!compoundId ? (
              <Notice tone="info" id="patrol-no-compound">
                <Text>巡查上报给小区的网格员和三长五员使用。</Text>
              </Notice>
            ) : (
              <>
                <Notice tone="info" id="patrol-hint">
                  <Text>
                    {post ? `${ROLE_LABELS[post.role]} · ` : ''}巡查发现的问题由您直接上报，不用等受理，社区或街道可马上派给职能部门。
                  </Text>
                </Notice>
                <PatrolForm compoundId={compoundId} compoundName={post?.placeName ?? ''} />
              </>
            )}
          </PageShell>
        );
      }}
    </Loaded>
  );
}
