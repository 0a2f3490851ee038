import { Text } from '@tarojs/components';
import { useState } from 'react';
import type { RequestDetail } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError } from '../../components/states';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { navigateTo } from '../../services/routes';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { deliberationContract } from '../../../../shared/src/contracts/deliberation.contract';

registerContract('deliberation', deliberationContract);

/** The workbench's way from a 大事 to the 议事厅: one tap opens a topic on the agenda, linked both ways. */
export function TopicFromRequest({ r }: { r: RequestDetail }) {
  const guard = useGuarded();
  const [key] = useState(newIdempotencyKey);
  const open = () =>
    void guard.run(async () => {
      const description = r.description.length >= 10 ? r.description : `${r.description}（居民反映，需社区议决）`;
      const topic = await callCloud('deliberation', 'open', {
        key,
        communityId: r.communityId,
        compoundId: r.compoundId,
        title: `${r.categoryLabel}：${r.description}`.slice(0, 40).padEnd(4, '事'),
        body: description.slice(0, 1000),
        requestIds: [r.id],
      });
      await navigateTo('agora/topic', { id: topic.id });
    });
  return (
    <Section id="to-topic" title="转为议事厅议题">
      <Text className="muted block">这件大事需要居民共同决定时，转到议事厅按“四议一审两公开”议决，居民能在诉求页看到进展。</Text>
      <FormError error={guard.error} id="to-topic-error" />
      <AppButton id="btn-to-topic" variant="secondary" busy={!!guard.busy} onClick={open}>
        转为议题
      </AppButton>
    </Section>
  );
}
