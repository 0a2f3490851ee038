import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { FormError, Notice } from '../../../components/states';
import { ScheduleForm } from '../../../features/booking/schedule-form';
import { useScheduleEditor } from '../../../features/booking/use-schedule-editor';
import '../../../features/booking/booking.css';

export default function SchedulePage() {
  const e = useScheduleEditor();
  return (
    <Loaded what={e.loaded} shell pick={(d) => (e.draft ? { data: d, draft: e.draft } : undefined)}>
      {({ data, draft }) => (
        <PageShell id="booking-schedule">
          <View className="card">
            <Text className="booking-service-name">{data.service.name}</Text>
            <Text className="block muted">
              {data.service.communityName} · {data.service.location}
            </Text>
          </View>
          {!data.service.bookable ? (
            <Notice tone="warn">
              <Text>服务目录里这项服务是“不需预约”，居民看不到预约按钮。要开放预约，请先在“维护便民服务”里改成“可预约”。</Text>
            </Notice>
          ) : null}
          {data.calendarWarning ? (
            <Notice tone="warn" id="schedule-calendar-warning">
              <Text>
                调休安排只录入到 {data.lastOfficialYear} 年：{data.lastOfficialYear + 1}{' '}
                年的元旦、春节等法定节假日已自动停约，但连休和补班的日子还不知道，居民会看到“调休未定”的提示。国务院通知发布后，请区或街道管理员在“节假日安排”里录入，预约会自动按新安排开放或取消。
              </Text>
            </Notice>
          ) : null}
          {!data.settings ? (
            <Notice tone="info">
              <Text>这项服务还没有排班。下面是常用的设置，改好后点“保存排班”，居民就能预约了。</Text>
            </Notice>
          ) : null}
          <ScheduleForm draft={draft} update={e.update} />
          {e.saved ? (
            <Notice tone="ok" id="schedule-saved">
              <Text>
                已保存。已经约好的居民不受影响{e.saved.promoted > 0 ? `；新增的号已经按顺序给了 ${e.saved.promoted} 位候补居民` : ''}。
              </Text>
            </Notice>
          ) : null}
          <FormError error={e.error} />
          <AppButton id="btn-save-schedule" busy={e.busy} onClick={() => void e.save()}>
            保存排班
          </AppButton>
        </PageShell>
      )}
    </Loaded>
  );
}
