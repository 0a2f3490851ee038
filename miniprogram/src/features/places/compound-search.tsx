import { Input, Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { compoundHitSchema } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { ChoiceList } from '../../components/choice';
import { Loaded } from '../../components/loaded';
import { EmptyState } from '../../components/states';
import { useCompoundSearch } from './use-compound-search';

export type CompoundHit = z.infer<typeof compoundHitSchema>;

/** A search box and the compounds that match; tapping one hands it to onPick. */
export function CompoundSearch({ onPick, selectedId }: { onPick: (hit: CompoundHit) => void; selectedId?: string | null }) {
  const { draft, setDraft, query, search, result } = useCompoundSearch();
  return (
    <View className="compound-search">
      <View className="search-bar">
        <Input
          id="search-input"
          className="field-input search-input"
          value={draft}
          placeholder="输入小区名字的开头，如“中捷”"
          confirmType="search"
          maxlength={20}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <AppButton id="btn-search" small onClick={search} className="search-button">
          搜索
        </AppButton>
      </View>
      {/* a new search waits for its own answer */}
      <Loaded what={result} onlyFresh loadingText="正在查找…">
        {(hits) =>
          hits.length === 0 ? (
            <EmptyState id="search-empty" text={query ? `没有找到名字里有“${query}”的小区，请少输几个字再试。` : '还没有可选的小区。'} />
          ) : (
            <View>
              <Text className="muted block search-count">{query ? `找到 ${hits.length} 个小区` : `共 ${hits.length} 个小区`}</Text>
              <ChoiceList
                className="search-results"
                rowClassName="compound-hit"
                selectedId={selectedId}
                options={hits.map((h) => ({
                  id: h._id,
                  title: h.name,
                  sub: [h.fullName !== h.name ? h.fullName : '', h.address ?? ''].filter(Boolean).join('\n') || undefined,
                }))}
                onSelect={(o) => {
                  const hit = hits.find((h) => h._id === o.id);
                  if (hit) onPick(hit);
                }}
              />
            </View>
          )
        }
      </Loaded>
    </View>
  );
}
