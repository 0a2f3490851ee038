import { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../components/states';
import { CareHome } from '../../features/care/care-home';
import { useCareMode } from '../../features/care/care-mode';
import { CardGroups, CardHero, MissingNotice, ServiceDayCard } from '../../features/card/card-view';
import { useCardPage } from '../../features/card/use-card-page';
import { MyPartyMemberLine } from '../../features/volunteer/volunteer-views';
import { openServicesOf } from '../../services/app-state';
import { goTo, pageUrl } from '../../services/routes';

export default function CardPage() {
  const { compoundId, resolving, meError, retryMe, card, me, isOwn, showOwn, refresh } = useCardPage();
  const data = card.state.data;
  const care = useCareMode();

  usePullDownRefresh(() => {
    void refresh();
  });

  useShareAppMessage(() => ({
    title: data ? `${data.compound.name} 服务联系卡` : '三长五员服务联系卡',
    path: pageUrl('card', { compoundId: compoundId ?? undefined }),
  }));

  const findCompound = goTo('search');

  if (resolving) {
    return (
      <PageShell>
        <LoadingState id="card-loading" text="正在打开联系卡…" />
      </PageShell>
    );
  }

  if (!compoundId && meError) {
    return (
      <PageShell>
        <ErrorState id="card-error" error={meError} onRetry={retryMe} />
      </PageShell>
    );
  }

  if (!compoundId) {
    return (
      <PageShell>
        <EmptyState id="card-no-compound" text="还没有选择小区">
          <Text className="empty-lead">找到您住的小区，就能看到小区点长、物业、民警等人的姓名和电话，一点就能拨打。</Text>
          <View className="stack full-width">
            <AppButton id="btn-find-compound" onClick={findCompound}>
              查找我的小区
            </AppButton>
            {!me?.household ? (
              <AppButton id="btn-bind-household" variant="secondary" onClick={goTo('bind')}>
                绑定我家住址
              </AppButton>
            ) : null}
          </View>
        </EmptyState>
      </PageShell>
    );
  }

  return (
    <Loaded
      what={card}
      shell
      loadingId="card-loading"
      loadingText="正在打开联系卡…"
      errorId="card-error"
      afterError={
        <AppButton id="btn-find-compound" variant="plain" onClick={findCompound}>
          查找其他小区
        </AppButton>
      }
    >
      {(data) => (
        <PageShell>
          {care.on ? <CareHome card={data} isOwn={isOwn} /> : null}
          <CardHero card={data} />
          <View className="card-actions">
            <AppButton id="btn-find-compound" variant="plain" small onClick={findCompound}>
              查找小区
            </AppButton>
            <AppButton
              id="btn-services"
              variant="secondary"
              small
              onClick={() => openServicesOf({ id: data.compound.communityId, name: data.compound.communityName })}
            >
              便民服务
            </AppButton>
          </View>
          {me?.household && !isOwn ? (
            <AppButton id="btn-my-compound" variant="plain" className="card-own" onClick={showOwn}>
              看我家小区的联系卡
            </AppButton>
          ) : null}
          {me?.household && !isOwn ? <View className="spacer" /> : null}
          <MissingNotice card={data} />
          {data.outdatedPosters?.length ? (
            <Notice tone="warn" id="card-poster-outdated">
              <Text>张贴的联系卡已过期，请重新生成：{data.outdatedPosters.map((p) => p.title).join('、')}</Text>
              <AppButton id="btn-poster-again" small variant="secondary" onClick={goTo('staff/poster', { compoundId: data.compound._id })}>
                重新生成
              </AppButton>
            </Notice>
          ) : null}
          {card.state.status === 'error' ? <ErrorState error={card.state.error} onRetry={card.reload} /> : null}
          {isOwn ? <MyPartyMemberLine /> : null}
          {data.serviceDay?.today ? <ServiceDayCard day={data.serviceDay} /> : null}
          <CardGroups card={data} idPrefix="card-role" />
          {data.serviceDay && !data.serviceDay.today ? <ServiceDayCard day={data.serviceDay} /> : null}
          {process.env.TARO_ENV === 'weapp' ? (
            <View className="top-gap">
              <AppButton id="btn-share" variant="secondary" openType="share">
                分享给邻居
              </AppButton>
            </View>
          ) : null}
        </PageShell>
      )}
    </Loaded>
  );
}
