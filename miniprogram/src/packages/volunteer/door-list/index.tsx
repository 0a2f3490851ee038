import { Text, View } from '@tarojs/components';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState } from '../../../components/states';
import { useMyDoorList } from '../../../features/volunteer/use-lianbao';
import { goTo } from '../../../services/routes';

/** A 联户党员's 敲门清单: only their own households that have not opened the urgent notice. */
export default function MyDoorListPage() {
  const { list } = useMyDoorList();
  return (
    <Loaded what={list} shell loadingId="my-door-loading" errorId="my-door-error">
      {({ title, households }) => (
        <PageShell id="volunteer-door-list">
          <View className="card">
            <Text className="h2 block">{title}</Text>
            <Text className="block" id="my-door-total" data-total={households.length}>
              您联系的住户里还有 {households.length} 户没看这条紧急通知，请上门或打电话告知
            </Text>
          </View>
          {households.length === 0 ? (
            <EmptyState id="my-door-empty" text="您联系的住户都已看过，不用再敲门了" />
          ) : (
            <Section id="my-door-households" title="要敲门的住户">
              {households.map((h) => (
                <View
                  key={h.householdId}
                  id={`my-door-${h.householdId}`}
                  className="tap-row my-door-row"
                  onClick={goTo('volunteer/visit', { householdId: h.householdId })}
                >
                  <View className="tap-row-main">
                    <Text className="tap-row-title">{h.householdName}</Text>
                    <Text className="tap-row-sub">{h.compoundName} · 敲过门后记一次走访</Text>
                  </View>
                  <Text className="tap-row-arrow">›</Text>
                </View>
              ))}
            </Section>
          )}
        </PageShell>
      )}
    </Loaded>
  );
}
