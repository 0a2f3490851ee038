import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { PrivacyNote } from '../../../components/privacy-note';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { LabelLine, Section } from '../../../components/section';
import { ErrorState, FormError, LoadingState, Notice } from '../../../components/states';
import { PhoneField } from '../../../components/phone-field';
import { TextField } from '../../../components/text-field';
import { dayLabel, timeRange } from '../../../features/booking/format';
import { RefusalActions } from '../../../features/booking/refusal-actions';
import { useConfirmPage } from '../../../features/booking/use-confirm-page';
import { formatShanghai } from '@linli/shared';
import { redirectTo } from '../../../services/routes';
import '../../../features/booking/booking.css';

const TITLES = { book: '确认预约', waitlist: '排队候补', move: '确认改约' } as const;
const LOCKED_AFTER = { book: '预约后', waitlist: '约上以后', move: '改约后' } as const;

export default function BookingConfirmPage() {
  const c = useConfirmPage();
  const { service, slot } = c;
  const date = c.startAt ? formatShanghai(c.startAt, 'YYYY-MM-DD') : '';

  if (c.joined) {
    return (
      <PageShell id="booking-waitlisted">
        <Notice tone="ok" id="waitlist-joined">
          <Text className="h3 block">
            已排队候补，{c.forName ?? '您'}是第 {c.joined.position} 位
          </Text>
          <Text className="block">有人取消时，排在最前面的人会自动约上，并收到通知。约上以后在“我的预约”里能看到预约码。</Text>
        </Notice>
        <AppButton id="btn-go-mine" onClick={() => void redirectTo('booking/mine')}>
          查看我的预约
        </AppButton>
      </PageShell>
    );
  }

  if (c.day.state.status === 'error' && !c.day.state.data) {
    return (
      <PageShell>
        <ErrorState id="confirm-error" error={c.day.state.error} onRetry={c.day.reload} />
      </PageShell>
    );
  }

  return (
    <PageShell id={`booking-confirm-${c.mode}`}>
      <Section title={TITLES[c.mode]}>
        <LabelLine label="服务">
          <Text id="confirm-service">{service?.name ?? '…'}</Text>
        </LabelLine>
        <LabelLine label="时间">
          <Text id="confirm-when" className="strong">
            {date ? `${dayLabel(date)} ${timeRange(c.startAt, c.endAt || c.startAt)}` : ''}
          </Text>
        </LabelLine>
        <LabelLine label="地点">
          <Text>{service?.location ?? '…'}</Text>
        </LabelLine>
      </Section>
      {slot && !slot.changeable ? (
        // inside the cancellation cutoff: the booking locks the moment it is made, so say it before
        <Notice tone="warn" id="confirm-locked">
          <Text className="block strong">
            {LOCKED_AFTER[c.mode]}不能在网上取消或改约，如有变化请打电话{service?.phone ? '：' : '告诉社区。'}
          </Text>
          {service?.phone ? <PhoneLink phone={service.phone} label="打电话给社区" className="confirm-locked-phone" /> : null}
        </Notice>
      ) : null}
      {c.mode === 'waitlist' ? (
        <Notice tone="warn" id="waitlist-explain">
          <Text>这个时段已经约满。排队候补后，有人取消时会按排队先后自动约给您，并通知您；约不上也不用做什么。</Text>
        </Notice>
      ) : null}
      {c.mode === 'move' ? (
        <Notice tone="info">
          <Text>确认后，原来的预约会改到这个时间，预约码不变。</Text>
        </Notice>
      ) : c.forName ? (
        <Section title="预约人" id="confirm-proxy">
          <LabelLine label="替谁预约">
            <Text id="confirm-for" className="strong">
              {c.forName}（姓名和电话用住户台账里的）
            </Text>
          </LabelLine>
          <TextField
            id="booker-note"
            label="备注（可不填）"
            value={c.booker?.note ?? ''}
            onChange={c.setNote}
            placeholder="如：腿脚不便、需要轮椅"
            multiline
            maxlength={100}
          />
        </Section>
      ) : !c.booker ? (
        <Section title="预约人">
          <LoadingState id="booker-loading" text="正在填好您的姓名和电话…" />
        </Section>
      ) : (
        <Section title="预约人">
          <TextField id="booker-name" label="姓名" value={c.booker.name} onChange={c.setName} placeholder="请填写姓名" maxlength={20} />
          <PhoneField id="booker-phone" value={c.booker.phone} onChange={c.setPhone} hint="方便工作人员联系您" />
          <TextField
            id="booker-note"
            label="备注（可不填）"
            value={c.booker.note}
            onChange={c.setNote}
            placeholder="如：想咨询的事、需要轮椅"
            multiline
            maxlength={100}
          />
          <PrivacyNote id="booking-privacy" purpose="姓名和手机号只给服务大厅的工作人员联系您用。" />
        </Section>
      )}
      <FormError error={c.error} />
      <RefusalActions error={c.error} />
      {c.error?.code === 'BOOKING.SLOT_FULL' && c.mode === 'book' ? (
        <View className="stack">
          <AppButton id="btn-switch-waitlist" variant="secondary" onClick={c.switchToWaitlist}>
            排队候补这个时段
          </AppButton>
          <AppButton variant="plain" onClick={() => void Taro.navigateBack()}>
            换一个时间
          </AppButton>
        </View>
      ) : (
        <View className="stack">
          <AppButton id="btn-confirm" busy={c.busy || (c.mode !== 'move' && !c.booker && !c.forName)} onClick={() => void c.submit()}>
            {c.busy ? '正在提交…' : c.mode === 'book' ? (c.forName ? '代为预约' : '确认预约') : c.mode === 'move' ? '确认改约' : '排队候补'}
          </AppButton>
          <AppButton id="btn-back-reselect" variant="plain" onClick={() => void Taro.navigateBack()}>
            返回重选
          </AppButton>
        </View>
      )}
    </PageShell>
  );
}
