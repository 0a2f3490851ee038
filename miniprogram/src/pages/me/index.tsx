import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, topRole } from '@linli/shared';
import { PageShell } from '../../components/page-shell';
import { ErrorState, LoadingState, Notice } from '../../components/states';
import { MyBookingsEntry } from '../../features/booking/booking-entries';
import { BindingStatus } from '../../features/identity/binding-status';
import { DevIdentityBadge, DevInbox, DevSwitcher } from '../../features/identity/dev-switcher';
import { GrantList } from '../../features/identity/grant-list';
import { RedeemInvite } from '../../features/identity/redeem-invite';
import { StaffEntries } from '../../features/identity/staff-entries';
import { useMePage } from '../../features/identity/use-me-page';

export default function MePage() {
  const { me, refresh } = useMePage();
  const data = me.state.data;
  const anonymousLocally = process.env.TARO_ENV === 'h5' && me.state.status === 'error' && me.state.error.code === 'COMMON.UNAUTHENTICATED';
  const role = data ? topRole(data.grants) : null;

  return (
    <PageShell>
      {process.env.TARO_ENV === 'h5' ? <DevIdentityBadge /> : null}
      {me.state.status === 'loading' && !data ? <LoadingState id="me-loading" /> : null}
      {anonymousLocally ? (
        <Notice tone="info" id="me-choose-identity">
          <Text>现在是访客（没有身份）。请在下方“本地开发身份”里选一个人。</Text>
        </Notice>
      ) : me.state.status === 'error' ? (
        <ErrorState id="me-error" error={me.state.error} onRetry={refresh} />
      ) : null}
      {data ? (
        <View id="me-profile">
          <View className="card">
            <Text className="h1" id="me-name">
              {data.name ?? data.binding?.name ?? '邻里用户'}
            </Text>
            <Text className="muted block" id="me-role">
              {role ? ROLE_LABELS[role] : data.binding?.status === 'pending' ? '住址待社区审核' : '还没有绑定住址'}
            </Text>
          </View>
          <BindingStatus me={data} />
          <MyBookingsEntry />
          <StaffEntries grants={data.grants} />
          <GrantList grants={data.grants} />
          <RedeemInvite defaultName={data.name ?? data.binding?.name ?? ''} onRedeemed={refresh} />
        </View>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? <DevSwitcher /> : null}
      {process.env.TARO_ENV === 'h5' ? <DevInbox /> : null}
    </PageShell>
  );
}
