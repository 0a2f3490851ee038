import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { POST_LIMITS, TEAM_ROLE_HINTS, TEAM_ROLE_LABELS, type Card, type TeamRole } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { EmptyState, ErrorState } from '../../../components/states';
import { CardGroups, MissingNotice } from '../../../features/card/card-view';
import { loadMe } from '../../../features/identity/me-store';
import { StaffScopeBar, staffRoots } from '../../../features/identity/staff-scope';
import { usePlaceDrill } from '../../../features/places/use-place-drill';
import { MemberForm } from '../../../features/team/member-form';
import { useTeamEditor } from '../../../features/team/use-team-editor';
import { useAsync } from '../../../hooks/use-async';
import { goTo } from '../../../services/routes';
import '../staff.css';

function roleIsFull(card: Card, role: TeamRole): boolean {
  const members = card.groups.find((g) => g.role === role)?.members ?? [];
  if (role === 'checkpointGuard') {
    const checkpoints = card.compound.checkpoints;
    return (
      checkpoints.length > 0 &&
      checkpoints.every((c) => members.filter((m) => m.checkpoint === c).length >= POST_LIMITS.checkpointGuard.max)
    );
  }
  return members.length >= POST_LIMITS[role].max;
}

export default function StaffTeamPage() {
  const params = useRouter().params;
  const [linked, setLinked] = useState<string | null>(params.compoundId ?? null);
  const me = useAsync(() => loadMe(), []);
  const drill = usePlaceDrill(me.state.data ? staffRoots(me.state.data.grants) : null, 'compound', { autoPickSingle: true });
  const compoundId = linked ?? drill.done?._id ?? null;
  const editor = useTeamEditor(compoundId);
  const card = editor.card.state.data;

  if (me.state.status === 'error') {
    return (
      <PageShell>
        <ErrorState error={me.state.error} onRetry={me.reload} />
      </PageShell>
    );
  }
  if (me.state.data && staffRoots(me.state.data.grants).length === 0) {
    return (
      <PageShell>
        <EmptyState id="staff-forbidden" text="这里是社区和街道工作人员维护三长五员的地方。您还没有工作人员身份，如需开通请联系社区。" />
      </PageShell>
    );
  }

  return (
    <PageShell>
      {linked ? (
        <View id="staff-scope" className="card scope-bar">
          <View className="tap-row-main">
            <Text className="tap-row-sub">当前小区</Text>
            <Text className="tap-row-title" id="staff-scope-name">
              {card?.compound.fullName ?? '…'}
            </Text>
          </View>
          <View className="chip" id="btn-switch-scope" onClick={() => setLinked(null)}>
            <Text>切换小区</Text>
          </View>
        </View>
      ) : (
        <StaffScopeBar drill={drill} target="compound" />
      )}
      {!compoundId ? null : (
        <Loaded what={editor.card} errorId="team-error" loadingId="team-loading">
          {(card) => (
            <View id="team-editor">
              <MissingNotice card={card} id="team-missing" />
              {card.missing.length === 0 ? (
                <View className="notice notice-ok" id="team-complete">
                  <Text>三长五员已配齐。</Text>
                </View>
              ) : null}
              <View className="card">
                <LinkRow
                  id="link-history"
                  title="变更记录"
                  sub="谁在什么时候换了谁"
                  onClick={goTo('staff/history', { compoundId: card.compound._id, name: card.compound.name })}
                />
                <LinkRow
                  id="link-poster"
                  title="张贴用联系卡"
                  sub={
                    card.outdatedPosters?.length
                      ? `${card.outdatedPosters.length} 张已张贴的联系卡已过期，请重新生成`
                      : '生成小区大门、各楼门口张贴的 A4 海报'
                  }
                  onClick={goTo('staff/poster', { compoundId: card.compound._id })}
                />
              </View>
              <CardGroups
                card={card}
                idPrefix="team-role"
                phoneAs="inline"
                renderGroupHeader={(role) => <Text className="role-hint">{TEAM_ROLE_HINTS[role]}</Text>}
                renderActions={(member) =>
                  editor.form?.kind === 'replace' && editor.form.member.id === member.id ? null : (
                    <>
                      <AppButton small variant="secondary" className="btn-replace" onClick={() => editor.open({ kind: 'replace', member })}>
                        更换
                      </AppButton>
                      <AppButton
                        small
                        variant="danger"
                        className="btn-remove"
                        busy={editor.removing === member.id}
                        onClick={() => void editor.remove(member)}
                      >
                        移除
                      </AppButton>
                    </>
                  )
                }
                renderBelow={(member) =>
                  editor.form?.kind === 'replace' && editor.form.member.id === member.id ? (
                    <MemberForm
                      key={member.id}
                      mode={editor.form}
                      checkpoints={card.compound.checkpoints}
                      busy={editor.busy}
                      error={editor.error}
                      onCancel={() => editor.open(null)}
                      onSubmit={(person, checkpoint) => void editor.save(person, checkpoint)}
                    />
                  ) : null
                }
                renderGroupFooter={(role) =>
                  editor.form?.kind === 'add' && editor.form.role === role ? (
                    <MemberForm
                      key={`add-${role}`}
                      mode={editor.form}
                      checkpoints={card.compound.checkpoints}
                      busy={editor.busy}
                      error={editor.error}
                      onCancel={() => editor.open(null)}
                      onSubmit={(person, checkpoint) => void editor.save(person, checkpoint)}
                    />
                  ) : roleIsFull(card, role) ? (
                    <Text className="role-full">
                      {TEAM_ROLE_LABELS[role]}已满（最多{' '}
                      {role === 'checkpointGuard' ? `每个卡口 ${POST_LIMITS.checkpointGuard.max}` : POST_LIMITS[role].max}{' '}
                      名）。要换人请点“更换”。
                    </Text>
                  ) : (
                    <View className="role-add">
                      <AppButton
                        id={`btn-add-${role}`}
                        variant="plain"
                        className="btn-add"
                        onClick={() => editor.open({ kind: 'add', role })}
                      >
                        ＋ 添加{TEAM_ROLE_LABELS[role]}
                      </AppButton>
                    </View>
                  )
                }
              />
            </View>
          )}
        </Loaded>
      )}
    </PageShell>
  );
}
