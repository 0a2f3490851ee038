import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { Section } from '../../../components/section';
import { EmptyState, ErrorState, Notice } from '../../../components/states';
import { DayGrid } from '../../../features/booking/day-grid';
import { dayLabel, minutesText } from '../../../features/booking/format';
import { SlotList } from '../../../features/booking/slot-list';
import { useSlotsPage } from '../../../features/booking/use-slots-page';
import { switchTab } from '../../../services/routes';
import '../../../features/booking/booking.css';

export default function BookingSlotsPage() {
  const { moveFrom, forName, date, setDate, days, slots, choose } = useSlotsPage();

  return (
    <Loaded
      what={days}
      shell
      errorId="slots-error"
      loadingId="slots-loading"
      renderError={(error, retry) =>
        error.code === 'BOOKING.NOT_BOOKABLE' ? (
          // trying again cannot help: the catalogue says where and when to go instead
          <ErrorState id="slots-error" error={error}>
            <AppButton id="btn-back-to-services" variant="secondary" onClick={() => void switchTab('services')}>
              看便民服务
            </AppButton>
          </ErrorState>
        ) : (
          <ErrorState id="slots-error" error={error} onRetry={retry} />
        )
      }
    >
      {(data) => {
        const { service, calendarWarning } = data;
        const phone = service.phone;
        const anyFree = data.days.some((d) => d.free > 0);
        return (
          <PageShell id="booking-slots">
            <View className="card">
              <Text className="booking-service-name" id="slots-service-name">
                {service.name}
              </Text>
              <Text className="block">{service.location}</Text>
              {service.servedBy ? <Text className="block muted">接待：{service.servedBy}</Text> : null}
              <Text className="booking-rules">
                可预约今天起 {service.windowDays} 天内的时段，开始前 {minutesText(service.noticeMinutes)}截止预约；开始前{' '}
                {minutesText(service.cancelCutoffMinutes)}以前可以取消或改约。
              </Text>
              {phone ? <PhoneLink phone={phone} inline label="不会约？打电话" /> : null}
            </View>
            {forName ? (
              <Notice tone="info" id="slots-proxy">
                <Text>
                  正在替 {forName} 预约：约上后记录为“代 {forName} 提交”，她（他）以后绑定住址就能在“我的预约”里看到。
                </Text>
              </Notice>
            ) : null}
            {moveFrom ? (
              <Notice tone="info" id="slots-moving">
                <Text>正在改约：请选一个新的时间，原来的时间会自动让出来。</Text>
              </Notice>
            ) : null}
            {calendarWarning ? (
              <Notice tone="warn" id="calendar-warning">
                <Text>{calendarWarning}</Text>
              </Notice>
            ) : null}
            <Section title="1. 选日期" extra={anyFree ? '绿色字是剩下的号' : undefined}>
              <DayGrid days={data.days} selected={date} onSelect={setDate} />
              {!anyFree ? <Text className="block top-gap muted">最近几天都约满了。可以点一天，排队候补。</Text> : null}
            </Section>
            <Section id="slots-section" title={date ? `2. 选时间（${dayLabel(date)}）` : '2. 选时间'}>
              {/* the chosen day's times: an answer for another day is not this day's */}
              <Loaded what={slots} pick={(d) => (d.date === date ? d : undefined)} loadingText="正在查看这天的时段…">
                {(day) =>
                  day.slots.length === 0 ? (
                    <EmptyState id="slots-closed" text={`这天不办理：${day.day.closedReason ?? '没有开放时段'}。请选别的日期。`} />
                  ) : (
                    <SlotList key={day.date} slots={day.slots} moving={Boolean(moveFrom)} onChoose={choose} />
                  )
                }
              </Loaded>
            </Section>
          </PageShell>
        );
      }}
    </Loaded>
  );
}
