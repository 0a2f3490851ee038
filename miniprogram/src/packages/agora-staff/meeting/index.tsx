import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useMeetingPage } from '../../../features/deliberation/use-deliberation';
import { formatDateTime } from '../../../services/format';

export default function AgoraMeetingPage() {
  const p = useMeetingPage();
  return (
    <PageShell id="agora-meeting">
      <Loaded what={p.meeting} loadingId="meeting-loading">
        {(m) => (
          <>
            <Section id="meeting-head" title={`${m.title}（${m.typeLabel}）`}>
              <Text className="muted block">
                {formatDateTime(m.startsAt)} · {m.place} · 参会：{m.inviteesLabel}
              </Text>
              <Notice tone={m.quorum.met ? 'info' : 'warn'} id="meeting-quorum">
                <Text className="block">
                  应到 {m.quorum.expected}，实到 {m.quorum.present}，法定至少 {m.quorum.needed}：
                  {m.quorum.met ? '已达到法定人数' : '还不够法定人数，不能表决'}
                </Text>
                <Text className="block">
                  {m.quorum.text}（{m.quorum.source}）
                </Text>
              </Notice>
              <FormError error={p.guard.error} id="meeting-error" />
            </Section>
            <Section id="meeting-roll" title="点名（点一下标记到会）">
              {m.roll.map((r) => (
                <View
                  key={r.id}
                  id={`roll-${r.id}`}
                  className={`tap-row ${r.present ? 'chip-selected' : ''}`}
                  onClick={() => (m.tally ? undefined : p.mark(r.id, !r.present))}
                >
                  <Text className="tap-row-title">
                    {r.present ? '✓ ' : ''}
                    {r.name}
                  </Text>
                </View>
              ))}
            </Section>
            <Section id="meeting-tally" title="举手表决">
              {m.tally ? (
                <Text className="h3 block" id="tally-result">
                  同意 {m.tally.yes}，反对 {m.tally.no}，弃权 {m.tally.abstain}：{m.tally.passed ? '通过' : '未通过'}
                </Text>
              ) : (
                <>
                  <TextField
                    id="tally-yes"
                    label="同意"
                    type="number"
                    value={p.hands.yes}
                    onChange={(yes) => p.setHands({ ...p.hands, yes })}
                  />
                  <TextField
                    id="tally-no"
                    label="反对"
                    type="number"
                    value={p.hands.no}
                    onChange={(no) => p.setHands({ ...p.hands, no })}
                  />
                  <TextField
                    id="tally-abstain"
                    label="弃权"
                    type="number"
                    value={p.hands.abstain}
                    onChange={(abstain) => p.setHands({ ...p.hands, abstain })}
                  />
                  <AppButton id="tally-submit" busy={p.guard.busy === 'tally'} onClick={p.tally}>
                    记录表决结果
                  </AppButton>
                </>
              )}
            </Section>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
