import { Text, View } from '@tarojs/components';
import type { Me } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { LinkRow } from '../../components/choice';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { EmptyState, Notice } from '../../components/states';
import { residentCompound, workPlaces } from '../../features/requests/places';
import { RequestItem } from '../../features/requests/request-item';
import { useRequestsTab } from '../../features/requests/use-requests-tab';
import type { AsyncResult } from '../../hooks/use-async';
import type { CloudOutput } from '../../services/cloud';
import { goTo } from '../../services/routes';

/** 诉求: report a problem, follow one's own and the ones one seconded, and (for staff) the way into the workbench. */
export default function RequestsPage() {
  const { me, mine, waiting } = useRequestsTab();

  // who it is decides the rest: while it is read again, the page waits for the answer
  return (
    <Loaded what={me} onlyFresh shell loadingId="requests-loading">
      {(person) => (person ? <RequestsView person={person} mine={mine} waiting={waiting} /> : <Anonymous />)}
    </Loaded>
  );
}

function Anonymous() {
  return (
    <PageShell>
      <Notice tone="info" id="requests-anonymous">
        <Text>请先到“我的”页面选择身份（本地开发）或登录后再来。</Text>
      </Notice>
    </PageShell>
  );
}

function RequestsView({ person, mine, waiting }: { person: Me; mine: AsyncResult<CloudOutput<'requests', 'mine'>>; waiting: number }) {
  const compoundId = residentCompound(person.grants);
  const places = workPlaces(person.grants);
  const list = mine.state.data?.requests ?? [];
  return (
    <PageShell>
      <Section id="report-entry">
        <Text className="h2 block">遇到问题，找邻里</Text>
        <Text className="muted block">楼道灯不亮、暖气不热、垃圾没人清……说一声，小区点长先受理，超时会自动上报社区、街道督办。</Text>
        <View className="top-gap">
          {compoundId ? (
            <AppButton id="btn-report" onClick={goTo('request/report', { compoundId })}>
              我要反映问题
            </AppButton>
          ) : (
            <>
              <Notice tone="warn" id="requests-need-binding">
                <Text>绑定您家的住址并通过审核后，就可以反映问题了。</Text>
              </Notice>
              <AppButton id="btn-go-bind" variant="secondary" onClick={goTo('bind')}>
                去绑定住址
              </AppButton>
            </>
          )}
        </View>
        {compoundId ? (
          <View className="top-gap-small">
            <LinkRow
              id="link-board"
              title="看看我们小区的办理情况"
              sub="受理、办结、满意率都公开"
              onClick={goTo('request/board', { placeId: compoundId })}
            />
          </View>
        ) : null}
      </Section>

      {places.length > 0 ? (
        <Section id="workbench-entry" title="工作台" extra={places.map((p) => p.role).join('、')}>
          <LinkRow
            id="link-workbench"
            title={waiting > 0 ? `诉求工作台 · 督办 ${waiting} 件` : '诉求工作台'}
            sub={waiting > 0 ? '有超时督办到您这一级的诉求，排在待办最前面' : '受理、分流、办理，按期限排好'}
            onClick={goTo('workbench/inbox')}
          />
        </Section>
      ) : null}

      <Section id="my-requests" title="我的诉求" extra={list.length ? `${list.length} 件` : undefined}>
        <Loaded what={mine} errorWithData>
          {({ requests }) => (mine.state.status === 'ok' && requests.length === 0 ? <EmptyState text="还没有反映过问题。" /> : null)}
        </Loaded>
      </Section>
      {list.map((r) => (
        <RequestItem key={r.id} request={r} extra={r.following ? '我附议的' : undefined} onClick={goTo('request/detail', { id: r.id })} />
      ))}
    </PageShell>
  );
}
