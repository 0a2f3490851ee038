import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PERIOD_LABELS, PERIODS, type Period } from '@linli/shared';
import { Chips } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { ErrorState, LoadingState } from '../../../components/states';
import { FiguresView } from '../../../features/requests/figures-view';
import { useAsync } from '../../../hooks/use-async';
import { callCloud } from '../../../services/cloud';
import { decodeParam } from '../../../services/format';

/** The public board: how the compound and its community handle requests, as 12345 platforms publish. */
export default function BoardPage() {
  const compoundId = decodeParam(useRouter().params.placeId);
  const [period, setPeriod] = useState<Period>('month');
  const compound = useAsync(() => callCloud('requests', 'figures', { placeId: compoundId, period }), [compoundId, period]);
  // the community's figures sit beside the compound's: its id comes with the compound's card
  const community = useAsync(async () => {
    const card = await callCloud('team', 'getCard', { compoundId });
    return callCloud('requests', 'figures', { placeId: card.compound.communityId, period });
  }, [compoundId, period]);
  return (
    <PageShell>
      <Chips idPrefix="period" value={period} onChange={setPeriod} options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
      <View className="spacer" />
      {compound.state.status === 'error' ? <ErrorState error={compound.state.error} onRetry={compound.reload} /> : null}
      {compound.state.data ? (
        <Section
          id="board-compound"
          title={compound.state.data.place.name}
          extra={`${compound.state.data.figures.from} 至 ${compound.state.data.figures.to}`}
        >
          <FiguresView id="fig-compound" figures={compound.state.data.figures} />
        </Section>
      ) : compound.state.status === 'loading' ? (
        <LoadingState />
      ) : null}
      {community.state.data ? (
        <Section id="board-community" title={`${community.state.data.place.name}（整个社区）`}>
          <FiguresView id="fig-community" figures={community.state.data.figures} />
        </Section>
      ) : null}
      <Text className="muted block">
        响应率：2 小时内受理的比例；解决率、满意率：按居民的评价计算；办结率：本期受理的诉求中已办结的比例。
      </Text>
    </PageShell>
  );
}
