import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { usePartyAdmin } from '../../../features/volunteer/use-volunteer-staff';

const SOURCE = { manual: '支部书记评定', volunteerHours: '按志愿服务小时', visits: '按走访次数', requestsHandled: '按办结诉求' } as const;

/** 党员积分: the branch's items, counting the month from the records, awarding by hand, the ranking. */
export default function PartyAdminPage() {
  const p = usePartyAdmin();
  return (
    <PageShell id="volunteer-party">
      <Chips idPrefix="month" options={p.months.map((m) => ({ value: m, label: m }))} value={p.month} onChange={p.setMonth} />
      <FormError error={p.guard.error} />
      {p.scored ? (
        <Notice tone="ok" id="party-scored">
          <Text>
            已按记录计分：新增 {p.scored.written} 条，共 {p.scored.points} 分（再算一次只补新的）
          </Text>
        </Notice>
      ) : null}
      <AppButton id="btn-score-month" busy={p.guard.busy === 'score'} onClick={p.score}>
        按本月记录计分（志愿服务、走访、诉求）
      </AppButton>
      <Loaded what={p.ranking} loadingId="ranking-loading">
        {(r) => (
          <View>
            <Section id="party-ranking" title={`${r.month} 党员积分排名`}>
              {r.rows.length === 0 ? <Text className="muted">这个月还没有积分</Text> : null}
              {r.rows.map((row, i) => (
                <View key={row.openid} className="label-line ranking-row" data-openid={row.openid}>
                  <Text className="label">
                    {i + 1}. {row.name}
                  </Text>
                  <Text className="value">
                    {row.points} 分
                    {Object.entries(row.byItem)
                      .map(([id, pts]) => ` · ${r.items.find((it) => it.id === id)?.name ?? id} ${pts}`)
                      .join('')}
                  </Text>
                </View>
              ))}
            </Section>
            <Section id="party-items" title="积分项目">
              {r.items.map((it) => (
                <Text key={it.id} className="block">
                  {it.name} · {it.points} 分 · {SOURCE[it.source]}
                  {it.monthlyMax !== null ? ` · 每月最多 ${it.monthlyMax} 分` : ''}
                </Text>
              ))}
            </Section>
          </View>
        )}
      </Loaded>
      <Loaded what={p.members} loadingId="party-members-loading">
        {({ members }) => (
          <Section id="party-award" title="支部书记评定">
            <Text className="field-label block">党员</Text>
            <Chips
              idPrefix="award-member"
              options={members.map((m) => ({ value: m.openid, label: m.name }))}
              value={p.award.openid}
              onChange={(v) => p.setAward({ ...p.award, openid: v })}
            />
            <Text className="field-label block">项目</Text>
            <Chips
              idPrefix="award-item"
              options={p.manualItems.map((it) => ({ value: it.id, label: `${it.name} ${it.points} 分` }))}
              value={p.award.itemId}
              onChange={(v) => p.setAward({ ...p.award, itemId: v })}
            />
            <TextField
              id="award-note"
              label="说明（可不填）"
              value={p.award.note}
              onChange={(v) => p.setAward({ ...p.award, note: v })}
              limit={60}
            />
            <AppButton id="btn-award" disabled={!p.award.openid || !p.award.itemId} busy={p.guard.busy === 'award'} onClick={p.give}>
              记上这一项
            </AppButton>
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
