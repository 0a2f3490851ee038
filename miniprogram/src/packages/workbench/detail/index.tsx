import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@linli/shared';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { Section } from '../../../components/section';
import { TopicFromRequest } from '../../../features/deliberation/topic-from-request';
import { useSubscriptions } from '../../../features/notices/use-subscriptions';
import { AcceptForm } from '../../../features/requests/accept-form';
import { MergeForm } from '../../../features/requests/merge-form';
import { PhotoGrid } from '../../../features/requests/photo-grid';
import { ProgressForm } from '../../../features/requests/progress-form';
import { ResolveForm } from '../../../features/requests/resolve-form';
import { ResultSection } from '../../../features/requests/result-section';
import { StatusCard } from '../../../features/requests/status-card';
import { Timeline } from '../../../features/requests/timeline';
import { TriageForm } from '../../../features/requests/triage-form';
import { useRequestDetail } from '../../../features/requests/use-request-detail';
import { DispatchEntry } from '../../../features/departments/department-entries';

/** One request as staff handle it: 受理, 分流, 处置/跟踪, 反馈, 合并, and a call to the resident for the handler. */
export default function WorkbenchDetailPage() {
  const { detail } = useRequestDetail();
  // the natural moments to ask for WeChat reminders: 受理, 分流, 办结 (from the tap itself)
  const { askAtWork } = useSubscriptions('staff');
  const update = detail.setData;
  return (
    <Loaded what={detail} shell>
      {(r) => (
        <PageShell>
          <StatusCard r={r} />
          <Section id="what" title="反映的问题">
            <Text className="block">{r.description}</Text>
            <Text className="muted block">
              {r.compoundName} · {r.locationText} · {formatShanghai(r.createdAt, 'M月D日 HH:mm')}
            </Text>
            {r.photos.length ? <PhotoGrid photos={r.photos} pending={r.pendingPhotos} /> : null}
            <Text className="block top-gap-small">反映人：{r.reporterName}</Text>
            {r.proxyLine ? (
              <Text className="block muted" id="proxy-line">
                {r.proxyLine}
              </Text>
            ) : null}
            {r.can.callReporter && r.reporterPhone ? (
              <View className="top-gap-small" id="call-reporter">
                <PhoneLink phone={r.reporterPhone} label="打给居民" />
              </View>
            ) : null}
          </Section>
          {r.can.accept ? <AcceptForm r={r} onDone={update} onWork={askAtWork} /> : null}
          <DispatchEntry r={r} />
          {r.can.triage ? <TriageForm key={r.status} r={r} onDone={update} onWork={askAtWork} /> : null}
          {r.can.progress ? <ProgressForm r={r} onDone={update} /> : null}
          {r.can.resolve ? <ResolveForm r={r} onDone={update} onWork={askAtWork} /> : null}
          {r.guidance ? (
            <Section id="guidance" title="给居民的指引（私事）">
              <Text className="block">{r.guidance}</Text>
            </Section>
          ) : null}
          <ResultSection r={r} />
          {r.can.merge ? <MergeForm r={r} onDone={update} /> : null}
          {r.track === 'major' && !r.topicId && (r.can.merge || r.can.progress) ? <TopicFromRequest r={r} /> : null}
          <Section id="timeline" title="办理经过">
            <Timeline events={r.timeline} pending={r.pendingPhotos} />
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
