import { Text } from '@tarojs/components';
import { TOPIC_STAGES, TOPIC_STAGE_LABELS, type TopicStage } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState } from '../../../components/states';
import { TopicRow } from '../../../features/deliberation/deliberation-views';
import { useTopicList } from '../../../features/deliberation/use-deliberation';
import { goTo } from '../../../services/routes';

const FILTERS: { value: TopicStage | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  ...TOPIC_STAGES.map((s) => ({ value: s, label: TOPIC_STAGE_LABELS[s] })),
];

export default function AgoraListPage() {
  const { communityId, stage, setStage, list } = useTopicList();
  return (
    <PageShell id="agora-list">
      <Loaded what={list} loadingId="agora-loading">
        {(d) => (
          <>
            <Section id="agora-head" title={`${d.community.name} 议事厅`}>
              <Text className="block" id="agora-counts">
                议题 {Object.values(d.counts).reduce((a, b) => a + b, 0)} 个 · 已采纳建议 {d.adopted} 条 · 已实施 {d.counts.carriedOut} 个
              </Text>
              <Text className="muted block">议题附议满 {d.threshold} 人自动列入社区议程，按“四议一审两公开”议决，结果全部公开。</Text>
              <AppButton id="agora-propose" onClick={goTo('agora/propose', { communityId })}>
                我要提议题
              </AppButton>
            </Section>
            <Chips options={FILTERS} value={stage} onChange={setStage} idPrefix="stage" />
            <Section id="agora-topics">
              {d.topics.length === 0 ? <EmptyState id="agora-empty" text="这一类还没有议题" /> : null}
              {d.topics.map((t) => (
                <TopicRow key={t.id} t={t} />
              ))}
            </Section>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
