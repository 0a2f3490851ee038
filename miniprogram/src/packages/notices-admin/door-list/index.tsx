import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { EmptyState } from '../../../components/states';
import { when } from '../../../features/notices/labels';
import { useDoorList } from '../../../features/notices/use-door-list';
import '../../../features/notices/notices.css';

/**
 * 敲门清单: households nobody has read the notice in, building by building, with who knocks.
 * Laid out to print (the buttons hide on paper) or to copy into a building's WeChat group.
 */
export default function DoorListPage() {
  const { list, copy, print } = useDoorList();
  return (
    <Loaded what={list} shell errorId="door-error" loadingId="door-loading">
      {(data) => (
        <PageShell id="door-list-page" className="door-page">
          <View className="card">
            <Text className="h2 block">敲门清单</Text>
            <Text className="block">{data.notice.title}</Text>
            <Text id="door-total" className="block strong accent-text" data-total={data.total}>
              还有 {data.total} 户没有看到通知
            </Text>
            <Text className="muted block">截至 {when(data.generatedAt)}</Text>
            <View className="door-legend">
              <Text className="door-household">101</Text>
              <Text>实线框：用了小程序，还没看</Text>
            </View>
            <View className="door-legend">
              <Text className="door-household door-household-unregistered">102</Text>
              <Text>虚线框：家里没人用小程序，要上门说</Text>
            </View>
          </View>
          <View className="btn-row no-print">
            <AppButton id="btn-copy-door-list" variant="secondary" onClick={copy}>
              复制清单
            </AppButton>
            {process.env.TARO_ENV === 'h5' ? (
              <AppButton id="btn-print-door-list" variant="plain" onClick={print}>
                打印
              </AppButton>
            ) : null}
          </View>
          <View className="spacer" />
          {data.byPartyMember.length > 0 ? (
            <View id="door-by-party-member" className="card door-building">
              <View className="door-building-head">
                <Text className="h2">按联户党员（十户联保）</Text>
                <Text className="door-count">{data.byPartyMember.length} 人</Text>
              </View>
              <Text className="muted block">每位联户党员在自己手机上只看到自己联系的住户；也可以直接打电话请他们上门。</Text>
              {data.byPartyMember.map((m) => (
                <View key={m.openid} id={`door-pm-${m.openid}`} className="door-unit" data-count={m.count}>
                  <View className="door-unit-head">
                    <Text className="door-unit-name">{m.name}</Text>
                    <Text className="muted">{m.count} 户</Text>
                    {m.phone ? <PhoneLink phone={m.phone} inline /> : null}
                  </View>
                  <View className="door-households">
                    {m.households.map((h) => (
                      <Text key={h.householdId} className="door-household">
                        {h.name}
                      </Text>
                    ))}
                  </View>
                </View>
              ))}
              {data.unassigned > 0 ? (
                <Text id="door-unassigned" className="block muted" data-count={data.unassigned}>
                  另有 {data.unassigned} 户还没有联户党员，请楼栋长、单元长上门（见下面的楼栋清单）
                </Text>
              ) : null}
            </View>
          ) : null}
          {data.total === 0 ? (
            <EmptyState id="door-empty" text="每一户都看到了，不用再敲门。" />
          ) : (
            data.groups.map((g) => (
              <View key={g.buildingId} id={`door-${g.buildingId}`} className="card door-building" data-count={g.count}>
                <View className="door-building-head">
                  <Text className="h2">{g.buildingName}</Text>
                  <Text className="door-count">{g.count} 户</Text>
                </View>
                {g.head ? (
                  <View className="door-head">
                    <Text className="block">
                      楼栋长：<Text className="strong">{g.head.name}</Text>
                    </Text>
                    <PhoneLink phone={g.head.phone} inline />
                  </View>
                ) : (
                  <Text className="muted block">这栋楼还没有登记楼栋长，请点长安排人上门。</Text>
                )}
                {g.units.map((u) => (
                  <View key={u.unitId} className="door-unit">
                    <View className="door-unit-head">
                      <Text className="door-unit-name">{u.unitName}</Text>
                      {u.head ? <Text className="muted">单元长 {u.head.name}</Text> : null}
                      {u.head ? <PhoneLink phone={u.head.phone} inline /> : null}
                    </View>
                    <View className="door-households">
                      {u.households.map((h) => (
                        <Text
                          key={h.householdId}
                          id={`door-h-${h.householdId}`}
                          className={`door-household ${h.members === 0 ? 'door-household-unregistered' : ''}`}
                        >
                          {h.name}
                        </Text>
                      ))}
                    </View>
                  </View>
                ))}
              </View>
            ))
          )}
          {data.truncated ? <Text className="muted block">只列出了一部分住户，请缩小范围后再看。</Text> : null}
        </PageShell>
      )}
    </Loaded>
  );
}
