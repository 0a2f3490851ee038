import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError } from '../../../components/states';
import { usePointsPage } from '../../../features/volunteer/use-volunteer';
import { VolunteerQr } from '../../../features/volunteer/volunteer-qr';
import { formatDateTime } from '../../../services/format';

const KIND = { grant: '志愿服务', spend: '兑换', expiry: '过期', correction: '更正', reversal: '冲销', score: '党员积分' } as const;

export default function PointsPage() {
  const p = usePointsPage();
  return (
    <PageShell id="volunteer-points">
      <Loaded what={p.points} loadingId="points-loading">
        {({ totals, entries }) => (
          <Section
            id="points-totals"
            title={<Text id="points-balance" data-balance={totals.balance}>{`我的积分：${totals.balance} 分`}</Text>}
            extra={`累计服务 ${totals.hours} 小时`}
          >
            {entries.map((e) => (
              <Text key={e._id} className="block entry-row">
                {formatDateTime(e.at)} {KIND[e.kind]} {e.points > 0 ? `+${e.points}` : e.points} 分
                {e.activityTitle ? ` · ${e.activityTitle}` : ''} · {e.reason} · 记录人 {e.recordedByName}
              </Text>
            ))}
          </Section>
        )}
      </Loaded>
      <FormError error={p.guard.error} />
      <Loaded what={p.rewards} loadingId="rewards-loading">
        {({ rewards }) => (
          <Section id="shop" title="积分超市">
            {rewards.map((r) => (
              <View key={r.id} className="reward-row">
                <Text className="block strong">
                  {r.name} · {r.price} 积分 · 还剩 {r.left}
                </Text>
                {r.description ? <Text className="block muted">{r.description}</Text> : null}
                <AppButton
                  small
                  className="btn-redeem"
                  disabled={r.left === 0}
                  busy={p.guard.busy === `redeem-${r.id}`}
                  onClick={() => p.redeem(r.id)}
                >
                  兑换
                </AppButton>
              </View>
            ))}
          </Section>
        )}
      </Loaded>
      <Loaded what={p.redemptions} loadingId="redemptions-loading">
        {({ redemptions }) => (
          <Section id="my-redemptions" title="我的兑换码">
            {redemptions.map((r) => (
              <View key={r.id} id={`redemption-${r.id}`} className="redemption-row" data-status={r.status}>
                <Text className="block strong">
                  {r.rewardName} ·{' '}
                  {r.status === 'held'
                    ? '待领取'
                    : r.status === 'handedOver'
                      ? `已领取 ${r.handedOverAt ? formatDateTime(r.handedOverAt) : ''}`
                      : '已取消'}
                </Text>
                {r.status === 'held' ? (
                  <View className="center">
                    <VolunteerQr id={`redemption-qr-${r.id}`} text={r.code} size={320} />
                    <Text className="block h2 redemption-code">{r.code}</Text>
                    <Text className="block muted">到社区出示这个码，工作人员扫码后领取</Text>
                    <AppButton small variant="plain" onClick={() => p.cancel(r.id)}>
                      不要了，退回积分
                    </AppButton>
                  </View>
                ) : null}
              </View>
            ))}
          </Section>
        )}
      </Loaded>
      <Loaded what={p.certificate} loadingId="certificate-loading">
        {(c) => (
          <Section id="certificate" title="志愿服务记录证明">
            <Text className="block">证明编号：{c.number}</Text>
            <Text className="block">
              兹证明 {c.volunteerName}
              {c.phoneMasked ? `（${c.phoneMasked}）` : ''} 参加以下志愿服务，累计 {c.totalHours} 小时：
            </Text>
            {c.activities.map((a) => (
              <Text key={a.activityId} className="block">
                {a.date} {a.title}（{a.location}）{a.hours} 小时 · 记录人 {a.recordedBy}
              </Text>
            ))}
            <Text className="block muted">
              出具单位：{c.issuer} · {formatDateTime(c.issuedAt)}。依据本社区志愿服务记录出具（谁记录谁证明），免费出具。
            </Text>
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
