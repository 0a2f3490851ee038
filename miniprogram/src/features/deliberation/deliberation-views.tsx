import { Text, View } from '@tarojs/components';
import { ROLE_SCOPE_KIND, type Grant, type TopicSummary, type TopicView, type VoteView } from '@linli/shared';
import { LinkRow } from '../../components/choice';
import { Section } from '../../components/section';
import { formatDateTime } from '../../services/format';
import { goTo } from '../../services/routes';

/** One topic in a community's list: its stage and where it stands. */
export function TopicRow({ t }: { t: TopicSummary }) {
  return (
    <LinkRow
      id={`topic-${t.id}`}
      className="topic-row"
      title={`【${t.stageLabel}】${t.title}`}
      sub={`${t.placeName} · 附议 ${t.supports}/${t.threshold} · 意见 ${t.comments}（采纳 ${t.adopted}）`}
      onClick={goTo('agora/topic', { id: t.id })}
    />
  );
}

/** The steps of 四议一审两公开 recorded so far, with attendance and the law the quorum came from. */
export function StepList({ topic }: { topic: TopicView }) {
  return (
    <Section id="topic-steps" title="四议一审两公开" extra={topic.nextStepLabel ? `下一步：${topic.nextStepLabel}` : undefined}>
      {topic.steps.length === 0 ? <Text className="muted block">还没有开始议决</Text> : null}
      {topic.steps.map((s, i) => (
        <View key={s.step} className={`step-row step-${s.outcome}`} id={`step-${s.step}`}>
          <Text className="h3 block">
            {i + 1}. {s.label} · {s.outcome === 'approved' ? '通过' : '未通过'}
          </Text>
          <Text className="muted block">
            {s.date} · 记录人 {s.recordedByName}
            {s.attendance ? ` · 应到 ${s.attendance.expected}，实到 ${s.attendance.present}，法定 ${s.attendance.needed}` : ''}
          </Text>
          {s.attendance ? <Text className="muted block">依据：{s.attendance.source}</Text> : null}
          <Text className="block pre-line">{s.minutes}</Text>
          {s.reason ? <Text className="block danger">原因：{s.reason}</Text> : null}
          {s.noticeId ? (
            <Text className="link block" id={`notice-link-${s.step}`} onClick={goTo('notices/detail', { id: s.noticeId, from: 'archive' })}>
              查看阳光三务公开 ›
            </Text>
          ) : null}
        </View>
      ))}
    </Section>
  );
}

/** A household vote's result: turnout against the legal number of households, then the options. */
export function VoteResult({ v }: { v: VoteView }) {
  const r = v.result;
  return (
    <View className="vote-result" id={`vote-result-${v.id}`}>
      <Text className="block">
        投票户数 {r.ballots}/{v.households}（纸质 {r.paper}），法定至少 {r.turnout.needed} 户：{r.turnout.met ? '已达到' : '未达到'}
      </Text>
      <Text className="muted block">依据：{r.turnout.source}</Text>
      {v.options.map((o, i) => (
        <Text key={o} className="block">
          {o}：{r.counts[i]} 户{r.winner === i ? '（过半数）' : ''}
        </Text>
      ))}
      <Text className="h3 block" id={`vote-outcome-${v.id}`}>
        {v.closed
          ? r.passed
            ? '结果：通过'
            : r.turnout.met
              ? '结果：未通过'
              : '结果：投票户数不足，无效'
          : `截止时间 ${formatDateTime(v.closesAt)}`}
      </Text>
    </View>
  );
}

/** 我的: the entry to the caller's community's 议事厅 (from their binding, else a community they serve). */
export function AgoraEntry({ communityId, grants }: { communityId: string | null; grants: readonly Grant[] }) {
  const id = communityId ?? grants.find((g) => ROLE_SCOPE_KIND[g.role] === 'community')?.placeId;
  if (!id) return null;
  return (
    <Section id="agora-entry">
      <LinkRow
        id="entry-agora"
        title="议事厅"
        sub="大家的事大家议：提议题、附议、提意见、每户一票"
        onClick={goTo('agora/list', { communityId: id })}
      />
    </Section>
  );
}
