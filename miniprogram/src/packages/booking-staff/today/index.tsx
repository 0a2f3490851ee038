import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { Notice } from '../../../components/states';
import { dayLabel } from '../../../features/booking/format';
import { useBookingToday } from '../../../features/booking/use-booking-today';
import { StaffScopeBar, useStaffPlace } from '../../../features/identity/staff-scope';
import { goTo } from '../../../services/routes';
import '../../../features/booking/booking.css';

const FORBIDDEN = '预约签到需要社区工作人员身份。';

export default function BookingTodayPage() {
  const { drill, placeId, gate } = useStaffPlace('community', FORBIDDEN);
  const communityId = placeId;
  const today = useBookingToday(communityId);

  if (gate) return gate;
  return (
    <PageShell id="booking-today">
      <StaffScopeBar drill={drill} target="community" />
      {!communityId ? null : (
        <Loaded what={today}>
          {(data) => (
            <View>
              <AppButton id="btn-go-check-in" onClick={goTo('booking-staff/check-in', { communityId })}>
                签到（扫码或输入预约码）
              </AppButton>
              <View className="spacer" />
              {data.calendarWarning ? (
                <Notice tone="warn">
                  <Text>{data.calendarWarning}</Text>
                </Notice>
              ) : null}
              <Section title={`今天 ${dayLabel(data.date)}`} id="today-services">
                {data.services.length === 0 ? (
                  <Text className="muted block">目录里还没有可预约的服务。请先在“维护便民服务”里把服务设为可预约。</Text>
                ) : null}
                {data.services.map((s) => (
                  <View key={s.serviceId} className="booking-item" id={`today-${s.serviceId}`}>
                    <Text className="booking-item-when">{s.name}</Text>
                    {s.scheduled ? (
                      <Text className="block">
                        已约 {s.booked} 人 · 已签到 {s.checkedIn} · 未到 {s.noShow}
                        {s.waiting > 0 ? ` · 候补 ${s.waiting}` : ''}
                      </Text>
                    ) : (
                      <Text className="block muted">还没有排班，居民暂时约不了</Text>
                    )}
                    <View className="roster-actions">
                      {s.scheduled ? (
                        <AppButton small className="btn-roster" onClick={goTo('booking-staff/roster', { serviceId: s.serviceId })}>
                          看名单
                        </AppButton>
                      ) : null}
                      <AppButton
                        small
                        variant="secondary"
                        className="btn-schedule"
                        onClick={goTo('booking-staff/schedule', { serviceId: s.serviceId })}
                      >
                        {s.scheduled ? '改排班' : '设置排班'}
                      </AppButton>
                    </View>
                  </View>
                ))}
              </Section>
            </View>
          )}
        </Loaded>
      )}
    </PageShell>
  );
}
