import { Text, View } from '@tarojs/components';
import { SUNSHINE_TYPE_LABELS, SUNSHINE_TYPES, type SunshineType } from '@linli/shared';
import { Chips } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { EmptyState, LoadingState } from '../../../components/states';
import { when } from '../../../features/notices/labels';
import { monthLabel, useArchive } from '../../../features/notices/use-archive';
import { goTo } from '../../../services/routes';
import '../../../features/notices/notices.css';

const TYPE_OPTIONS: { value: SunshineType | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  ...SUNSHINE_TYPES.map((t) => ({ value: t, label: SUNSHINE_TYPE_LABELS[t] })),
];

/** 阳光三务: the community's public record of 党务、村务、财务, month by month. */
export default function ArchivePage() {
  const { archive, month, type, setMonth, setType } = useArchive();
  return (
    <Loaded what={archive} shell errorId="archive-error" loadingId="archive-loading">
      {(data) => (
        <PageShell id="archive-page">
          <View className="card">
            <Text className="h1 block">{data.community.name}</Text>
            <Text className="muted block">党务、村务、财务公开 · 人是大家选的，事是大家定的，钱是大家管的</Text>
          </View>
          {data.months.length === 0 ? (
            <EmptyState id="archive-empty" text="社区还没有发布过阳光三务公开。" />
          ) : (
            <>
              <View className="card">
                <Text className="field-label">月份</Text>
                <Chips
                  idPrefix="month"
                  options={data.months.map((m) => ({ value: m, label: monthLabel(m) }))}
                  value={month}
                  onChange={setMonth}
                />
                <Text className="field-label top-gap">类型</Text>
                <Chips
                  idPrefix="type"
                  options={TYPE_OPTIONS}
                  value={type ?? 'all'}
                  onChange={(v) => setType(v === 'all' ? undefined : v)}
                />
              </View>
              {archive.state.status === 'loading' ? <LoadingState /> : null}
              {data.items.length === 0 ? (
                <EmptyState
                  id="archive-month-empty"
                  text={`${month ? monthLabel(month) : '这个月'}没有${type ? SUNSHINE_TYPE_LABELS[type] : ''}公开。`}
                />
              ) : (
                <View id="archive-list" className="card">
                  {data.items.map((item) => (
                    <View
                      key={item.noticeId}
                      id={`archive-${item.noticeId}`}
                      className="tap-row"
                      onClick={goTo('notices/detail', { id: item.noticeId, from: 'archive' })}
                    >
                      <View className="tap-row-main">
                        <View>
                          <Text className="tag tag-ok">{SUNSHINE_TYPE_LABELS[item.sunshineType]}公开</Text>
                        </View>
                        <Text className="tap-row-title">{item.title}</Text>
                        <Text className="tap-row-sub">{when(item.publishAt)}</Text>
                      </View>
                      <Text className="tap-row-arrow">›</Text>
                    </View>
                  ))}
                </View>
              )}
            </>
          )}
        </PageShell>
      )}
    </Loaded>
  );
}
