import { Text, View } from '@tarojs/components';
import { PLACE_KIND_LABELS, type PlaceKind } from '@linli/shared';
import { ChoiceList } from '../../components/choice';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { PlaceDrill } from './use-place-drill';

const kindLabel = (kind: PlaceKind | undefined) => (kind ? PLACE_KIND_LABELS[kind] : '');

/** The steps chosen so far (each can be chosen again) and the list for the next step. */
export function PlaceDrillView({ drill, emptyText, hideFirstStep }: { drill: PlaceDrill; emptyText?: string; hideFirstStep?: boolean }) {
  const nextKind = drill.options[0]?.kind;
  return (
    <View className="place-drill">
      {drill.path.map((p, i) =>
        hideFirstStep && i === 0 ? null : (
          <View key={p._id} className="tap-row drill-step" id={`drill-step-${i}`}>
            <View className="tap-row-main">
              <Text className="tap-row-sub">{kindLabel(p.kind)}</Text>
              <Text className="tap-row-title">{p.name}</Text>
            </View>
            {drill.autoPicked[i] ? null : (
              <View className="chip drill-redo" onClick={() => drill.backTo(i)}>
                <Text>重选</Text>
              </View>
            )}
          </View>
        ),
      )}
      {drill.done ? null : drill.loading ? (
        <LoadingState />
      ) : drill.error ? (
        <ErrorState error={drill.error} onRetry={drill.retry} />
      ) : drill.options.length === 0 ? (
        <EmptyState text={emptyText ?? '这里还没有可选的地方，请联系社区工作人员。'} />
      ) : (
        <View className="drill-options">
          <Text className="h3 drill-prompt">请选择{kindLabel(nextKind)}</Text>
          <ChoiceList
            rowClassName="drill-option"
            options={drill.options.map((o) => ({
              id: o._id,
              title: o.name,
              sub: o.fullName !== o.name && drill.path.length === 0 ? o.fullName : undefined,
            }))}
            onSelect={(o) => {
              const place = drill.options.find((p) => p._id === o.id);
              if (place) drill.choose(place);
            }}
          />
        </View>
      )}
    </View>
  );
}
