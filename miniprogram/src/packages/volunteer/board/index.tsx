import { Text, View } from '@tarojs/components';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePublicBoard } from '../../../features/volunteer/use-volunteer-staff';

/** 公示: the month's hours and points by volunteer (names half hidden), so anyone can check. */
export default function PublicBoardPage() {
  const b = usePublicBoard();
  return (
    <PageShell id="volunteer-board">
      <Chips
        idPrefix="board-month"
        options={b.months.map((m) => ({ value: m, label: m.replace('-', ' 年 ') + ' 月' }))}
        value={b.month}
        onChange={b.setMonth}
      />
      <Loaded what={b.board} loadingId="board-loading">
        {(d) => (
          <Section id="board" title={`${d.communityName} ${d.month} 志愿服务公示`} extra={`共 ${d.totalHours} 小时`}>
            {d.rows.length === 0 ? <Text className="muted">这个月还没有登记的志愿服务</Text> : null}
            {d.rows.map((r, i) => (
              <View key={`${r.name}-${i}`} className="label-line board-row">
                <Text className="label">
                  {i + 1}. {r.name}
                </Text>
                <Text className="value">
                  {r.hours} 小时 · {r.points} 分 · {r.activities} 次
                </Text>
              </View>
            ))}
            <Text className="block muted">依据组织者确认的签到记录，每月公示；有疑问请找社区工作人员核对。</Text>
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
