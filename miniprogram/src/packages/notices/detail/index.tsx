import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { FormError, Notice } from '../../../components/states';
import { AttachmentList, NoticeImageStatus } from '../../../features/notices/attachment-list';
import { categoryTag, when } from '../../../features/notices/labels';
import { ReadAloudControl } from '../../../features/notices/read-aloud';
import { useReadAloud } from '../../../features/notices/use-read-aloud';
import { useNoticeDetail } from '../../../features/notices/use-notice-detail';
import { switchTab } from '../../../services/routes';
import '../../../features/notices/notices.css';

export default function NoticeDetailPage() {
  const { fromArchive, detail, grant, busy, error, acknowledge, subscribe } = useNoticeDetail();
  const reader = useReadAloud();

  return (
    <Loaded
      what={detail}
      shell
      errorId="notice-error"
      loadingId="notice-loading"
      afterError={
        <AppButton variant="plain" onClick={() => void switchTab('notices')}>
          回到通知列表
        </AppButton>
      }
    >
      {(data) => {
        const { notice } = data;
        const tag = categoryTag(notice.category, notice.sunshineType);
        return (
          <PageShell id="notice-detail">
            <View className="card">
              <View className="notice-item-tags">
                <Text className={tag.className}>{tag.text}</Text>
                {notice.state === 'expired' ? <Text className="tag">已截止</Text> : null}
              </View>
              <Text id="notice-title" className="h1 block">
                {notice.title}
              </Text>
              <Text className="muted block top-gap-small">
                {notice.publisherLabel} · {when(notice.publishAt)}
              </Text>
              <Text className="muted block">发给：{notice.targets.map((t) => t.name).join('、')}</Text>
              <ReadAloudControl
                id="notice-read"
                reader={reader}
                label="朗读这条通知"
                queue={[{ id: notice._id, title: notice.title, text: async () => notice.body }]}
              />
              <View className="divider" />
              <Text id="notice-body" className="notice-body" userSelect>
                {notice.body}
              </Text>
              <AttachmentList links={data.links} />
              <NoticeImageStatus notice={notice} />
            </View>

            {notice.needsAck && !fromArchive ? (
              data.acked ? (
                <Notice tone="ok" id="notice-acked">
                  <Text>您已确认知晓{data.ackedAt ? `（${when(data.ackedAt)}）` : ''}。发布人能看到您家已收到。</Text>
                </Notice>
              ) : (
                <View className="card notice-ack-box">
                  <Text className="h3 block">发布人请您看完后确认</Text>
                  <Text className="muted block">点下面的按钮，发布人就知道您家已经收到这条通知了。</Text>
                  <AppButton id="btn-ack" busy={busy} className="top-gap" onClick={() => void acknowledge()}>
                    我已知晓
                  </AppButton>
                </View>
              )
            ) : null}
            <FormError error={error} />

            {!fromArchive ? (
              grant && grant.remaining > 0 && !grant.off ? (
                <Text id="notice-subscribed" className="muted block notice-subscribe-note">
                  有新通知时会在微信里提醒您（还可提醒 {grant.remaining} 次）。
                </Text>
              ) : (
                <View id="notice-subscribe" className="card">
                  <Text className="h3 block">下次有通知，在微信里提醒您？</Text>
                  <Text className="muted block">微信每次只允许提醒一次。点下面按钮，在弹出的窗口里选“允许”。</Text>
                  <AppButton id="btn-subscribe" variant="secondary" className="top-gap" onClick={() => void subscribe()}>
                    有新通知时提醒我
                  </AppButton>
                </View>
              )
            ) : null}

            <AppButton
              id="btn-back-to-list"
              variant="plain"
              onClick={() => {
                if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
                else void switchTab('notices');
              }}
            >
              {fromArchive ? '返回公开列表' : '返回通知列表'}
            </AppButton>
          </PageShell>
        );
      }}
    </Loaded>
  );
}
