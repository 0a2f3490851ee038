import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WEEKDAY_LABELS, WORK_GROUP_POST_LABELS, WORK_GROUP_POSTS, serviceDayText, type WorkGroupView } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips, LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { loadMe } from '../../../features/identity/me-store';
import { useCreateInvite } from '../../../features/identity/use-create-invite';
import { useWorkGroupForm, useWorkGroups } from '../../../features/workgroups/use-work-groups';
import { useAsync } from '../../../hooks/use-async';
import { decodeParam } from '../../../services/format';
import { goTo } from '../../../services/routes';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: WEEKDAY_LABELS[d] ?? '' }));

/** The group's members join with a code the district gives each of them (the existing invitation codes). */
function MemberInvite({ groupId }: { groupId: string }) {
  const inv = useCreateInvite('workGroupMember');
  return (
    <View className="stack top-gap-small">
      {inv.invite ? (
        <Text className="block" id="group-invite-code" selectable>
          成员邀请码：<Text className="invite-code">{inv.invite.code}</Text>（交给一位成员本人，在“我的”里输入，只能用一次）
        </Text>
      ) : null}
      <FormError error={inv.error} />
      <AppButton id="btn-group-invite" variant="secondary" busy={inv.busy} onClick={() => void inv.create(groupId)}>
        {inv.invite ? '再给一位成员生成邀请码' : '生成成员邀请码'}
      </AppButton>
    </View>
  );
}

function GroupForm({
  communityId,
  fullName,
  current,
  onSaved,
}: {
  communityId: string;
  fullName: string;
  current: WorkGroupView | null;
  onSaved: () => void;
}) {
  const f = useWorkGroupForm(communityId, current, onSaved);
  return (
    <>
      <Section id="group-form" title={`${fullName}的服务群众工作组`}>
        <Text className="muted block">
          按规定，工作组由一名区级领导、一名区级部门领导、一名街道领导和街道、社区干部组成，定点联系服务这个社区。
        </Text>
        <TextField
          id="group-name"
          label="工作组名称"
          placeholder="如：大东区服务群众工作组（中房社区）"
          value={f.group.name}
          onChange={(name) => f.setGroup((g) => ({ ...g, name }))}
          limit={30}
        />
        {f.group.members.map((m, i) => (
          <View key={i} className="card top-gap-small" id={`group-member-${i}`}>
            <Chips
              idPrefix={`group-member-${i}-post`}
              value={m.post}
              onChange={(post) => f.setMember(i, { post })}
              options={WORK_GROUP_POSTS.map((p) => ({ value: p, label: WORK_GROUP_POST_LABELS[p] }))}
            />
            <TextField
              id={`group-member-${i}-name`}
              label="姓名"
              value={m.name}
              onChange={(name) => f.setMember(i, { name })}
              maxlength={20}
            />
            <TextField
              id={`group-member-${i}-unit`}
              label="单位"
              placeholder="如：区民政局"
              value={m.unit}
              onChange={(unit) => f.setMember(i, { unit })}
              limit={30}
            />
            {f.group.members.length > 1 ? (
              <AppButton id={`btn-remove-member-${i}`} small variant="plain" onClick={() => f.removeMember(i)}>
                删去这位成员
              </AppButton>
            ) : null}
          </View>
        ))}
        <View className="top-gap-small">
          <AppButton id="btn-add-member" variant="plain" onClick={() => f.addMember()}>
            添加成员
          </AppButton>
        </View>
      </Section>
      <Section id="group-day" title="服务群众工作日">
        <Chips
          idPrefix="group-weekday"
          value={String(f.group.day.weekday)}
          onChange={(d) => f.setDay({ weekday: Number(d) })}
          options={WEEKDAYS}
        />
        <TextField id="group-start" label="开始时间" value={f.group.day.start} onChange={(start) => f.setDay({ start })} maxlength={5} />
        <TextField id="group-end" label="结束时间" value={f.group.day.end} onChange={(end) => f.setDay({ end })} maxlength={5} />
        <TextField
          id="group-place"
          label="接访地点"
          placeholder="如：社区党群服务中心二楼"
          value={f.group.day.place}
          onChange={(place) => f.setDay({ place })}
          limit={40}
        />
        <TextField
          id="group-seats"
          label="每半小时接待人数（居民可预约）"
          type="number"
          value={String(f.group.seats)}
          onChange={(v) => f.setGroup((g) => ({ ...g, seats: Number(v) || 0 }))}
          maxlength={2}
        />
      </Section>
      <FormError error={f.error} id="group-error" />
      <View className="top-gap">
        <AppButton id="btn-group-save" busy={f.busy} onClick={() => void f.save()}>
          保存工作组
        </AppButton>
      </View>
      {f.saved ? (
        <Section id="group-saved" title="已保存">
          <Text className="block" id="group-saved-day">
            {serviceDayText(f.saved.day)}，居民可在“便民服务”和联系卡上预约。
          </Text>
          {f.saved.missingText ? (
            <Notice tone="warn">
              <Text>工作组{f.saved.missingText}。</Text>
            </Notice>
          ) : null}
          <MemberInvite groupId={f.saved._id} />
        </Section>
      ) : null}
    </>
  );
}

function Groups({ districtId }: { districtId: string }) {
  const w = useWorkGroups(districtId);
  if (w.editing)
    return (
      <>
        <AppButton id="btn-groups-back" variant="plain" small onClick={w.done}>
          返回社区列表
        </AppButton>
        <GroupForm
          key={w.editing.communityId}
          communityId={w.editing.communityId}
          fullName={w.editing.fullName}
          current={w.editing.group}
          onSaved={() => undefined}
        />
      </>
    );
  return (
    <Loaded what={w.list}>
      {({ communities }) => (
        <Section id="groups-list" title="各社区的服务群众工作组">
          {communities.map((c) => (
            <View key={c.communityId}>
              <LinkRow
                id={`group-of-${c.communityId}`}
                title={c.fullName}
                sub={c.group ? `${c.group.name} · ${serviceDayText(c.group.day)}` : '还没有安排工作组，点这里安排'}
                onClick={() => w.edit(c)}
              />
              {c.group ? (
                <LinkRow
                  id={`group-month-${c.communityId}`}
                  title="本月情况"
                  sub="接访、收集问题、派单、解决"
                  onClick={goTo('department/group', { communityId: c.communityId })}
                />
              ) : null}
            </View>
          ))}
        </Section>
      )}
    </Loaded>
  );
}

/** 服务群众工作组: the district assigns a group to each community, with its members, posts and service day. */
export default function GroupsPage() {
  const wanted = decodeParam(useRouter().params.districtId);
  const me = useAsync(() => loadMe(), []);
  return (
    <Loaded what={me} shell>
      {({ grants }) => {
        const admin = grants.filter((g) => g.role === 'admin');
        const districtId = (admin.find((g) => g.placeId === wanted) ?? admin[0])?.placeId;
        return (
          <PageShell id="groups-page">
            {districtId ? (
              <Groups districtId={districtId} />
            ) : (
              <EmptyState id="groups-forbidden" text="安排服务群众工作组需要区级管理员身份。" />
            )}
          </PageShell>
        );
      }}
    </Loaded>
  );
}
