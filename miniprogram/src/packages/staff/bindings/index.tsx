import { Text, View } from '@tarojs/components';
import { BINDING_STATUS_LABELS, BINDING_STATUSES, type Binding } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { LabelLine, Section } from '../../../components/section';
import { EmptyState, FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { StaffScopeBar, useStaffPlace } from '../../../features/identity/staff-scope';
import { useBindingsReview } from '../../../features/identity/use-bindings-review';
import { formatDateTime } from '../../../services/format';
import '../staff.css';

const FORBIDDEN = '审核居民绑定需要社区工作人员身份。如需开通请联系社区。';

export default function StaffBindingsPage() {
  const { drill, placeId, gate } = useStaffPlace('community', FORBIDDEN);
  const review = useBindingsReview(placeId);

  if (gate) return gate;

  const item = (b: Binding) => (
    <View key={b._id} className="binding-item" id={`binding-${b._id}`}>
      <Text className="h3 block binding-name">{b.name}</Text>
      <LabelLine label="住址">
        <Text className="binding-household">{b.householdName}</Text>
      </LabelLine>
      <LabelLine label="申请时间">
        <Text>{formatDateTime(b.createdAt)}</Text>
      </LabelLine>
      {b.reason ? (
        <LabelLine label="原因">
          <Text>{b.reason}</Text>
        </LabelLine>
      ) : null}
      <PhoneLink phone={b.phone} inline className="binding-phone" label="电话" />
      {b.status === 'pending' ? (
        <View className="top-gap">
          <TextField
            id={`binding-reason-${b._id}`}
            label="不通过的原因（可不填）"
            value={review.reasons[b._id] ?? ''}
            onChange={(v) => review.setReason(b._id, v)}
            placeholder="如：门牌号不对，请重新选择"
            maxlength={100}
          />
          <FormError error={review.errors[b._id]} id={`binding-error-${b._id}`} />
          <View className="btn-row">
            <AppButton variant="danger" className="btn-reject" busy={review.busyId === b._id} onClick={() => void review.review(b, false)}>
              不通过
            </AppButton>
            <AppButton className="btn-approve" busy={review.busyId === b._id} onClick={() => void review.review(b, true)}>
              通过
            </AppButton>
          </View>
        </View>
      ) : null}
    </View>
  );

  return (
    <PageShell>
      <StaffScopeBar drill={drill} target="community" />
      {drill.done ? (
        <Section id="bindings" title="居民绑定申请">
          <Chips
            idPrefix="bindings-status"
            options={BINDING_STATUSES.map((s) => ({ value: s, label: BINDING_STATUS_LABELS[s] }))}
            value={review.status}
            onChange={review.setStatus}
          />
          <View className="spacer" />
          {/* another status chosen: its list, not the last one's */}
          <Loaded what={review.list} onlyFresh>
            {(bindings) =>
              bindings.length === 0 ? (
                <EmptyState
                  id="bindings-empty"
                  text={review.status === 'pending' ? '没有待审核的申请。' : `没有${BINDING_STATUS_LABELS[review.status]}的申请。`}
                />
              ) : (
                bindings.map(item)
              )
            }
          </Loaded>
        </Section>
      ) : null}
    </PageShell>
  );
}
