import type { RecordedStep } from './steps.rules';

/**
 * A topic's public stage, for the community's list: 征集意见 while it gathers support and comments,
 * 已列入议程 once it reached the threshold or staff opened it, 议决中 while the steps run, 已决议 after
 * the resolution is public, 已实施 after the implementation is public; 未通过 when a step refused it.
 */
export const TOPIC_STAGES = ['open', 'agenda', 'deciding', 'decided', 'carriedOut', 'refused'] as const;
export type TopicStage = (typeof TOPIC_STAGES)[number];

export const TOPIC_STAGE_LABELS: Record<TopicStage, string> = {
  open: '征集意见',
  agenda: '已列入议程',
  deciding: '议决中',
  decided: '已决议',
  carriedOut: '已实施',
  refused: '未通过',
};

/** The stage after a support: the one that reaches the threshold moves an open topic to the agenda. */
export function stageAfterSupport(stage: TopicStage, supports: number, threshold: number): TopicStage {
  return stage === 'open' && supports >= threshold ? 'agenda' : stage;
}

/** The stage the recorded steps put a topic in. */
export function stageOfSteps(recorded: readonly RecordedStep[]): TopicStage {
  if (recorded.some((r) => r.outcome === 'refused')) return 'refused';
  if (recorded.length >= 7) return 'carriedOut';
  if (recorded.length >= 6) return 'decided';
  return recorded.length === 0 ? 'agenda' : 'deciding';
}

/** Comments are taken while the topic is still being argued (before a resolution is public). */
export const takesComments = (stage: TopicStage) => stage === 'open' || stage === 'agenda' || stage === 'deciding';
