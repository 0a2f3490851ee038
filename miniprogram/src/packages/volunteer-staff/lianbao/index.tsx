import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { useLianbaoAdmin } from '../../../features/volunteer/use-volunteer-staff';

/** 十户联保: pick a party member, tap households on the building/unit map, assign (warned above the community's number). */
export default function LianbaoAdminPage() {
  const l = useLianbaoAdmin();
  return (
    <PageShell id="volunteer-lianbao">
      <Loaded what={l.compounds} loadingId="compounds-loading">
        {({ children }) => (
          <Chips
            idPrefix="compound"
            options={children.map((c) => ({ value: c._id, label: c.name }))}
            value={l.chosen}
            onChange={l.choose}
          />
        )}
      </Loaded>
      <Loaded what={l.members} loadingId="members-loading">
        {({ members, householdsPerMember }) => (
          <Section id="party-members" title="联户党员" extra={`每人约 ${householdsPerMember} 户`}>
            {members.length === 0 ? <Text className="muted">还没有党员，先在党员积分里添加</Text> : null}
            <Chips
              idPrefix="member"
              options={members.map((m) => ({ value: m.openid, label: `${m.name} ${m.households} 户${m.over ? '（超）' : ''}` }))}
              value={l.member}
              onChange={l.setMember}
            />
          </Section>
        )}
      </Loaded>
      {l.warning ? (
        <Notice tone="warn" id="assign-warning">
          <Text>
            {l.warning.name} 现在联系 {l.warning.households} 户，超过了社区定的每人 {l.warning.perMember} 户，请考虑分给别的党员
          </Text>
        </Notice>
      ) : null}
      <FormError error={l.guard.error} />
      <View className="stack">
        <AppButton id="btn-assign" disabled={!l.member || l.picked.length === 0} busy={l.guard.busy === 'assign'} onClick={l.assign}>
          把选中的 {l.picked.length} 户分给这位党员
        </AppButton>
        <AppButton
          id="btn-unassign"
          variant="plain"
          disabled={l.picked.length === 0}
          busy={l.guard.busy === 'unassign'}
          onClick={l.unassign}
        >
          取消选中住户的联户党员
        </AppButton>
      </View>
      <Loaded what={l.map} loadingId="map-loading">
        {({ buildings }) => (
          <View id="lianbao-map">
            {buildings.map((b) => (
              <Section key={b.id} title={b.name}>
                {b.units.map((u) => (
                  <View key={u.id} className="unit-block">
                    <Text className="h3 block">{u.name}</Text>
                    <View className="row-wrap">
                      {u.households.map((h) => (
                        <View
                          key={h.householdId}
                          id={`cell-${h.householdId}`}
                          className={`chip household-cell${l.picked.includes(h.householdId) ? ' chip-selected' : ''}${h.partyMemberOpenid ? ' cell-assigned' : ''}`}
                          data-member={h.partyMemberOpenid ?? ''}
                          onClick={() => l.toggle(h.householdId)}
                        >
                          <Text>
                            {h.name}
                            {h.partyMemberName ? ` · ${h.partyMemberName}` : ' · 未分配'}
                          </Text>
                        </View>
                      ))}
                    </View>
                  </View>
                ))}
              </Section>
            ))}
          </View>
        )}
      </Loaded>
    </PageShell>
  );
}
