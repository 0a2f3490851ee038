import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useActivityPage } from '../../../features/volunteer/use-volunteer';
import { VolunteerQr } from '../../../features/volunteer/volunteer-qr';
import { pointsText, STATUS_TEXT } from '../../../features/volunteer/volunteer-views';
import { formatDateTime } from '../../../services/format';

export default function ActivityPage() {
  const p = useActivityPage();
  return (
    <Loaded what={p.load} shell loadingId="activity-loading" errorId="activity-error">
      {({ activity: a }) => (
        <PageShell id="volunteer-activity">
          <View className="card">
            <Text className="h1 block" id="activity-title">
              {a.title}
            </Text>
            <Text className="block">
              时间：{formatDateTime(a.startAt)} – {formatDateTime(a.endAt)}
            </Text>
            <Text className="block">地点：{a.location}</Text>
            <Text className="block">积分：{pointsText(a)}（组织者确认签到后到账）</Text>
            <Text className="block" id="activity-seats">
              名额：{a.taken}/{a.seats} 人{a.waiting ? `，候补 ${a.waiting} 人` : ''}
            </Text>
            {a.description ? <Text className="block muted">{a.description}</Text> : null}
            <Text className="block muted">组织者：{a.organiserName}</Text>
          </View>
          {p.done ? (
            <Notice tone="ok" id="attend-done">
              <Text>{p.done}</Text>
            </Notice>
          ) : null}
          <FormError error={p.guard.error} />
          {a.mine ? (
            <Section
              id="my-signup"
              title={`我的报名：${STATUS_TEXT[a.mine.status]}${a.mine.position ? `（第 ${a.mine.position} 位）` : ''}`}
            >
              {a.mine.checkInAt ? <Text className="block">已签到 {formatDateTime(a.mine.checkInAt)}</Text> : null}
              {a.mine.checkOutAt ? <Text className="block">已签退 {formatDateTime(a.mine.checkOutAt)}</Text> : null}
              {a.mine.status === 'signedUp' && a.status === 'open' ? (
                <View className="stack">
                  {p.canScan ? (
                    <View className="stack">
                      <AppButton id="btn-scan-in" onClick={() => p.scan('in')}>
                        扫码签到
                      </AppButton>
                      <AppButton id="btn-scan-out" variant="secondary" onClick={() => p.scan('out')}>
                        扫码签退
                      </AppButton>
                    </View>
                  ) : null}
                  <TextField
                    id="attend-code"
                    label="或输入组织者手机上的签到码（也可粘贴扫到的内容）"
                    value={p.code}
                    onChange={p.setCode}
                    maxlength={80}
                  />
                  <AppButton id="btn-attend-in" busy={p.guard.busy === 'attend-in'} onClick={() => p.attend('in')}>
                    签到
                  </AppButton>
                  <AppButton id="btn-attend-out" variant="secondary" busy={p.guard.busy === 'attend-out'} onClick={() => p.attend('out')}>
                    签退
                  </AppButton>
                </View>
              ) : null}
              {a.status === 'open' && Date.parse(a.startAt) > Date.now() ? (
                <AppButton id="btn-leave" variant="plain" busy={p.guard.busy === 'leave'} onClick={p.leave}>
                  退出报名
                </AppButton>
              ) : null}
            </Section>
          ) : a.status === 'open' ? (
            <View className="stack">
              {a.taken < a.seats ? (
                <AppButton id="btn-sign-up" busy={p.guard.busy === 'signUp'} onClick={() => p.signUp(false)}>
                  报名参加
                </AppButton>
              ) : (
                <AppButton id="btn-waitlist" busy={p.guard.busy === 'signUp'} onClick={() => p.signUp(true)}>
                  人已报满，排队候补
                </AppButton>
              )}
            </View>
          ) : null}
          {a.canManage ? (
            <Section id="organiser" title="组织者">
              {p.shown ? (
                <View id="attendance-code" className="center">
                  <Text className="block h3">{p.shown.kind === 'in' ? '签到码' : '签退码'}（每分钟自动更换）</Text>
                  <VolunteerQr id="attendance-qr" text={p.shown.token} />
                  <Text className="block h2" id="attendance-code-text">
                    {p.shown.code}
                  </Text>
                  <AppButton id="btn-hide-code" variant="plain" onClick={p.hideCode}>
                    收起
                  </AppButton>
                </View>
              ) : a.status === 'open' ? (
                <View className="stack">
                  <AppButton id="btn-show-in" busy={p.guard.busy === 'code-in'} onClick={() => p.showCode('in')}>
                    显示签到码
                  </AppButton>
                  <AppButton id="btn-show-out" variant="secondary" busy={p.guard.busy === 'code-out'} onClick={() => p.showCode('out')}>
                    显示签退码
                  </AppButton>
                </View>
              ) : null}
              {p.roster.state.data?.rows.map((r) => (
                <View key={r.openid} id={`roster-${r.openid}`} className="roster-row" data-points={r.points} data-hours={r.hours}>
                  <Text className="block">
                    {r.name} · {STATUS_TEXT[r.status]}
                    {r.checkInAt ? ` · 签到 ${formatDateTime(r.checkInAt)}` : ''}
                    {r.checkOutAt ? ` · 签退 ${formatDateTime(r.checkOutAt)}` : ''}
                    {r.method === 'manual' ? ' · 手工登记' : ''} · {r.hours} 小时 {r.points} 分
                  </Text>
                  {a.status === 'open' && r.status === 'signedUp' && !r.checkInAt ? (
                    <AppButton small variant="plain" className="btn-mark" onClick={() => p.mark(r.openid, true)}>
                      手工登记到场
                    </AppButton>
                  ) : null}
                </View>
              ))}
              {a.status === 'open' ? (
                <AppButton id="btn-confirm" busy={p.guard.busy === 'confirm'} onClick={p.confirm}>
                  确认签到并登记积分
                </AppButton>
              ) : null}
            </Section>
          ) : null}
        </PageShell>
      )}
    </Loaded>
  );
}
