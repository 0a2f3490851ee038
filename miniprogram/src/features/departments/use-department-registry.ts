import type { DepartmentKind, DepartmentView } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';

registerContract('departments', departmentsContract);

type Draft = { name: string; kind: DepartmentKind | null; areaIds: string[]; phone: string };
const BLANK: Draft = { name: '', kind: null, areaIds: [], phone: '' };

/**
 * 登记职能部门: the departments a street or the district registered, the places below it to serve,
 * and one form that registers a new one (one key per form) or edits the one chosen.
 */
export function useDepartmentRegistry(placeId: string) {
  const departments = useAsync(() => callCloud('departments', 'list', { placeId }), [placeId]);
  const areas = useAsync(() => callCloud('places', 'listChildren', { parentId: placeId }), [placeId]);
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [editing, setEditing] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const guard = useGuarded();
  const edit = (d: DepartmentView) => {
    setEditing(d._id);
    setDraft({ name: d.name, kind: d.kind, areaIds: d.areaIds, phone: d.phone ?? '' });
  };
  const reset = () => {
    setEditing(null);
    setDraft(BLANK);
    setKey(newIdempotencyKey());
  };
  const toggleArea = (id: string) =>
    setDraft((d) => ({ ...d, areaIds: d.areaIds.includes(id) ? d.areaIds.filter((a) => a !== id) : [...d.areaIds, id] }));
  const save = () =>
    guard.run(async () => {
      if (!draft.kind) return;
      const body = { name: draft.name, kind: draft.kind, areaIds: draft.areaIds, ...(draft.phone ? { phone: draft.phone } : {}) };
      if (editing) await callCloud('departments', 'update', { departmentId: editing, ...body });
      else await callCloud('departments', 'register', { key, ownerPlaceId: placeId, ...body });
      reset();
      departments.reload();
    });
  return { departments, areas, draft, setDraft, toggleArea, editing, edit, reset, save, busy: !!guard.busy, error: guard.error };
}
