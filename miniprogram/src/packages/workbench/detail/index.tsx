import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CATEGORY_CONFIG, formatShanghai, TRIAGE_LABELS, TRIAGE_TRACKS, type RequestDetail, type TriageTrack } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips, ChoiceList } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { Section } from '../../../components/section';
import { ErrorState, FormError, LoadingState, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { PhotoGrid } from '../../../features/requests/photo-grid';
import { PhotoPicker } from '../../../features/requests/photo-picker';
import { newSubmissionKey } from '../../../features/requests/places';
import { RequestItem } from '../../../features/requests/request-item';
import { ResultSection } from '../../../features/requests/result-section';
import { StatusCard } from '../../../features/requests/status-card';
import { Timeline } from '../../../features/requests/timeline';
import { useSubscriptions } from '../../../features/notices/use-subscriptions';
import { useRequestDetail } from '../../../features/requests/use-request-detail';
import { ToggleRow } from '../../../features/requests/toggle-row';
import { useAsync } from '../../../hooks/use-async';
import { useGuarded } from '../../../hooks/use-guarded';
import { callCloud } from '../../../services/cloud';
import { redirectTo } from '../../../services/routes';

/** Runs one call at a time for a form (a double tap sends once) and answers its result, or null when it did not run or failed. */
function useAction() {
  const guard = useGuarded();
  const run = async <T,>(call: () => Promise<T>): Promise<T | null> => {
    let result: T | null = null;
    await guard.run(async () => {
      result = await call();
    });
    return result;
  };
  return { busy: guard.busy !== null, error: guard.error, run };
}

/** One request as staff handle it: 受理, 分流, 处置/跟踪, 反馈, 合并, and a call to the resident for the handler. */
export default function WorkbenchDetailPage() {
  const { detail } = useRequestDetail();
  // the natural moments to ask for WeChat reminders: 受理, 分流, 办结 (from the tap itself)
  const { askAtWork } = useSubscriptions('staff');
  const r = detail.state.data;
  if (!r)
    return (
      <PageShell>
        {detail.state.status === 'error' ? <ErrorState error={detail.state.error} onRetry={detail.reload} /> : <LoadingState />}
      </PageShell>
    );
  const update = detail.setData;
  return (
    <PageShell>
      <StatusCard r={r} />
      <Section id="what" title="反映的问题">
        <Text className="block">{r.description}</Text>
        <Text className="muted block">
          {r.compoundName} · {r.locationText} · {formatShanghai(r.createdAt, 'M月D日 HH:mm')}
        </Text>
        {r.photos.length ? <PhotoGrid photos={r.photos} pending={r.pendingPhotos} /> : null}
        <Text className="block top-gap-small">反映人：{r.reporterName}</Text>
        {r.can.callReporter && r.reporterPhone ? (
          <View className="top-gap-small" id="call-reporter">
            <PhoneLink phone={r.reporterPhone} label="打给居民" />
          </View>
        ) : null}
      </Section>
      {r.can.accept ? <Accept r={r} onDone={update} onWork={askAtWork} /> : null}
      {r.can.triage ? <Triage key={r.status} r={r} onDone={update} onWork={askAtWork} /> : null}
      {r.can.progress ? <Progress r={r} onDone={update} /> : null}
      {r.can.resolve ? <Resolve r={r} onDone={update} onWork={askAtWork} /> : null}
      {r.guidance ? (
        <Section id="guidance" title="给居民的指引（私事）">
          <Text className="block">{r.guidance}</Text>
        </Section>
      ) : null}
      <ResultSection r={r} />
      {r.can.merge ? <Merge r={r} onDone={update} /> : null}
      <Section id="timeline" title="办理经过">
        <Timeline events={r.timeline} pending={r.pendingPhotos} />
      </Section>
    </PageShell>
  );
}

/** `onWork` runs first thing in the tap of a step (it may show WeChat's subscribe dialog). */
type Props = { r: RequestDetail; onDone: (r: RequestDetail) => void; onWork?: () => void };

function Accept({ r, onDone, onWork }: Props) {
  const action = useAction();
  return (
    <Section id="accept" title="受理">
      <Text className="block">受理后就开始计算办理期限。</Text>
      <FormError error={action.error} />
      <AppButton
        id="btn-accept"
        busy={action.busy}
        onClick={() => {
          onWork?.();
          void action.run(() => callCloud('requests', 'accept', { requestId: r.id })).then((d) => d && onDone(d));
        }}
      >
        受理
      </AppButton>
    </Section>
  );
}

function Triage({ r, onDone, onWork }: Props) {
  const [track, setTrack] = useState<TriageTrack>(r.track ?? 'minor');
  const [handler, setHandler] = useState<string | null>(null);
  const [guidance, setGuidance] = useState('');
  const [complex, setComplex] = useState(false);
  // while it is being handled, reassigning is the exception: keep it folded away
  const [unfolded, setUnfolded] = useState(r.status !== 'handling');
  const candidates = useAsync(unfolded ? () => callCloud('requests', 'handlers', { requestId: r.id }) : null, [r.id, unfolded]);
  const action = useAction();
  const options = (candidates.state.data?.candidates ?? [])
    .filter((c) => track !== 'private' && c.tracks.includes(track))
    .map((c) => ({ id: c.openid, title: `${c.roleLabel} ${c.name}`, sub: c.placeName }));
  const submit = () => {
    onWork?.();
    void action
      .run(() =>
        callCloud('requests', 'triage', {
          requestId: r.id,
          track,
          ...(track === 'private' ? { guidance } : { handlerOpenid: handler ?? '', complex }),
        }),
      )
      .then((d) => d && onDone(d));
  };
  if (!unfolded)
    return (
      <Section id="triage">
        <AppButton id="btn-reassign" variant="plain" onClick={() => setUnfolded(true)}>
          改派给别人办理
        </AppButton>
      </Section>
    );
  return (
    <Section id="triage" title={r.status === 'handling' ? '改派' : '分流（三事分流）'}>
      <Chips
        idPrefix="track"
        value={track}
        onChange={(t) => (setTrack(t), setHandler(null))}
        options={TRIAGE_TRACKS.map((t) => ({ value: t, label: TRIAGE_LABELS[t].label }))}
      />
      <Text className="muted block top-gap-small">{TRIAGE_LABELS[track].hint}</Text>
      {track === 'private' ? (
        <TextField
          id="input-guidance"
          label="给居民的办理指引"
          multiline
          value={guidance}
          onChange={setGuidance}
          maxlength={300}
          placeholder="例如：请与楼上邻居协商；也可拨打物业电话 024-88881000"
        />
      ) : (
        <>
          <Text className="h3 block top-gap">交给谁办理？</Text>
          {candidates.state.status === 'loading' ? <LoadingState /> : null}
          <ChoiceList options={options} selectedId={handler} onSelect={(o) => setHandler(o.id)} className="handler-list" />
          {r.tier === 'general' || r.tier === 'utility' ? (
            <View className="top-gap-small">
              <ToggleRow id="toggle-complex" on={complex} onChange={setComplex} title="复杂事项" sub="期限改为受理后 15 个工作日" />
            </View>
          ) : null}
        </>
      )}
      <FormError error={action.error} />
      <View className="top-gap-small">
        <AppButton id="btn-triage" busy={action.busy} disabled={track !== 'private' && !handler} onClick={submit}>
          确定分流
        </AppButton>
      </View>
    </Section>
  );
}

function Progress({ r, onDone }: Props) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [key, setKey] = useState(newSubmissionKey);
  const action = useAction();
  const send = () =>
    void action
      .run(() => callCloud('requests', 'progress', { requestId: r.id, key, text, photos }))
      .then((d) => {
        if (!d) return;
        setText('');
        setPhotos([]);
        setKey(newSubmissionKey());
        onDone(d);
      });
  return (
    <Section id="progress" title="告诉居民进展">
      <Text className="muted block">点一句常用回复，再按需修改：</Text>
      <View className="row-wrap top-gap-small">
        {CATEGORY_CONFIG[r.category].quickReplies.map((q, i) => (
          <Text key={q} id={`quick-${i}`} className="chip" onClick={() => setText(q)}>
            {q}
          </Text>
        ))}
      </View>
      <View className="top-gap-small">
        <TextField id="input-progress" label="进展" multiline value={text} onChange={setText} maxlength={300} />
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </View>
      <FormError error={action.error} />
      <AppButton id="btn-progress" variant="secondary" busy={action.busy} onClick={send}>
        发送进展
      </AppButton>
    </Section>
  );
}

