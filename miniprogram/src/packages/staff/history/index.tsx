import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState } from '../../../components/states';
import { HistoryItem } from '../../../features/team/history-item';
import { useTeamHistory } from '../../../features/team/use-team-history';
import { decodeParam } from '../../../services/format';
import '../staff.css';

export default function StaffHistoryPage() {
  const params = useRouter().params;
  const compoundId = params.compoundId ?? null;
  const name = decodeParam(params.name);
  const history = useTeamHistory(compoundId);

  if (!compoundId) {
    return (
      <PageShell>
        <EmptyState text="没有指定小区。请从“维护三长五员”进入。" />
      </PageShell>
    );
  }
  const changes = history.state.data;
  return (
    <PageShell>
      <Section id="history" title={`${name || '本小区'} 变更记录`} extra={changes ? `最近 ${changes.length} 条` : undefined}>
        <Loaded what={history}>
          {(changes) =>
            changes.length === 0 ? (
              <EmptyState id="history-empty" text="还没有变更记录。" />
            ) : (
              changes.map((c) => <HistoryItem key={c._id} change={c} />)
            )
          }
        </Loaded>
        <Text className="muted block top-gap">记录由系统自动保存，不能修改。</Text>
      </Section>
    </PageShell>
  );
}
