import { useEffect, useState } from 'react';
import { kindDepth, type PlaceKind, type PlaceSummary } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud, type CloudError } from '../../services/cloud';

export interface PlaceDrill {
  /** The places chosen so far, top to bottom. */
  path: PlaceSummary[];
  /** Per step of the path: true when it was the only option and chosen automatically (nothing to choose again). */
  autoPicked: boolean[];
  /** What can be chosen next (the roots first, then the children of the last choice). */
  options: PlaceSummary[];
  loading: boolean;
  error: CloudError | undefined;
  retry: () => void;
  /** The chosen place once it is of the target kind. */
  done: PlaceSummary | null;
  /** True when there was a real choice somewhere (more than one option at some level). */
  hadChoice: boolean;
  choose: (place: PlaceSummary) => void;
  /** Goes back to choosing at the given level (0 = the roots). */
  backTo: (level: number) => void;
}

/**
 * Choosing a place step by step down the grid (e.g. 小区 → 楼栋 → 单元 → 户), one
 * places.listChildren per step. Roots below the target kind are left out.
 */
export function usePlaceDrill(
  roots: readonly PlaceSummary[] | null,
  target: PlaceKind,
  opts: { autoPickSingle?: boolean } = {},
): PlaceDrill {
  const [steps, setSteps] = useState<{ place: PlaceSummary; auto: boolean }[]>([]);
  const path = steps.map((s) => s.place);
  const [hadChoice, setHadChoice] = useState(false);
  const last = path[path.length - 1];
  const done = last && last.kind === target ? last : null;
  const usableRoots = (roots ?? []).filter((r) => kindDepth(r.kind) <= kindDepth(target));
  const rootsKey = usableRoots.map((r) => r._id).join(',');

  const parentId = last && !done ? last._id : null;
  const children = useAsync(
    parentId ? () => callCloud('places', 'listChildren', { parentId }).then((r) => ({ parentId, children: r.children })) : null,
    [parentId],
  );
  // an answer for an earlier parent is never shown (nor auto-picked) for the current one
  const fresh = children.state.data && children.state.data.parentId === parentId ? children.state.data.children : null;

  let current: PlaceSummary[] | null;
  if (done) current = [];
  else if (path.length === 0) current = roots === null ? null : usableRoots;
  else current = fresh;
  const loading = current === null && !(path.length > 0 && children.state.status === 'error');

  useEffect(() => {
    setSteps([]);
    setHadChoice(false);
  }, [rootsKey]);

  const currentKey = current ? current.map((c) => c._id).join(',') : null;
  useEffect(() => {
    if (!current || done) return;
    if (current.length > 1) setHadChoice(true);
    const only = current[0];
    if (opts.autoPickSingle && current.length === 1 && only)
      setSteps((p) => (p[p.length - 1]?.place._id === only._id ? p : [...p, { place: only, auto: true }]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey, done?._id]);

  return {
    path,
    autoPicked: steps.map((s) => s.auto),
    options: current ?? [],
    loading,
    error: path.length > 0 && children.state.status === 'error' ? children.state.error : undefined,
    retry: children.reload,
    done,
    hadChoice,
    choose: (place) => setSteps((p) => [...p, { place, auto: false }]),
    backTo: (level) => setSteps((p) => p.slice(0, level)),
  };
}
