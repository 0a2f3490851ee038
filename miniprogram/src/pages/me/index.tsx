import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, topRole, type Me } from '@linli/shared';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { ErrorState, Notice } from '../../components/states';
import { MyBookingsEntry } from '../../features/booking/booking-entries';
import { CareSwitch } from '../../features/care/care-switch';
import { BindingStatus } from '../../features/identity/binding-status';
import { DevIdentityBadge, DevInbox, DevSwitcher } from '../../features/identity/dev-switcher';
import { GrantList } from '../../features/identity/grant-list';
import { RedeemInvite } from '../../features/identity/redeem-invite';
import { StaffEntries } from '../../features/identity/staff-entries';
import { useMePage } from '../../features/identity/use-me-page';
import { AgoraEntry } from '../../features/deliberation/deliberation-views';
import { VolunteerEntry } from '../../features/volunteer/volunteer-views';

export default function MePage() {
  const { me, refresh } = useMePage();

  return (
    <PageShell>
      {process.env.TARO_ENV === 'h5' ? <DevIdentityBadge /> : null}
      <Loaded
        what={me}
        errorWithData
        loadingId="me-loading"
        errorId="me-error"
        onRetry={refresh}
        renderError={(error, retry) =>
          // locally, nobody chosen yet: not an error, a choice to make below
          process.env.TARO_ENV === 'h5' && error.code === 'COMMON.UNAUTHENTICATED' ? (
            <Notice tone="info" id="me-choose-identity">
              <Text>现在是访客（没有身份）。请在下方“本地开发身份”里选一个人。</Text>
            </Notice>
          ) : (
            <ErrorState id="me-error" error={error} onRetry={retry} />
          )
        }
      >
        {(data) => <Profile me={data} onRedeemed={refresh} />}
      </Loaded>
      <CareSwitch />
      {process.env.TARO_ENV === 'h5' ? <DevSwitcher /> : null}
      {process.env.TARO_ENV === 'h5' ? <DevInbox /> : null}
    </PageShell>
  );
}

function Profile({ me, onRedeemed }: { me: Me; onRedeemed: () => void }) {
  const role = topRole(me.grants);
  return (
    <View id="me-profile">
      <View className="card">
        <Text className="h1" id="me-name">
          {me.name ?? me.binding?.name ?? '邻里用户'}
        </Text>
        <Text className="muted block" id="me-role">
          {role ? ROLE_LABELS[role] : me.binding?.status === 'pending' ? '住址待社区审核' : '还没有绑定住址'}
        </Text>
      </View>
      <BindingStatus me={me} />
      <MyBookingsEntry />
      <VolunteerEntry />
      <AgoraEntry communityId={me.binding?.status === 'approved' ? me.binding.communityId : null} grants={me.grants} />
      <StaffEntries grants={me.grants} />
      <GrantList grants={me.grants} />
      <RedeemInvite defaultName={me.name ?? me.binding?.name ?? ''} onRedeemed={onRedeemed} />
    </View>
  );
}
