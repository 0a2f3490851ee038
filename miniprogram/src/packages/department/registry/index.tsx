import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, ROLE_LABELS, type Grant } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useDepartmentRegistry } from '../../../features/departments/use-department-registry';
import { loadMe } from '../../../features/identity/me-store';
import { useCreateInvite } from '../../../features/identity/use-create-invite';
import { useAsync } from '../../../hooks/use-async';
import { decodeParam } from '../../../services/format';

/** A district registers at the district, a street at its street. */
const registrarPlace = (grants: readonly Grant[], wanted: string) => {
  const posts = grants.filter((g) => g.role === 'admin' || g.role === 'streetStaff');
  return (posts.find((g) => g.placeId === wanted) ?? posts[0])?.placeId;
};

/** The department's people, invited with the existing invitation codes: its head, then its staff. */
function DepartmentInvites({ departmentId }: { departmentId: string }) {
  const head = useCreateInvite('departmentHead');
  const staff = useCreateInvite('departmentStaff');
  const invite = head.invite ?? staff.invite;
  return (
    <View className="stack top-gap-small">
      {invite ? (
        <Text className="block" id={`dept-invite-code-${departmentId}`} selectable>
          {ROLE_LABELS[invite.role]}邀请码：<Text className="invite-code">{invite.code}</Text>（对方在“我的”里输入，只能用一次）
        </Text>
      ) : null}
      <FormError error={head.error ?? staff.error} />
      <View className="row-wrap">
        <AppButton
          id={`btn-invite-head-${departmentId}`}
          small
          variant="secondary"
          busy={head.busy}
          onClick={() => void head.create(departmentId)}
        >
          邀请部门负责人
        </AppButton>
        <AppButton
          id={`btn-invite-staff-${departmentId}`}
          small
          variant="plain"
          busy={staff.busy}
          onClick={() => void staff.create(departmentId)}
        >
          邀请工作人员
        </AppButton>
      </View>
    </View>
  );
}

function Registry({ placeId }: { placeId: string }) {
  const r = useDepartmentRegistry(placeId);
  return (
    <>
      <Loaded what={r.departments}>
        {({ registered }) => (
          <Section id="dept-registered" title={`已登记的部门（${registered.length}）`}>
            {registered.length === 0 ? <Text className="muted block">还没有登记部门。在下面填写第一个。</Text> : null}
            {registered.map((d) => (
              <View key={d._id} className="tap-row" id={`dept-row-${d._id}`}>
                <View className="tap-row-main">
                  <Text className="tap-row-title">
                    {d.name} · {DEPARTMENT_KIND_LABELS[d.kind]}
                  </Text>
                  <Text className="tap-row-sub">服务范围：{d.areaNames.join('、')}</Text>
                  {d.phone ? <Text className="tap-row-sub">电话：{d.phone}</Text> : null}
                  <DepartmentInvites departmentId={d._id} />
                </View>
                <AppButton id={`btn-edit-${d._id}`} small variant="plain" onClick={() => r.edit(d)}>
                  修改
                </AppButton>
              </View>
            ))}
          </Section>
        )}
      </Loaded>
      <Section id="dept-form" title={r.editing ? '修改部门' : '登记新部门'}>
        <TextField
          id="dept-name"
          label="部门名称"
          placeholder="如：东塔街道城管执法队"
          value={r.draft.name}
          onChange={(name) => r.setDraft((d) => ({ ...d, name }))}
          limit={30}
        />
        <Text className="block top-gap-small">部门类别</Text>
        <Chips
          idPrefix="dept-kind"
          value={r.draft.kind}
          onChange={(kind) => r.setDraft((d) => ({ ...d, kind }))}
          options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))}
        />
        <Text className="block top-gap-small">服务范围（可多选）</Text>
        <Loaded what={r.areas}>
          {({ parent, children }) => (
            <View className="row-wrap" id="dept-areas">
              {[parent, ...children].map((a) => (
                <View
                  key={a._id}
                  id={`dept-area-${a._id}`}
                  className={`chip ${r.draft.areaIds.includes(a._id) ? 'chip-selected' : ''}`}
                  onClick={() => r.toggleArea(a._id)}
                >
                  <Text>{a._id === parent._id ? `全${a.name}` : a.name}</Text>
                </View>
              ))}
            </View>
          )}
        </Loaded>
        <TextField
          id="dept-phone"
          label="值班电话（可不填）"
          type="number"
          value={r.draft.phone}
          onChange={(phone) => r.setDraft((d) => ({ ...d, phone }))}
          maxlength={11}
        />
        <FormError error={r.error} id="dept-error" />
        <View className="stack top-gap">
          <AppButton
            id="btn-dept-save"
            busy={r.busy}
            disabled={!r.draft.kind || r.draft.areaIds.length === 0}
            onClick={() => void r.save()}
          >
            {r.editing ? '保存修改' : '登记部门'}
          </AppButton>
          {r.editing ? (
            <AppButton id="btn-dept-cancel" variant="plain" onClick={r.reset}>
              取消修改
            </AppButton>
          ) : null}
        </View>
      </Section>
    </>
  );
}

/** 登记职能部门: the street or the district registers its departments and public-service units, and invites their people. */
export default function RegistryPage() {
  const wanted = decodeParam(useRouter().params.placeId);
  const me = useAsync(() => loadMe(), []);
  return (
    <Loaded what={me} shell>
      {({ grants }) => {
        const placeId = registrarPlace(grants, wanted);
        return (
          <PageShell id="registry-page">
            {placeId ? (
              <Registry placeId={placeId} />
            ) : (
              <EmptyState id="registry-forbidden" text="登记职能部门需要街道工作人员或区级管理员身份。" />
            )}
          </PageShell>
        );
      }}
    </Loaded>
  );
}
