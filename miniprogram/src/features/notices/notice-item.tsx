import { Text, View } from '@tarojs/components';
import type { FeedItem } from '@linli/shared';
import { categoryTag, when } from './labels';

/** One notice in the feed: a big tappable card, unread ones marked in red words (not colour alone). */
export function NoticeItem({ item, onOpen }: { item: FeedItem; onOpen: () => void }) {
  const tag = categoryTag(item.category, item.sunshineType);
  return (
    <View
      id={`notice-${item._id}`}
      className={`card notice-item ${item.read ? '' : 'notice-item-unread'}`}
      data-read={item.read ? '1' : '0'}
      onClick={onOpen}
    >
      <View className="notice-item-tags">
        {item.read ? null : <Text className="tag tag-unread">未读</Text>}
        <Text className={tag.className}>{tag.text}</Text>
        {item.pinned ? <Text className="tag tag-accent">置顶</Text> : null}
        {item.needsAck && !item.acked ? <Text className="tag tag-warn">请确认</Text> : null}
        {item.needsAck && item.acked ? <Text className="tag tag-ok">已确认</Text> : null}
      </View>
      <Text className="notice-item-title">{item.title}</Text>
      <Text className="notice-item-excerpt">{item.excerpt}</Text>
      <Text className="muted block">
        {item.publisherLabel} · {when(item.publishAt)}
      </Text>
    </View>
  );
}
