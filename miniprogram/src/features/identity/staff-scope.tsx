import { Text, View } from '@tarojs/components';
import { PLACE_KIND_LABELS, ROLE_SCOPE_KIND, type Grant, type PlaceKind, type PlaceSummary } from '@linli/shared';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { EmptyState, ErrorState } from '../../components/states';
import { useAsync } from '../../hooks/use-async';
import { PlaceDrillView } from '../places/place-drill-view';
import { usePlaceDrill, type PlaceDrill } from '../places/use-place-drill';
import { loadMe, staffGrants } from './me-store';

/** The places a staff member's grants cover, as the first step of choosing where to work. */
export function staffRoots(grants: readonly Grant[]): PlaceSummary[] {
  const seen = new Set<string>();
  const roots: PlaceSummary[] = [];
  for (const g of staffGrants(grants)) {
    if (seen.has(g.placeId)) continue;
    seen.add(g.placeId);
    // staff grants are scoped to places of the grid
    roots.push({ _id: g.placeId, kind: ROLE_SCOPE_KIND[g.role] as PlaceKind, name: g.placeName, fullName: g.placeName, parentId: null });
  }
  return roots;
}

/**
 * Where the staff member is working now (a community or a compound) and a way to switch.
 * Single choices are made automatically, so a community worker with one community never sees a chooser.
 */
export function StaffScopeBar({ drill, target, id = 'staff-scope' }: { drill: PlaceDrill; target: PlaceKind; id?: string }) {
  const label = PLACE_KIND_LABELS[target];
  if (drill.done) {
    return (
      <View id={id} className="card scope-bar">
        <View className="tap-row-main">
          <Text className="tap-row-sub">当前{label}</Text>
          <Text className="tap-row-title" id={`${id}-name`}>
            {drill.done.fullName}
          </Text>
        </View>
        {drill.hadChoice ? (
          <View className="chip" id="btn-switch-scope" onClick={() => drill.backTo(0)}>
            <Text>切换{label}</Text>
          </View>
        ) : null}
      </View>
    );
  }
  return (
    <Section id={id}>
      <PlaceDrillView drill={drill} emptyText={`您负责的范围里还没有${label}。`} />
    </Section>
  );
}

/**
 * The first steps every staff page takes: who am I, which places do I cover, which one am I
 * working on now. `gate` is what to show instead of the page (loading failed, or no staff role).
 */
export function useStaffPlace(target: PlaceKind, forbiddenText: string) {
  const me = useAsync(() => loadMe(), []);
  const roots = me.state.data ? staffRoots(me.state.data.grants) : null;
  const drill = usePlaceDrill(roots, target, { autoPickSingle: true });
  let gate: JSX.Element | null = null;
  if (me.state.status === 'error')
    gate = (
      <PageShell>
        <ErrorState error={me.state.error} onRetry={me.reload} />
      </PageShell>
    );
  else if (roots && roots.length === 0)
    gate = (
      <PageShell>
        <EmptyState id="staff-forbidden" text={forbiddenText} />
      </PageShell>
    );
  return { me, drill, placeId: drill.done?._id ?? null, gate };
}
