import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatRate, PERIOD_LABELS, PERIODS } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips, LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { FiguresView } from '../../../features/requests/figures-view';
import { SeriesCharts } from '../../../features/requests/series-charts';
import { useFiguresPage } from '../../../features/requests/use-figures-page';
import { decodeParam } from '../../../services/format';
import { goTo } from '../../../services/routes';

/** Figures of a place with drill-down to the places below it and to their requests, and the ledger export. */
export default function FiguresPage() {
  const placeId = decodeParam(useRouter().params.placeId);
  const { period, setPeriod, figures, exported, exporting, error, exportLedger } = useFiguresPage(placeId);
  return (
    <PageShell>
      <Chips idPrefix="period" value={period} onChange={setPeriod} options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
      <View className="spacer" />
      <Loaded what={figures} errorWithData>
        {(data) => (
          <>
            <Section id="figures-own" title={data.place.name} extra={`${data.figures.from} 至 ${data.figures.to}`}>
              <FiguresView id="fig-own" figures={data.figures} />
              <SeriesCharts series={data.series} />
              <View className="top-gap">
                <AppButton id="btn-open-list" variant="secondary" onClick={goTo('workbench/inbox', { placeId })}>
                  查看这里的诉求
                </AppButton>
              </View>
            </Section>
            {data.calendarWarning ? (
              <Notice tone="warn" id="calendar-warning">
                <Text>{data.calendarWarning}</Text>
              </Notice>
            ) : null}
            {data.children.length ? (
              <Section id="figures-children" title="下级情况">
                {data.children.map((c) => (
                  <LinkRow
                    key={c.place.id}
                    id={`child-${c.place.id}`}
                    title={c.place.name}
                    sub={`受理 ${c.figures.accepted} · 办结率 ${formatRate(c.figures.completionRate)} · 满意率 ${formatRate(c.figures.satisfactionRate)} · 超时 ${c.figures.overdueNow}`}
                    onClick={goTo('workbench/figures', { placeId: c.place.id })}
                  />
                ))}
              </Section>
            ) : null}
            {data.place.kind !== 'compound' ? (
              <Section id="ledger" title="台账">
                <Text className="block">把{PERIOD_LABELS[period]}反映的每一件诉求导出成 Excel 表格（不含居民电话）。</Text>
                <FormError error={error} />
                {exported ? (
                  <Notice tone="ok" id="ledger-done">
                    <Text>
                      已导出 {exported.fileName}（{exported.rows} 件）。
                    </Text>
                  </Notice>
                ) : null}
                <AppButton id="btn-export" busy={exporting} onClick={() => void exportLedger()}>
                  导出台账（Excel）
                </AppButton>
              </Section>
            ) : null}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
