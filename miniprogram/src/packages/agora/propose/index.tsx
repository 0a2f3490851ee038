import { Text } from '@tarojs/components';
// straight from its file, not @linli/shared's barrel, so the contract ships in this subpackage
import { TOPIC_BODY_MAX, TOPIC_TITLE_MAX } from '../../../../../shared/src/contracts/deliberation.contract';
import { AppButton } from '../../../components/app-button';
import { Chips } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useProposeForm } from '../../../features/deliberation/use-deliberation';

export default function AgoraProposePage() {
  const f = useProposeForm();
  return (
    <PageShell id="agora-propose-page">
      <Section title="提出议题">
        <Text className="muted block">议题会公开在议事厅，邻居可以附议、提意见。请不要写别人的姓名、电话和门牌。</Text>
        <Text className="field-label">这是谁的事</Text>
        <Chips
          options={[
            { value: 'compound', label: '本小区的事' },
            { value: 'community', label: '整个社区的事' },
          ]}
          value={f.scope}
          onChange={f.setScope}
          idPrefix="scope"
        />
        <TextField
          id="topic-title"
          label="标题"
          value={f.title}
          onChange={f.setTitle}
          limit={TOPIC_TITLE_MAX}
          placeholder="例如：北门加装电动车充电棚"
        />
        <TextField
          id="topic-body"
          label="是什么事、为什么要议"
          value={f.body}
          onChange={f.setBody}
          limit={TOPIC_BODY_MAX}
          multiline
          placeholder="说清楚现在的问题、您的建议，以及大概要花多少钱"
        />
        <FormError error={f.guard.error} />
        <AppButton id="topic-submit" busy={!!f.guard.busy} onClick={f.submit}>
          {f.guard.busy ? '正在提交…' : '提交议题'}
        </AppButton>
      </Section>
    </PageShell>
  );
}
