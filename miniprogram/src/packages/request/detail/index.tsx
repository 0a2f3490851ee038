import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { formatShanghai, SATISFACTION_LABELS } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { Notice } from '../../../components/states';
import { ConfirmForm } from '../../../features/requests/confirm-form';
import { PhotoGrid } from '../../../features/requests/photo-grid';
import { RateForm } from '../../../features/requests/rate-form';
import { ResultSection } from '../../../features/requests/result-section';
import { StatusCard } from '../../../features/requests/status-card';
import { Timeline } from '../../../features/requests/timeline';
import { useRequestDetail } from '../../../features/requests/use-request-detail';
import { goTo, redirectTo } from '../../../services/routes';
import '../../../features/requests/requests.css';

/** The resident's view of one request: who holds it, until when, every step so far, and their own next step. */
export default function RequestDetailPage() {
  const params = useRouter().params;
  const { detail } = useRequestDetail();
  return (
    <Loaded what={detail} shell>
      {(r) => (
        <PageShell>
          {params.new ? (
            <Notice tone="ok" id="submitted-note">
              <Text>已提交。小区点长会在 2 小时内受理，每一步进展都会通知您。</Text>
            </Notice>
          ) : null}
          {params.seconded ? (
            <Notice tone="ok" id="seconded-note">
              <Text>已附议。这件事的办理进展会同样通知您，也能在“我的诉求”里看到。</Text>
            </Notice>
          ) : null}
          <StatusCard r={r} />
          {r.status === 'merged' && r.mergedInto ? (
            <Notice tone="info" id="merged-note">
              <Text className="block">这件诉求和另一件相同的诉求合并办理了。</Text>
              <AppButton variant="secondary" onClick={() => void redirectTo('request/detail', { id: r.mergedInto ?? '' })}>
                查看合并后的诉求
              </AppButton>
            </Notice>
          ) : null}
          {r.topicId ? (
            <Notice tone="info" id="topic-note">
              <Text className="block">这件大事已转到议事厅，按“四议一审两公开”议决，进展和结果都公开。</Text>
              <AppButton id="open-topic" variant="secondary" onClick={goTo('agora/topic', { id: r.topicId })}>
                查看议题进展
              </AppButton>
            </Notice>
          ) : null}
          {r.guidance ? (
            <Section id="guidance" title="办理指引（私事）">
              <Text className="block">{r.guidance}</Text>
              {r.can.confirm ? <ConfirmForm r={r} onDone={detail.setData} /> : null}
            </Section>
          ) : null}
          <ResultSection r={r} />
          {r.can.rate ? <RateForm r={r} onDone={detail.setData} /> : null}
          {r.rating ? (
            <Section id="rating" title="我的评价">
              <Text className="block">
                {SATISFACTION_LABELS[r.rating.satisfaction]} · {r.rating.solved ? '问题已解决' : '问题未解决'}
              </Text>
              {r.rating.comment ? <Text className="muted block">{r.rating.comment}</Text> : null}
            </Section>
          ) : null}
          <Section id="what" title="反映的问题">
            <Text className="block">{r.description}</Text>
            <Text className="muted block">
              {r.compoundName} · {r.locationText} · {formatShanghai(r.createdAt, 'M月D日 HH:mm')}
            </Text>
            {r.proxyLine ? (
              <Text className="block muted" id="proxy-line">
                {r.proxyLine}
              </Text>
            ) : null}
            {r.photos.length ? <PhotoGrid photos={r.photos} pending={r.pendingPhotos} /> : null}
            {r.removedPhotosNotice ? (
              <Text id="removed-photos" className="muted block">
                {r.removedPhotosNotice}
              </Text>
            ) : null}
          </Section>
          <Section id="timeline" title="办理经过">
            <Timeline events={r.timeline} pending={r.pendingPhotos} />
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
