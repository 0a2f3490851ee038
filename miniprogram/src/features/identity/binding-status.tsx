import { Text, View } from '@tarojs/components';
import { BINDING_STATUS_LABELS, type Me } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { formatDateTime } from '../../services/format';
import { goTo } from '../../services/routes';

const goBind = goTo('bind');

/** 我家: the approved household, or where the request stands, or a button to start one. */
export function BindingStatus({ me }: { me: Me }) {
  const { household, binding } = me;
  if (household || binding?.status === 'approved') {
    return (
      <Section id="me-household" title="我家">
        <View className="row">
          <Text id="binding-status" className="tag tag-ok binding-status" data-status="approved">
            {BINDING_STATUS_LABELS.approved}
          </Text>
        </View>
        <Text className="h3 block top-gap-small" id="household-name">
          {household?.fullName ?? binding?.householdName}
        </Text>
      </Section>
    );
  }
  if (binding?.status === 'pending') {
    return (
      <Section id="me-household" title="我家">
        <Text id="binding-status" className="tag tag-warn binding-status" data-status="pending">
          {BINDING_STATUS_LABELS.pending}
        </Text>
        <Text className="h3 block top-gap-small" id="household-name">
          {binding.householdName}
        </Text>
        <Text className="block">已于 {formatDateTime(binding.createdAt)} 提交，等待社区工作人员审核。审核通过后，这里会显示“已通过”。</Text>
      </Section>
    );
  }
  if (binding?.status === 'rejected') {
    return (
      <Section id="me-household" title="我家">
        <Text id="binding-status" className="tag binding-status" data-status="rejected">
          {BINDING_STATUS_LABELS.rejected}
        </Text>
        <Text className="h3 block top-gap-small" id="household-name">
          {binding.householdName}
        </Text>
        <Text className="block" id="binding-reason">
          {binding.reason ? `原因：${binding.reason}` : '社区没有通过这次申请。'}
        </Text>
        <Text className="muted block">请核对住址和姓名后重新申请，或打联系卡上的电话问一问。</Text>
        <View className="top-gap">
          <AppButton id="btn-bind" onClick={goBind}>
            重新申请绑定
          </AppButton>
        </View>
      </Section>
    );
  }
  return (
    <Section id="me-household" title="我家">
      <Text className="block" id="binding-none">
        还没有绑定住址。绑定后，打开小程序就能直接看到您小区的联系卡。
      </Text>
      <View className="top-gap">
        <AppButton id="btn-bind" onClick={goBind}>
          绑定我家住址
        </AppButton>
      </View>
    </Section>
  );
}