function Resolve({ r, onDone, onWork }: Props) {
  const [result, setResult] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const action = useAction();
  return (
    <Section id="resolve" title="办结反馈">
      <TextField
        id="input-result"
        label="办理结果"
        multiline
        value={result}
        onChange={setResult}
        maxlength={300}
        placeholder="例如：楼道灯已更换，恢复照明"
      />
      <PhotoPicker photos={photos} onChange={setPhotos} />
      <Text className="muted block">反馈后请居民评价；7 天内没有评价的自动办结。</Text>
      <FormError error={action.error} />
      <AppButton
        id="btn-resolve"
        busy={action.busy}
        onClick={() => {
          onWork?.();
          void action.run(() => callCloud('requests', 'resolve', { requestId: r.id, result, photos })).then((d) => d && onDone(d));
        }}
      >
        办结反馈
      </AppButton>
    </Section>
  );
}

function Merge({ r, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const similar = useAsync(open ? () => callCloud('requests', 'similar', { compoundId: r.compoundId, category: r.category }) : null, [
    open,
    r.id,
  ]);
  const action = useAction();
  const others = (similar.state.data?.requests ?? []).filter((o) => o.id !== r.id);
  const merge = async (intoId: string) => {
    const { confirm } = await Taro.showModal({
      title: '合并重复诉求',
      content: '这件诉求会并入选中的那件，反映人会一起收到进展。确定合并吗？',
      confirmText: '合并',
    });
    if (!confirm) return;
    const d = await action.run(() => callCloud('requests', 'merge', { requestId: r.id, intoId }));
    if (d) await redirectTo('workbench/detail', { id: d.id }).catch(() => onDone(d));
  };
  return (
    <Section id="merge" title="重复的诉求？">
      {!open ? (
        <AppButton id="btn-find-duplicates" variant="plain" onClick={() => setOpen(true)}>
          找同小区同类的诉求，合并办理
        </AppButton>
      ) : (
        <>
          {similar.state.status === 'loading' ? <LoadingState /> : null}
          {similar.state.status === 'ok' && others.length === 0 ? <Notice tone="info">没有可以合并的诉求。</Notice> : null}
          {others.map((o) => (
            <View key={o.id} className="top-gap-small">
              <RequestItem request={o} onClick={() => undefined} />
              <AppButton id={`btn-merge-into-${o.id}`} variant="secondary" busy={action.busy} onClick={() => void merge(o.id)}>
                把这件并入它
              </AppButton>
            </View>
          ))}
          <FormError error={action.error} />
        </>
      )}
    </Section>
  );
}
