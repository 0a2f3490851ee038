import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { EmptyState } from '../../../components/states';
import { categoryTag, percent, stateLabel, when } from '../../../features/notices/labels';
import { useMyNotices } from '../../../features/notices/use-my-notices';
import { goTo } from '../../../services/routes';
import '../../../features/notices/notices.css';

/** The notices a point leader or staff member looks after, each with how many households have read it. */
export default function MyNoticesPage() {
  const { list } = useMyNotices();
  return (
    <PageShell id="my-notices-page">
      <AppButton id="btn-new-notice" onClick={goTo('notices-admin/publish')}>
        发布新通知
      </AppButton>
      <View className="spacer" />
      <Loaded what={list} pick={(d) => d.notices}>
        {(notices) =>
          notices.length === 0 ? (
            <EmptyState text="还没有发过通知。" />
          ) : (
            notices.map((n) => {
              const tag = categoryTag(n.category, n.sunshineType);
              return (
                <View key={n._id} id={`managed-${n._id}`} className="card notice-item" onClick={goTo('notices-admin/reach', { id: n._id })}>
                  <View className="notice-item-tags">
                    <Text className={tag.className}>{tag.text}</Text>
                    <Text className={`tag ${n.state === 'live' ? 'tag-ok' : ''}`}>{stateLabel(n.state)}</Text>
                    {n.needsAck ? <Text className="tag tag-warn">需确认</Text> : null}
                  </View>
                  <Text className="notice-item-title">{n.title}</Text>
                  <Text className="block">
                    已读 <Text className="strong">{n.counts.householdsRead}</Text> / {n.counts.households} 户（
                    {percent(n.counts.householdsRead, n.counts.households)}）{n.needsAck ? ` · 已确认 ${n.counts.householdsAcked} 户` : ''}
                  </Text>
                  <Text className="muted block">
                    {n.targets.map((t) => t.name).join('、')} · {when(n.publishAt)}
                  </Text>
                </View>
              );
            })
          )
        }
      </Loaded>
    </PageShell>
  );
}
