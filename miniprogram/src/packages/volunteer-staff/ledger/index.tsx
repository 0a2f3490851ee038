import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { ChoiceList } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useLedgerAdmin } from '../../../features/volunteer/use-volunteer-staff';
import { formatDateTime } from '../../../services/format';

const KIND = { grant: '志愿服务', spend: '兑换', expiry: '过期', correction: '更正', reversal: '冲销', score: '党员积分' } as const;

/** Staff: a person's ledger; corrections and reversals are new entries with a reason, never edits. */
export default function LedgerAdminPage() {
  const l = useLedgerAdmin();
  return (
    <PageShell id="volunteer-ledger-admin">
      <Loaded what={l.people} loadingId="people-loading">
        {({ people }) => (
          <Section title="选择居民或志愿者">
            <ChoiceList
              rowClassName="person-row"
              options={people.map((p) => ({ id: p.openid, title: p.name, sub: p.householdName ?? '' }))}
              selectedId={l.openid}
              onSelect={(o) => l.choose(o.id)}
            />
          </Section>
        )}
      </Loaded>
      <FormError error={l.guard.error} />
      {l.openid ? (
        <Loaded what={l.ledger} loadingId="ledger-loading">
          {(d) => (
            <View>
              <Section id="ledger-totals" title={`${d.name}：${d.totals.balance} 分`} extra={`服务 ${d.totals.hours} 小时`}>
                <TextField
                  id="correct-points"
                  label="补记或扣减多少分（扣减写负数）"
                  type="digit"
                  value={l.points}
                  onChange={l.setPoints}
                  maxlength={6}
                />
                <TextField id="correct-reason" label="原因（会写进记录，本人能看到）" value={l.reason} onChange={l.setReason} limit={100} />
                <AppButton id="btn-correct" busy={l.guard.busy === 'correct'} onClick={l.correct}>
                  记一笔更正
                </AppButton>
              </Section>
              <Section id="ledger-entries" title="积分记录">
                {d.entries.map((e) => (
                  <View key={e._id} className="entry-row">
                    <Text className="block">
                      {formatDateTime(e.at)} {KIND[e.kind]} {e.points > 0 ? `+${e.points}` : e.points} 分 · 余 {e.balanceAfter}
                    </Text>
                    <Text className="block muted">
                      {e.activityTitle ? `${e.activityTitle} · ` : ''}
                      {e.reason} · 记录人 {e.recordedByName}
                    </Text>
                    {e.reversible ? (
                      <AppButton
                        small
                        variant="plain"
                        className="btn-reverse"
                        busy={l.guard.busy === `reverse-${e._id}`}
                        onClick={() => l.reverse(e._id)}
                      >
                        冲销这一笔（原因写在上面）
                      </AppButton>
                    ) : null}
                  </View>
                ))}
              </Section>
            </View>
          )}
        </Loaded>
      ) : null}
    </PageShell>
  );
}
