import { Text, View } from '@tarojs/components';
import type { RosterEntry } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { StatusTag } from '../../../features/booking/booking-summary';
import { dayLabel, spacedCode } from '../../../features/booking/format';
import { useRoster } from '../../../features/booking/use-roster';
import '../../../features/booking/booking.css';

export default function RosterPage() {
  const r = useRoster();
  const data = r.roster.state.data;
  const isToday = r.date === r.today;

  const actions = (e: RosterEntry, startAt: string) => {
    const started = r.started(startAt);
    return (
      <View className="roster-actions">
        {isToday && (e.status === 'booked' || e.status === 'noShow') ? (
          <AppButton small className="btn-check-in" busy={r.working === `checkIn-${e.bookingId}`} onClick={() => r.checkIn(e)}>
            签到
          </AppButton>
        ) : null}
        {e.status === 'booked' && started ? (
          <AppButton
            small
            variant="plain"
            className="btn-no-show"
            busy={r.working === `noShow-${e.bookingId}`}
            onClick={() => r.markNoShow(e)}
          >
            记为未到
          </AppButton>
        ) : null}
      </View>
    );
  };

  return (
    <PageShell id="booking-roster">
      <View className="card">
        <Text className="booking-service-name" id="roster-service">
          {data?.service.name ?? '预约名单'}
        </Text>
        <Text className="h3 block" id="roster-date">
          {r.date ? dayLabel(r.date) : ''}
          {isToday ? '（今天）' : ''}
        </Text>
        <View className="btn-row top-gap-small">
          <AppButton small variant="plain" onClick={() => r.shift(-1)}>
            ‹ 前一天
          </AppButton>
          {!isToday ? (
            <AppButton small variant="plain" onClick={r.goToday}>
              今天
            </AppButton>
          ) : null}
          <AppButton small variant="plain" onClick={() => r.shift(1)}>
            后一天 ›
          </AppButton>
        </View>
      </View>
      {r.done ? (
        <Notice tone="ok" id="roster-done">
          <Text>{r.done}</Text>
        </Notice>
      ) : null}
      <FormError error={r.error} />
      <Loaded what={r.roster}>
        {(data) =>
          data.slots.length === 0 ? (
            <Notice tone="info" id="roster-empty">
              <Text>这天不开放{data.day?.closedReason ? `（${data.day.closedReason}）` : ''}，没有预约。</Text>
            </Notice>
          ) : (
            data.slots.map((s) => (
              <Section
                key={s.slotId}
                id={`roster-${s.start.replace(':', '')}`}
                title={`${s.start}–${s.end}`}
                extra={`${s.bookings.length}/${s.seats} 人`}
              >
                {s.bookings.length === 0 ? <Text className="muted block">还没有人预约</Text> : null}
                {s.bookings.map((e) => (
                  <View key={e.bookingId} className="roster-entry" id={`roster-entry-${e.code}`}>
                    <View className="row">
                      <Text className="roster-name">{e.name}</Text>
                      <Text className="muted roster-code">{spacedCode(e.code)}</Text>
                      <StatusTag booking={e} />
                      {e.source === 'waitlist' ? <Text className="tag">候补</Text> : null}
                    </View>
                    {e.proxyLine ? <Text className="block muted roster-proxy">{e.proxyLine}</Text> : null}
                    {e.note ? <Text className="block muted">备注：{e.note}</Text> : null}
                    <PhoneLink phone={e.phone} inline label="拨打" />
                    {actions(e, s.startAt)}
                  </View>
                ))}
                {s.waitlist.length > 0 ? (
                  <View className="top-gap-small">
                    <Text className="strong block">候补</Text>
                    {s.waitlist.map((w) => (
                      <Text key={w.position} className="block muted">
                        {w.position}. {w.name} {w.phone}
                        {w.proxyLine ? `（${w.proxyLine}）` : ''}
                      </Text>
                    ))}
                  </View>
                ) : null}
              </Section>
            ))
          )
        }
      </Loaded>
    </PageShell>
  );
}
