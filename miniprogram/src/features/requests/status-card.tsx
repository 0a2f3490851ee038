import { Text, View } from '@tarojs/components';
import type { RequestDetail } from '@linli/shared';
import { Section } from '../../components/section';
import { Notice } from '../../components/states';
import { StepBar } from './step-bar';
import './requests.css';

/** Where a request stands: its step among the eight, who holds it, the deadline, 督办. */
export function StatusCard({ r }: { r: RequestDetail }) {
  return (
    <Section id="status">
      <View className="req-item-top">
        <Text className="h2">
          {r.emergency ? '【紧急】' : ''}
          {r.categoryLabel}
        </Text>
        <Text className={`tag ${r.overdue ? 'tag-accent' : r.status === 'closed' ? 'tag-ok' : 'tag-warn'}`} id="status-label">
          {r.overdue ? '已超时' : r.statusLabel}
        </Text>
      </View>
      <StepBar step={r.step} escalated={r.escalationLevel > 0} />
      <Text className="h3 block top-gap-small" id="holder">
        {/* the resident reads their own next step, not a description of it */}
        {r.can.rate ? '已办理好，请您评价' : r.can.confirm ? '已给出办理指引，请您确认' : r.holder}
      </Text>
      {r.deadlineText ? (
        <Text className={`block ${r.overdue ? 'req-overdue' : ''}`} id="deadline">
          期限：{r.deadlineText}
        </Text>
      ) : null}
      {r.escalationLevel > 0 ? (
        <Text className="tag tag-accent top-gap-small" id="escalation">
          已督办至{r.escalationLabel}
        </Text>
      ) : null}
      {r.followerCount > 0 ? <Text className="tag top-gap-small">{r.followerCount} 位邻居附议</Text> : null}
      {r.calendarWarning ? (
        <Notice tone="warn" id="calendar-warning" className="top-gap-small">
          <Text>{r.calendarWarning}</Text>
        </Notice>
      ) : null}
    </Section>
  );
}
