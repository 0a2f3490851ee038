import { Text } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { VoteResult } from '../../../features/deliberation/deliberation-views';
import { useVotePage } from '../../../features/deliberation/use-deliberation';

export default function AgoraVotePage() {
  const p = useVotePage();
  return (
    <PageShell id="agora-vote">
      <Loaded what={p.vote} loadingId="vote-loading">
        {(v) => (
          <>
            <Section id="vote-head" title={v.question} extra={v.closed ? '已截止' : '进行中'}>
              <VoteResult v={v} />
              {p.done ? (
                <Notice tone="info" id="vote-done">
                  <Text>{p.done}</Text>
                </Notice>
              ) : null}
              <FormError error={p.guard.error} id="vote-error" />
            </Section>
            {v.open ? (
              <Section id="paper-ballot" title="登记纸质选票（没有手机的住户）">
                <TextField
                  id="paper-household"
                  label="住户编号"
                  hint="例如 p-zhongjie-b3-u2-601；每户只算一票，已在手机上投过的户不能再登记"
                  value={p.paper.householdId}
                  onChange={(householdId) => p.setPaper({ ...p.paper, householdId })}
                />
                <TextField
                  id="paper-voter"
                  label="投票人姓名"
                  value={p.paper.voterName}
                  onChange={(voterName) => p.setPaper({ ...p.paper, voterName })}
                />
                <Chips
                  idPrefix="paper-option"
                  options={v.options.map((o, i) => ({ value: String(i), label: o }))}
                  value={String(p.paper.option)}
                  onChange={(o) => p.setPaper({ ...p.paper, option: Number(o) })}
                />
                <AppButton id="paper-submit" busy={p.guard.busy === 'paper'} onClick={p.enter}>
                  登记这张选票
                </AppButton>
                <AppButton id="vote-close" variant="danger" busy={p.guard.busy === 'close'} onClick={p.close}>
                  截止投票，公布结果
                </AppButton>
              </Section>
            ) : null}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
