import { Text, View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { EmptyState, LoadingState, Notice } from '../../components/states';
import { BookServiceButton } from '../../features/booking/booking-entries';
import { ServiceItem } from '../../features/catalogue/service-item';
import { groupByCategory, useCataloguePage } from '../../features/catalogue/use-catalogue-page';
import { goTo } from '../../services/routes';

export default function ServicesPage() {
  const { communityId, resolved, list } = useCataloguePage();

  if (!resolved || (communityId && (list.state.status === 'loading' || list.state.status === 'idle') && !list.state.data)) {
    return (
      <PageShell>
        <LoadingState id="services-loading" />
      </PageShell>
    );
  }

  if (!communityId) {
    return (
      <PageShell>
        <EmptyState id="services-no-community" text="先选择您的小区，才能看到所在社区的便民服务。">
          <AppButton id="btn-find-compound" onClick={goTo('search')}>
            查找我的小区
          </AppButton>
        </EmptyState>
      </PageShell>
    );
  }

  return (
    <Loaded what={list} shell errorWithData errorId="services-error" loadingId="services-loading">
      {({ communityName, services }) => (
        <PageShell>
          <View className="card">
            <Text className="h1" id="services-community">
              {communityName}
            </Text>
            <Text className="muted block">便民服务 · 办事前看一看要带什么、去哪里办</Text>
          </View>
          {services.length === 0 ? (
            <EmptyState id="services-empty" text="社区还没有登记便民服务。有事可以先打联系卡上的电话。" />
          ) : (
            // sorted by category; each item carries its category as a tag, so no extra headings
            groupByCategory(services).map((g) => (
              <View key={g.category} id={`services-${g.category}`} className="service-group">
                {g.services.map((s) => (
                  <ServiceItem
                    key={s._id}
                    service={s}
                    actions={s.online === 'open' ? <BookServiceButton serviceId={s._id} /> : undefined}
                    note={
                      // marked bookable but nothing can be booked online now: say how to get it instead of a button that leads nowhere
                      s.bookable && s.online !== 'open' ? (
                        <Notice tone="info" className="service-offline">
                          <Text>现在还不能在网上预约。请在上面写的办理时间直接去办理地点，或先打电话问一问。</Text>
                        </Notice>
                      ) : undefined
                    }
                  />
                ))}
              </View>
            ))
          )}
        </PageShell>
      )}
    </Loaded>
  );
}
