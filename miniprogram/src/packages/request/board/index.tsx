import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PERIOD_LABELS, PERIODS } from '@linli/shared';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FiguresView } from '../../../features/requests/figures-view';
import { useBoard } from '../../../features/requests/use-board';
import { decodeParam } from '../../../services/format';

/** The public board: how the compound and its community handle requests, as 12345 platforms publish. */
export default function BoardPage() {
  const { period, setPeriod, compound, community } = useBoard(decodeParam(useRouter().params.placeId));
  return (
    <PageShell>
      <Chips idPrefix="period" value={period} onChange={setPeriod} options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
      <View className="spacer" />
      <Loaded what={compound} errorWithData>
        {(c) => (
          <Section id="board-compound" title={c.place.name} extra={`${c.figures.from} 至 ${c.figures.to}`}>
            <FiguresView id="fig-compound" figures={c.figures} />
          </Section>
        )}
      </Loaded>
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
