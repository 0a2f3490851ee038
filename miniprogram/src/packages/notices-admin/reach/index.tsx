import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { NoticeImageStatus } from '../../../features/notices/attachment-list';
import { categoryTag, percent, stateLabel, when } from '../../../features/notices/labels';
import { publishBanner, remindBanner } from '../../../features/notices/publish-banner';
import { useReach } from '../../../features/notices/use-reach';
import { goTo } from '../../../services/routes';
import '../../../features/notices/notices.css';

function Figure({ id, value, label, sub, strong }: { id: string; value: number; label: string; sub?: string; strong?: boolean }) {
  return (
    <View id={id} className={`reach-figure ${strong ? 'reach-figure-strong' : ''}`} data-value={value}>
      <Text className="reach-figure-value">{value}</Text>
      <Text className="reach-figure-label">{label}</Text>
      {sub ? <Text className="reach-figure-sub">{sub}</Text> : null}
    </View>
  );
}

/** Reach, live: who has been messaged, read and confirmed, by building and unit; remind; door list. */
export default function ReachPage() {
  const { id, fresh, outlook, reach, busy, error, reminded, now, remind, withdraw } = useReach();
  return (
    <Loaded what={reach} shell errorId="reach-error" loadingId="reach-loading">
      {(data) => {
        const { notice, counts } = data;
        const tag = categoryTag(notice.category, notice.sunshineType);
        const unreadHouseholds = counts.households - counts.householdsRead;
        const canRemindAt = Date.parse(data.remindableAt);
        const waitMinutes = Math.max(0, Math.ceil((canRemindAt - now) / 60_000));
        const live = notice.state === 'live';
        const remindDone = reminded ? remindBanner(reminded.queued, reminded.messages) : null;
        const banner = fresh ? publishBanner({ scheduled: notice.state === 'scheduled', whenText: when(notice.publishAt) }, outlook) : null;

        return (
          <PageShell id="reach-page">
            {banner ? (
              <Notice tone={banner.tone} id="publish-done">
                <Text>{banner.text}</Text>
              </Notice>
            ) : null}
            <View className="card">
              <View className="notice-item-tags">
                <Text className={tag.className}>{tag.text}</Text>
                <Text className={`tag ${live ? 'tag-ok' : ''}`}>{stateLabel(notice.state)}</Text>
                {notice.needsAck ? <Text className="tag tag-warn">需确认</Text> : null}
              </View>
              <Text className="h2 block">{notice.title}</Text>
              <Text className="muted block">
                {notice.targets.map((t) => t.name).join('、')} · {when(notice.publishAt)}
              </Text>
              <Text className="muted block">每 10 秒自动刷新 · 下拉也可刷新</Text>
            </View>
            <NoticeImageStatus notice={notice} />

            <View className="reach-grid" id="reach-figures">
              <Figure id="reach-households" value={counts.households} label="应通知（户）" />
              <Figure
                id="reach-read"
                value={counts.householdsRead}
                label="已读（户）"
                sub={percent(counts.householdsRead, counts.households)}
                strong
              />
              {notice.needsAck ? (
                <Figure
                  id="reach-acked"
                  value={counts.householdsAcked}
                  label="已确认（户）"
                  sub={percent(counts.householdsAcked, counts.households)}
                  strong
                />
              ) : null}
              <Figure id="reach-unread" value={unreadHouseholds} label="未读（户）" sub="需要敲门的" />
              <Figure id="reach-delivered" value={counts.delivered} label="微信已送达（人）" sub={`共 ${counts.recipients} 人`} />
              <Figure id="reach-nogrant" value={counts.noGrant} label="没开微信提醒（人）" />
              <Figure id="reach-unregistered" value={counts.householdsUnregistered} label="没人用小程序（户）" />
              {data.pendingDeliveries > 0 ? <Figure id="reach-pending" value={data.pendingDeliveries} label="正在发送（条）" /> : null}
            </View>

            {remindDone ? (
              <Notice tone={remindDone.tone} id="remind-done">
                <Text>{remindDone.text}</Text>
              </Notice>
            ) : null}
            <FormError error={error} />
            {live ? (
              <View className="stack reach-actions">
                <AppButton id="btn-door-list" onClick={goTo('notices-admin/door-list', { id })}>
                  敲门清单（{unreadHouseholds} 户未读）
                </AppButton>
                <AppButton
                  id="btn-remind"
                  variant="secondary"
                  busy={busy === 'remind'}
                  disabled={waitMinutes > 0}
                  onClick={() => void remind()}
                >
                  {waitMinutes > 0
                    ? `${waitMinutes} 分钟后可再提醒（${formatShanghai(data.remindableAt, 'HH:mm')}）`
                    : '再提醒一次没看的人'}
                </AppButton>
              </View>
            ) : null}

            <Section title="按楼栋、单元" id="reach-buildings">
              {data.buildings.map((b) => (
                <View key={b.buildingId} id={`reach-building-${b.buildingId}`} className="reach-building">
                  <View className="reach-building-head">
                    <Text className="h3">{b.buildingName}</Text>
                    <Text className="reach-building-figure">
                      已读 {b.householdsRead}/{b.households} 户
                    </Text>
                  </View>
                  <View className="reach-bar">
                    <View
                      className="reach-bar-fill"
                      style={`width: ${b.households ? Math.round((b.householdsRead / b.households) * 100) : 0}%`}
                    />
                  </View>
                  {b.units.map((u) => (
                    <View key={u.unitId} className="reach-unit">
                      <Text className="reach-unit-name">{u.unitName}</Text>
                      <Text className="reach-unit-figures">
                        已读 {u.householdsRead}/{u.households} 户{notice.needsAck ? ` · 确认 ${u.householdsAcked}` : ''} · 送达{' '}
                        {u.delivered}/{u.recipients} 人
                      </Text>
                    </View>
                  ))}
                </View>
              ))}
            </Section>

            {notice.state === 'live' || notice.state === 'scheduled' ? (
              <AppButton id="btn-withdraw" variant="danger" busy={busy === 'withdraw'} onClick={() => void withdraw()}>
                撤回通知
              </AppButton>
            ) : null}
          </PageShell>
        );
      }}
    </Loaded>
  );
}
