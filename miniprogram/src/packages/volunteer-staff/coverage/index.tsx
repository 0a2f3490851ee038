import { Text, View } from '@tarojs/components';
import type { CoverageRow } from '@linli/shared';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCoverage } from '../../../features/volunteer/use-volunteer-staff';

function Rows({ rows, prefix }: { rows: CoverageRow[]; prefix: string }) {
  return (
    <View>
      {rows.map((r) => (
        <View key={r.key} id={`${prefix}-${r.key}`} className="label-line coverage-row" data-due={r.due}>
          <Text className="label">{r.label}</Text>
          <Text className={`value${r.due > 0 ? ' strong' : ''}`}>
            {r.due} / {r.households} 户未走访
          </Text>
        </View>
      ))}
    </View>
  );
}

export default function CoveragePage() {
  const { coverage } = useCoverage();
  return (
    <Loaded what={coverage} shell loadingId="coverage-loading" errorId="coverage-error">
      {(c) => (
        <PageShell id="volunteer-coverage">
          <View className="card">
            <Text className="h2 block" id="coverage-due" data-due={c.due}>
              {c.due} 户超过 {c.visitEveryDays} 天没人走访（共 {c.households} 户有联户党员）
            </Text>
            <Text className="block muted">走访间隔可在“积分与联户设置”里改</Text>
          </View>
          <Section id="coverage-members" title="按联户党员">
            <Rows rows={c.byPartyMember} prefix="cov-member" />
          </Section>
          <Section id="coverage-buildings" title="按楼栋">
            <Rows rows={c.byBuilding} prefix="cov-building" />
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
