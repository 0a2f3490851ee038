import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatShanghai, SATISFACTION_LABELS, SATISFACTIONS, type RequestDetail, type Satisfaction } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { ErrorState, FormError, LoadingState, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { PhotoGrid } from '../../../features/requests/photo-grid';
import { ResultSection } from '../../../features/requests/result-section';
import { StatusCard } from '../../../features/requests/status-card';
import { Timeline } from '../../../features/requests/timeline';
import { useGuarded } from '../../../hooks/use-guarded';
import { useRequestDetail } from '../../../features/requests/use-request-detail';
import { callCloud, CloudError } from '../../../services/cloud';
import '../../../features/requests/requests.css';
import { redirectTo } from '../../../services/routes';

/** The resident's view of one request: who holds it, until when, every step so far, and their own next step. */
export default function RequestDetailPage() {
  const params = useRouter().params;
  const { detail } = useRequestDetail();
  const r = detail.state.data;
  if (!r)
    return (
      <PageShell>
        {detail.state.status === 'error' ? <ErrorState error={detail.state.error} onRetry={detail.reload} /> : <LoadingState />}
      </PageShell>
    );
  return (
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
      {r.guidance ? (
        <Section id="guidance" title="办理指引（私事）">
          <Text className="block">{r.guidance}</Text>
          {r.can.confirm ? <Confirm id={r.id} onDone={detail.setData} autoCloseAt={r.autoCloseAt} /> : null}
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
  );
}

function Confirm({ id, onDone, autoCloseAt }: { id: string; onDone: (r: RequestDetail) => void; autoCloseAt?: string | undefined }) {
  const guard = useGuarded();
  const { error } = guard;
  const busy = guard.busy !== null;
  const confirm = () =>
    guard.run(async () => {
      onDone(await callCloud('requests', 'confirm', { requestId: id }));
    });
  return (
    <View className="top-gap">
      {autoCloseAt ? <Text className="muted block">{formatShanghai(autoCloseAt, 'M月D日 HH:mm')} 前没有回复的，会自动办结。</Text> : null}
      <FormError error={error} />
      <AppButton id="btn-confirm" busy={busy} onClick={() => void confirm()}>
        知道了，按指引办
      </AppButton>
    </View>
  );
}

function RateForm({ r, onDone }: { r: RequestDetail; onDone: (r: RequestDetail) => void }) {
  const [solved, setSolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const guard = useGuarded();
  const { error } = guard;
  const busy = guard.busy !== null;
  const submit = async () => {
    if (solved === null || satisfaction === null) {
      guard.setError(
        new CloudError('COMMON.INVALID_INPUT', {
          issues: [{ path: '', message: solved === null ? '请选择问题是否解决' : '请选择满意、基本满意或不满意' }],
        }),
      );
      return;
    }
    await guard.run(async () => {
      onDone(await callCloud('requests', 'rate', { requestId: r.id, solved, satisfaction, ...(comment.trim() ? { comment } : {}) }));
    });
  };
  return (
    <Section id="rate" title="请您评价">
      {r.autoCloseAt ? (
        <Text className="muted block">{formatShanghai(r.autoCloseAt, 'M月D日')} 前没有评价的，会自动办结（不算满意）。</Text>
      ) : null}
      <Text className="h3 block top-gap-small">问题解决了吗？</Text>
      <View className="big-choice top-gap-small">
        <Text id="solved-yes" className={`chip ${solved === true ? 'chip-selected' : ''}`} onClick={() => setSolved(true)}>
          已解决
        </Text>
        <Text id="solved-no" className={`chip ${solved === false ? 'chip-selected' : ''}`} onClick={() => setSolved(false)}>
          没解决
        </Text>
      </View>
      <Text className="h3 block top-gap">您对办理满意吗？</Text>
      <View className="big-choice top-gap-small">
        {SATISFACTIONS.map((s) => (
          <Text
            key={s}
            id={`satisfaction-${s}`}
            className={`chip ${satisfaction === s ? 'chip-selected' : ''}`}
            onClick={() => setSatisfaction(s)}
          >
            {SATISFACTION_LABELS[s]}
          </Text>
        ))}
      </View>
      {satisfaction === 'unsatisfied' ? <Text className="muted block top-gap-small">选“不满意”会重新办理，并上报上一级督办。</Text> : null}
      <View className="top-gap-small">
        <TextField id="input-comment" label="想说的话（可以不写）" value={comment} onChange={setComment} maxlength={200} />
      </View>
      <FormError error={error} />
      <AppButton id="btn-rate" busy={busy} onClick={() => void submit()}>
        提交评价
      </AppButton>
    </Section>
  );
}
