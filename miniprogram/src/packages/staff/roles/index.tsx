import { Text, View } from '@tarojs/components';
import { INVITE_STATE_LABELS, ROLE_LABELS, type InviteRow, type Revocation, type RoleHolder } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { LabelLine, Section } from '../../../components/section';
import { EmptyState, FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { StaffScopeBar, useStaffPlace } from '../../../features/identity/staff-scope';
import { holderKey, useRolesRoster } from '../../../features/identity/use-roles-roster';
import { formatDateTime } from '../../../services/format';
import '../staff.css';

const FORBIDDEN = '查看人员与身份需要社区或街道工作人员身份。';

/** A grant made when the street was set up (not through this app) has no person behind it. */
const who = (p: { name: string | null } | null) => p?.name ?? '系统录入';

export default function StaffRolesPage() {
  const { drill, placeId, gate } = useStaffPlace('community', FORBIDDEN);
  const r = useRolesRoster(placeId);

  if (gate) return gate;

  const holder = (h: RoleHolder) => {
    const id = holderKey(h);
    const open = r.confirming && holderKey(r.confirming) === id;
    return (
      <View key={id} className="binding-item role-holder" id={`holder-${id}`}>
        <Text className="h3 block holder-name">
          {h.name} · {ROLE_LABELS[h.role]}
        </Text>
        <LabelLine label="负责">
          <Text>{h.placeName}</Text>
        </LabelLine>
        <LabelLine label="任职起">
          <Text>{formatDateTime(h.since)}</Text>
        </LabelLine>
        <LabelLine label="授予人">
          <Text className="holder-granted-by">
            {who(h.grantedBy)}
            {h.inviteCode ? `（邀请码 ${h.inviteCode}）` : ''}
          </Text>
        </LabelLine>
        {open ? (
          <View className="top-gap revoke-confirm">
            <Text className="block">
              撤销后，{h.name}立即失去“{ROLE_LABELS[h.role]}”身份，不能再处理{h.placeName}的事务。
            </Text>
            <TextField
              id="revoke-reason"
              label="撤销原因（可不填）"
              value={r.reason}
              onChange={r.setReason}
              placeholder="如：已调离本小区"
              maxlength={100}
            />
            <FormError error={r.error} id="revoke-error" />
            <View className="btn-row">
              <AppButton variant="plain" id="btn-revoke-cancel" onClick={r.cancel}>
                取消
              </AppButton>
              <AppButton variant="danger" id="btn-revoke-confirm" busy={r.busy} onClick={() => void r.confirm()}>
                确认撤销
              </AppButton>
            </View>
          </View>
        ) : h.canRevoke ? (
          <View className="top-gap">
            <AppButton variant="secondary" className="btn-revoke" onClick={() => r.ask(h)}>
              撤销身份
            </AppButton>
          </View>
        ) : null}
      </View>
    );
  };

  const invite = (i: InviteRow) => (
    <View key={i.code} className="binding-item invite-row" id={`invite-${i.code}`} data-state={i.state}>
      <Text className="h3 block">
        {ROLE_LABELS[i.role]} · {i.placeName}
      </Text>
      <LabelLine label="邀请码">
        <Text className="invite-row-code">
          {i.code}（{INVITE_STATE_LABELS[i.state]}）
        </Text>
      </LabelLine>
      <LabelLine label="生成">
        <Text>
          {who(i.createdBy)} · {formatDateTime(i.createdAt)}
        </Text>
      </LabelLine>
      {i.usedBy && i.usedAt ? (
        <LabelLine label="使用">
          <Text>
            {who(i.usedBy)} · {formatDateTime(i.usedAt)}
          </Text>
        </LabelLine>
      ) : (
        <LabelLine label={i.state === 'expired' ? '已于' : '有效至'}>
          <Text>{formatDateTime(i.expiresAt)}</Text>
        </LabelLine>
      )}
    </View>
  );

  const revocation = (v: Revocation) => (
    <View key={v._id} className="binding-item revocation-row" id={`revocation-${v._id}`}>
      <Text className="h3 block">
        {v.name} · {ROLE_LABELS[v.role]}
      </Text>
      <LabelLine label="负责">
        <Text>{v.placeName}</Text>
      </LabelLine>
      <LabelLine label="撤销">
        <Text>
          {v.revokedByName ?? '（未留姓名）'} · {formatDateTime(v.revokedAt)}
        </Text>
      </LabelLine>
      {v.reason ? (
        <LabelLine label="原因">
          <Text>{v.reason}</Text>
        </LabelLine>
      ) : null}
    </View>
  );

  return (
    <PageShell>
      <StaffScopeBar drill={drill} target="community" />
      {drill.done ? (
        <Loaded what={r.roster} onlyFresh>
          {(roster) => (
            <>
              <Section id="role-holders" title="现任人员" extra={`${roster.holders.length} 人次`}>
                {roster.holders.length === 0 ? (
                  <EmptyState id="holders-empty" text="这里还没有人担任任何身份。" />
                ) : (
                  roster.holders.map(holder)
                )}
              </Section>
              <Section id="role-invites" title="邀请码记录">
                {roster.invites.length === 0 ? <EmptyState id="invites-empty" text="还没有生成过邀请码。" /> : roster.invites.map(invite)}
              </Section>
              <Section id="role-revocations" title="撤销记录">
                {roster.revocations.length === 0 ? (
                  <EmptyState id="revocations-empty" text="没有撤销过身份。" />
                ) : (
                  roster.revocations.map(revocation)
                )}
              </Section>
            </>
          )}
        </Loaded>
      ) : null}
    </PageShell>
  );
}
