import { Text, View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Loaded } from '../../components/loaded';
import { Section } from '../../components/section';
import { EmptyState, FormError } from '../../components/states';
import { formatDateTime } from '../../services/format';
import { useProxyPoints } from './use-proxy-points';
import { pointsText } from './volunteer-views';

/** 代办 积分 on the 代办 page: her balance, the open activities to sign her up for, the 积分超市 to redeem from. */
export function ProxyPointsSection({ resident }: { resident: { id: string; name: string; communityId: string } }) {
  const p = useProxyPoints(resident);
  return (
    <>
      <Section id="proxy-points" title={`2. ${resident.name}的积分`}>
        <Loaded what={p.points}>
          {(t) => (
            <Text className="block" id="proxy-balance">
              可用 {t.balance} 积分（累计获得 {t.earned}，已兑换 {t.spent}）
            </Text>
          )}
        </Loaded>
        <FormError error={p.error} id="proxy-points-error" />
        {p.redeemed ? (
          <View className="top-gap-small" id="proxy-redeemed">
            <Text className="block">
              已为 {p.redeemed.name} 兑换“{p.redeemed.rewardName}”，领取码 {p.redeemed.code}。
            </Text>
            {p.redeemed.proxyLine ? <Text className="muted block">{p.redeemed.proxyLine}</Text> : null}
          </View>
        ) : null}
      </Section>
      <Section id="proxy-activities" title="报名志愿活动">
        <Loaded what={p.activities}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState id="proxy-no-activities" text="这个社区现在没有可以报名的志愿活动。" />
            ) : (
              <View>
                {list.map((a) => {
                  const done = p.signedUp.includes(a.id);
                  return (
                    <View key={a.id} className="card top-gap-small proxy-activity">
                      <Text className="block">{a.title}</Text>
                      <Text className="muted block">
                        {formatDateTime(a.startAt)} · {a.location} · {pointsText(a)} · {a.taken}/{a.seats} 人
                      </Text>
                      {a.whoMayJoin === 'partyMembers' ? (
                        <Text className="muted block">党员活动，不能代报名。</Text>
                      ) : done ? (
                        <Text className="block proxy-signed">已代 {resident.name} 报名，签到请由组织者手动登记。</Text>
                      ) : (
                        <AppButton
                          variant="secondary"
                          busy={p.busy === `signUp:${a.id}`}
                          onClick={() => void p.signUp(a.id)}
                          className="btn-proxy-signup"
                        >
                          代为报名
                        </AppButton>
                      )}
                    </View>
                  );
                })}
              </View>
            )
          }
        </Loaded>
      </Section>
      <Section id="proxy-shop" title="积分超市代兑换">
        <Loaded what={p.rewards}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState id="proxy-no-rewards" text="这个社区的积分超市还没有上架物品。" />
            ) : (
              <View>
                {list.map((w) => (
                  <View key={w.id} className="card top-gap-small proxy-reward">
                    <Text className="block">
                      {w.name} · {w.price} 积分
                    </Text>
                    <Text className="muted block">剩余 {w.left} 件</Text>
                    <AppButton
                      variant="secondary"
                      busy={p.busy === `redeem:${w.id}`}
                      onClick={() => void p.redeem(w.id)}
                      className="btn-proxy-redeem"
                    >
                      代为兑换
                    </AppButton>
                  </View>
                ))}
              </View>
            )
          }
        </Loaded>
      </Section>
    </>
  );
}
