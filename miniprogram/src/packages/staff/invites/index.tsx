import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PLACE_KIND_LABELS, ROLE_LABELS, type PlaceSummary, type Role } from '@linli/shared';
import { copyText } from '../../../services/platform-call';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { Loaded } from '../../../components/loaded';
import { EmptyState, FormError } from '../../../components/states';
import { grantableRoles, inviteTarget } from '../../../features/identity/invite-roles';
import { loadMe } from '../../../features/identity/me-store';
import { StaffScopeBar, staffRoots } from '../../../features/identity/staff-scope';
import { useCreateInvite } from '../../../features/identity/use-create-invite';
import { usePlaceDrill } from '../../../features/places/use-place-drill';
import { useAsync } from '../../../hooks/use-async';
import { formatDateTime } from '../../../services/format';
import '../staff.css';

/** Choosing the place for one role and creating its code; keyed by role so a new role starts afresh. */
function InviteBuilder({ role, roots }: { role: Role; roots: PlaceSummary[] }) {
  const target = inviteTarget(role);
  const drill = usePlaceDrill(roots, target, { autoPickSingle: true });
  const { invite, busy, error, create, again } = useCreateInvite(role);

  if (invite) {
    return (
      <Section id="invite-result" className="invite-result" title="邀请码已生成">
        <Text className="block">
          请把邀请码告诉 {ROLE_LABELS[invite.role]} 本人（{invite.placeName}）：
        </Text>
        <Text id="invite-code-result" className="invite-code" selectable>
          {invite.code}
        </Text>
        <Text className="block" id="invite-expires">
          有效期至 {formatDateTime(invite.expiresAt)}，只能用一次。
        </Text>
        <Text className="muted block">对方打开小程序 → 我的 → 输入邀请码。</Text>
        <View className="stack full-width top-gap">
          <AppButton id="btn-copy-invite" variant="secondary" onClick={() => void copyText(invite.code, '邀请码已复制')}>
            复制邀请码
          </AppButton>
          <AppButton id="btn-new-invite" variant="plain" onClick={again}>
            再生成一个
          </AppButton>
        </View>
      </Section>
    );
  }

  return (
    <>
      <StaffScopeBar drill={drill} target={target} id="invite-place" />
      {drill.done ? (
        <Section>
          <Text className="block">
            邀请一位{ROLE_LABELS[role]}，负责{PLACE_KIND_LABELS[target]}“{drill.done.fullName}”。
          </Text>
          <FormError error={error} />
          <View className="top-gap">
            <AppButton id="btn-create-invite" busy={busy} onClick={() => void create(drill.done?._id)}>
              生成邀请码
            </AppButton>
          </View>
        </Section>
      ) : null}
    </>
  );
}

export default function StaffInvitesPage() {
  const me = useAsync(() => loadMe(), []);
  const [role, setRole] = useState<Role | null>(null);

  return (
    <Loaded what={me} shell>
      {({ grants }) => {
        const roles = grantableRoles(grants);
        if (roles.length === 0)
          return (
            <PageShell>
              <EmptyState id="staff-forbidden" text="生成邀请码需要社区或街道工作人员身份。" />
            </PageShell>
          );
        return (
          <PageShell>
            <Section id="invite-roles" title="邀请谁？">
              <Chips
                idPrefix="invite-role"
                options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                value={role}
                onChange={setRole}
              />
            </Section>
            {role ? <InviteBuilder key={role} role={role} roots={staffRoots(grants)} /> : null}
          </PageShell>
        );
      }}
    </Loaded>
  );
}
