import { Text, View } from '@tarojs/components';
import type { RequestSummary } from '@linli/shared';
import './requests.css';

const statusTone = (r: RequestSummary) =>
  r.overdue ? 'tag-accent' : r.status === 'closed' ? 'tag-ok' : r.status === 'resolved' || r.status === 'guidance' ? 'tag-warn' : '';

/** One request in a list: what, where, who holds it and until when; a 督办 for this level first of all. */
export function RequestItem({ request: r, onClick, extra }: { request: RequestSummary; onClick: () => void; extra?: string }) {
  return (
    <View className={`req-item ${r.escalatedHere ? 'req-escalated' : ''}`} id={`req-${r.id}`} onClick={onClick}>
      <View className="req-item-top">
        <Text className="req-category">
          {r.escalatedHere ? <Text className="tag tag-strong req-supervise">督办</Text> : null}
          {r.emergency ? '【紧急】' : ''}
          {r.categoryLabel}
        </Text>
        <Text className={`tag ${statusTone(r)}`}>{r.overdue ? '已超时' : r.statusLabel}</Text>
      </View>
      <Text className="req-desc">{r.description}</Text>
      <Text className="req-meta">
        {r.compoundName} · {r.locationText}
      </Text>
      <Text className="req-meta">{r.holder}</Text>
      {r.deadlineText ? <Text className={`req-deadline ${r.overdue ? 'req-overdue' : ''}`}>期限：{r.deadlineText}</Text> : null}
      <View className="req-badges">
        {r.escalationLevel > 0 ? <Text className="tag tag-accent">已督办至{r.escalationLabel}</Text> : null}
        {r.followerCount > 0 ? <Text className="tag">{r.followerCount} 位邻居附议</Text> : null}
        {r.deadlineEstimated ? <Text className="tag tag-warn">调休未定，期限可能调整</Text> : null}
        {extra ? <Text className="tag">{extra}</Text> : null}
      </View>
    </View>
  );
}
