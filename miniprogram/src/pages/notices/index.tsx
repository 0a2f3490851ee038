import { Text, View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { LinkRow } from '../../components/choice';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { EmptyState } from '../../components/states';
import { NoticeItem } from '../../features/notices/notice-item';
import { ReadAloudControl } from '../../features/notices/read-aloud';
import { urgentQueue, useReadAloud } from '../../features/notices/use-read-aloud';
import { useNoticeFeed } from '../../features/notices/use-notice-feed';
import { goTo } from '../../services/routes';
import '../../features/notices/notices.css';

/** 通知 tab: what the compound and community sent to this household, urgent first. */
export default function NoticesPage() {
  const { feed, publisher } = useNoticeFeed();
  const reader = useReadAloud();

  const publisherCard = publisher ? (
    <Section id="notices-publisher" title="发布通知">
      <View className="stack">
        <AppButton id="btn-new-notice" onClick={goTo('notices-admin/publish')}>
          发布新通知
        </AppButton>
        <AppButton id="btn-my-notices" variant="secondary" onClick={goTo('notices-admin/list')}>
          已发通知 · 谁看了、谁没看
        </AppButton>
      </View>
    </Section>
  ) : null;

  return (
    <PageShell id={feed.state.data ? 'notices-page' : undefined}>
      {publisherCard}
      <Loaded what={feed} errorId="notices-error" loadingId="notices-loading">
        {(data) => (
          <>
            {!data.household ? (
              <EmptyState id="notices-no-household" text="绑定住址后，小区和社区发给您家的通知会显示在这里。">
                {/* a point leader or staff member may well live elsewhere: do not push them to bind */}
                <AppButton id="btn-bind" variant={publisher ? 'plain' : 'primary'} onClick={goTo('bind')}>
                  去绑定我家住址
                </AppButton>
              </EmptyState>
            ) : (
              <>
                <View className="card notices-head">
                  <Text className="h2 block">{data.household.fullName}</Text>
                  <Text
                    id="notices-unread"
                    className={`block ${data.unread > 0 ? 'accent-text strong' : 'muted'}`}
                    data-unread={data.unread}
                  >
                    {data.unread > 0 ? `有 ${data.unread} 条通知您还没看` : '通知都看过了'}
                  </Text>
                </View>
                {urgentQueue(data.items).length > 0 ? (
                  <ReadAloudControl
                    id="notices-read-urgent"
                    reader={reader}
                    queue={urgentQueue(data.items)}
                    label={`连续收听 ${urgentQueue(data.items).length} 条紧急通知`}
                  />
                ) : null}
                {data.items.length === 0 ? (
                  <EmptyState id="notices-empty" text="暂时没有通知。有新通知时会显示在这里，也会在微信里提醒您。" />
                ) : (
                  <View id="notices-list">
                    {data.items.map((item) => (
                      <NoticeItem key={item._id} item={item} onOpen={goTo('notices/detail', { id: item._id })} />
                    ))}
                  </View>
                )}
              </>
            )}
            <Section id="notices-more">
              {data.household?.communityId ? (
                <LinkRow
                  id="entry-sunshine"
                  title="阳光三务公开"
                  sub="社区的党务、村务、财务公开，按月查看"
                  onClick={goTo('notices/archive', { communityId: data.household.communityId })}
                />
              ) : null}
              <LinkRow
                id="entry-subscriptions"
                title="微信消息提醒"
                sub="有新通知时是否在微信里提醒我"
                onClick={goTo('notices/subscriptions')}
              />
            </Section>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
