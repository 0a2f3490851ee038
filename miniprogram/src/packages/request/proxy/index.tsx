import { Text, View } from '@tarojs/components';
import {
  CATEGORY_CONFIG,
  DESCRIPTION_MAX,
  REQUEST_CATEGORIES,
  ROLE_SCOPE_KIND,
  type PlaceSummary,
  type RequestCategory,
} from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { ChoiceList } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, FormError } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { loadMe } from '../../../features/identity/me-store';
import { StaffScopeBar } from '../../../features/identity/staff-scope';
import { usePlaceDrill } from '../../../features/places/use-place-drill';
import { useProxyReport } from '../../../features/requests/use-proxy-report';
import { ProxyPointsSection } from '../../../features/volunteer/proxy-points-views';
import { useAsync } from '../../../hooks/use-async';

const CATEGORY_OPTIONS = REQUEST_CATEGORIES.map((c) => ({ id: c, title: CATEGORY_CONFIG[c].label, sub: CATEGORY_CONFIG[c].hint }));
/** What staff can do for her, in the order the chips show. */
const TASKS = [
  { value: 'report', label: '反映问题' },
  { value: 'book', label: '预约服务' },
  { value: 'points', label: '志愿积分' },
] as const;

/** 代办: for a resident of a compound the caller works for (as staff above it or as one of its 三长五员). */
export default function ProxyReportPage() {
  const me = useAsync(() => loadMe(), []);
  const seen = new Set<string>();
  const roots: PlaceSummary[] | null = me.state.data
    ? me.state.data.grants
        // grid places only: a department's grant is not a place residents live in
        .flatMap((g) => {
          const kind = ROLE_SCOPE_KIND[g.role];
          if (g.role === 'resident' || kind === 'department' || kind === 'workGroup' || seen.has(g.placeId)) return [];
          seen.add(g.placeId);
          return [{ _id: g.placeId, kind, name: g.placeName, fullName: g.placeName, parentId: null }];
        })
    : null;
  const drill = usePlaceDrill(roots, 'compound', { autoPickSingle: true });
  const f = useProxyReport(drill.done?._id ?? null);

  if (roots && roots.length === 0)
    return (
      <PageShell>
        <EmptyState id="proxy-forbidden" text="代居民反映需要社区工作人员或三长五员身份。" />
      </PageShell>
    );

  return (
    <PageShell>
      <StaffScopeBar drill={drill} target="compound" />
      {drill.done ? (
        <>
          <Section id="proxy-who" title="1. 替谁反映？">
            {f.resident ? (
              <View className="row-wrap">
                <Text className="chip chip-selected" id="proxy-chosen">
                  {f.resident.name} · {f.resident.room}
                </Text>
                <Text className="chip" id="btn-proxy-change" onClick={() => f.choose(null)}>
                  换一位
                </Text>
              </View>
            ) : (
              <>
                <TextField
                  id="proxy-search"
                  label="姓名、房号或电话"
                  value={f.q}
                  onChange={f.setQ}
                  placeholder="如：赵桂兰、2号楼1单元201"
                />
                <View className="top-gap-small">
                  <AppButton id="btn-proxy-search" variant="secondary" onClick={f.search}>
                    在住户台账里查找
                  </AppButton>
                </View>
                {f.searched ? (
                  <Loaded what={f.hits} onlyFresh>
                    {(hits) =>
                      hits.length === 0 ? (
                        <EmptyState id="proxy-no-hits" text="台账里没有找到。请换个写法，或先在“导入住户台账”里补上这位居民。" />
                      ) : (
                        <ChoiceList
                          options={hits.map((h) => ({
                            id: h.id,
                            title: `${h.name}（${h.relation}）`,
                            sub: `${h.room} · 尾号 ${h.phoneTail}`,
                          }))}
                          onSelect={(o) => f.choose(hits.find((h) => h.id === o.id) ?? null)}
                        />
                      )
                    }
                  </Loaded>
                ) : null}
              </>
            )}
          </Section>
          {f.resident ? (
            <View className="row-wrap" id="proxy-task">
              {TASKS.map((t) => (
                <Text
                  key={t.value}
                  className={f.task === t.value ? 'chip chip-selected' : 'chip'}
                  id={`btn-proxy-task-${t.value}`}
                  onClick={() => f.setTask(t.value)}
                >
                  {t.label}
                </Text>
              ))}
            </View>
          ) : null}
          {f.resident && f.task === 'points' ? <ProxyPointsSection resident={f.resident} /> : null}
          {f.resident && f.task === 'book' ? (
            <Section id="proxy-book" title="2. 预约哪项服务？">
              <Loaded what={f.services}>
                {(services) =>
                  services.length === 0 ? (
                    <EmptyState id="proxy-no-services" text="这个社区现在没有可以在线预约的服务。" />
                  ) : (
                    <ChoiceList
                      options={services.map((svc) => ({ id: svc._id, title: svc.name, sub: svc.location }))}
                      onSelect={(o) => f.bookFor(o.id)}
                    />
                  )
                }
              </Loaded>
            </Section>
          ) : null}
          {f.resident && f.task === 'report' ? (
            <Section id="proxy-what" title="2. 是什么问题？">
              {f.category ? (
                <View className="row-wrap">
                  <Text className="chip chip-selected" id="proxy-category">
                    {CATEGORY_CONFIG[f.category].label}
                  </Text>
                  <Text className="chip" onClick={() => f.setCategory(null)}>
                    换一个
                  </Text>
                </View>
              ) : (
                <ChoiceList options={CATEGORY_OPTIONS} onSelect={(o) => f.setCategory(o.id as RequestCategory)} />
              )}
              {f.category ? (
                <>
                  <TextField
                    id="proxy-description"
                    label="问题描述"
                    multiline
                    value={f.description}
                    onChange={f.setDescription}
                    placeholder="例如：家里暖气不热，老人独居"
                    limit={DESCRIPTION_MAX}
                  />
                  <Text className="muted block">
                    记录为“代 {f.resident.name} 提交”，地点是她（他）家：{f.resident.room}。居民以后绑定住址，就能在“我的诉求”里看到进展。
                  </Text>
                  <FormError error={f.error} id="proxy-error" />
                  <View className="top-gap">
                    <AppButton id="btn-proxy-submit" busy={f.submitting} onClick={() => void f.submit()}>
                      代为提交
                    </AppButton>
                  </View>
                </>
              ) : null}
            </Section>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
