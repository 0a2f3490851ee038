import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DISPATCH_ROLE_LABELS, DISPATCH_STATUS_LABELS, inShanghai, REQUEST_SOURCE_LABELS, REQUEST_SOURCES } from '@linli/shared';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState } from '../../../components/states';
import { DepartmentFigures } from '../../../features/departments/department-figures';
import { useRanking } from '../../../features/departments/use-ranking';
import { SeriesCharts } from '../../../features/requests/series-charts';
import { decodeParam } from '../../../services/format';
import { goTo } from '../../../services/routes';

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/**
 * The district's ranking of its departments for a month (响应率 / 解决率 / 满意率); a tap on one
 * drills down to its figures page: its figures, its trends (the same charts as a place's figures)
 * and its requests.
 */
export default function RankingPage() {
  const params = useRouter().params;
  const thisMonth = inShanghai(new Date()).format('YYYY-MM');
  const lastMonth = inShanghai(new Date()).subtract(1, 'month').format('YYYY-MM');
  const f = useRanking(decodeParam(params.districtId), decodeParam(params.month) || thisMonth);
  return (
    <PageShell id="ranking-page">
      <Chips
        idPrefix="month"
        value={f.month}
        onChange={f.setMonth}
        options={[
          { value: thisMonth, label: '本月' },
          { value: lastMonth, label: '上月' },
        ]}
      />
      <View className="spacer" />
      <Loaded what={f.ranking} errorWithData>
        {({ rows, parts, series, bySource }) => (
          <>
            <Section id="ranking-table" title={`${f.month} 部门排名`}>
              {rows.length === 0 ? <EmptyState id="ranking-empty" text="这个月还没有派单。" /> : null}
              {rows.map((r) => (
                <View
                  key={r.departmentId}
                  id={`rank-${r.departmentId}`}
                  className={`tap-row ${f.departmentId === r.departmentId ? 'chip-selected' : ''}`}
                  onClick={() => f.setDepartment(f.departmentId === r.departmentId ? null : r.departmentId)}
                >
                  <View className="tap-row-main">
                    <Text className="tap-row-title">
                      第 {r.rank} 名 · {r.departmentName}
                    </Text>
                    <Text className="tap-row-sub">
                      响应率 {pct(r.responseRate)} · 解决率 {pct(r.resolutionRate)} · 满意率 {pct(r.satisfactionRate)}
                    </Text>
                    <Text className="tap-row-sub">
                      接单 {r.received} · 按时报到 {r.reportedOnTime} · 退单 {r.returned} · 超时 {r.overdue}
                      {r.averageHoursToReport !== null ? ` · 平均 ${r.averageHoursToReport} 小时报到` : ''}
                    </Text>
                  </View>
                </View>
              ))}
            </Section>
            {series
              ? rows
                  .filter((r) => r.departmentId === f.departmentId)
                  .map((r) => (
                    <Section key={r.departmentId} id="department-figures" title={r.departmentName} extra={`${f.month} 部门数据`}>
                      <DepartmentFigures id="fig-dept" row={r} />
                      <SeriesCharts series={series} receivedLabel="接单" />
                    </Section>
                  ))
              : null}
            {parts ? (
              <Section id="ranking-parts" title="该部门的派单">
                {parts.map((p) => (
                  <View key={p._id} className="tap-row" onClick={goTo('workbench/detail', { id: p.requestId })}>
                    <Text className="tap-row-title">
                      {DISPATCH_ROLE_LABELS[p.role]} · {DISPATCH_STATUS_LABELS[p.status]}
                      {p.satisfaction ? ' · 已评价' : ''}
                    </Text>
                  </View>
                ))}
              </Section>
            ) : null}
            <Section id="ranking-sources" title="本月诉求来源">
              {REQUEST_SOURCES.map((s) => (
                <Text key={s} className="block" id={`source-${s}`}>
                  {REQUEST_SOURCE_LABELS[s]}：{bySource[s]} 件
                </Text>
              ))}
            </Section>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
