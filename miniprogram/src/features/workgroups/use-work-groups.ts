import type { WorkGroupInput, WorkGroupMember, WorkGroupPost, WorkGroupView } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { useFindingForm } from '../departments/use-finding-form';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { workGroupsContract } from '../../../../shared/src/contracts/workgroups.contract';

registerContract('workgroups', workGroupsContract);

const EMPTY: WorkGroupInput = {
  name: '',
  members: [
    { name: '', post: 'districtLeader', unit: '' },
    { name: '', post: 'departmentLeader', unit: '' },
    { name: '', post: 'streetLeader', unit: '' },
  ],
  day: { weekday: 4, start: '09:00', end: '11:30', place: '' },
  seats: 3,
};

/** The district's communities and their groups; one chosen to edit. */
export function useWorkGroups(districtId: string) {
  const list = useAsync(() => callCloud('workgroups', 'list', { districtId }), [districtId]);
  const [editing, setEditing] = useState<{ communityId: string; fullName: string; group: WorkGroupView | null } | null>(null);
  return { list, editing, edit: setEditing, done: () => (setEditing(null), list.reload()) };
}

/**
 * Assigning a community's group: its members and posts, the service day. Saved with the version
 * loaded, so two admins cannot overwrite each other unseen; a retry of the same save is the same.
 */
export function useWorkGroupForm(communityId: string, current: WorkGroupView | null, onSaved: () => void) {
  const [group, setGroup] = useState<WorkGroupInput>(() =>
    current
      ? { name: current.name, members: current.members, day: current.day, seats: current.seats }
      : { ...EMPTY, members: [...EMPTY.members] },
  );
  const [saved, setSaved] = useState<WorkGroupView | null>(current);
  const guard = useGuarded();
  const setMember = (i: number, patch: Partial<WorkGroupMember>) =>
    setGroup((g) => ({ ...g, members: g.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  const addMember = (post: WorkGroupPost = 'communityCadre') =>
    setGroup((g) => ({ ...g, members: [...g.members, { name: '', post, unit: '' }] }));
  const removeMember = (i: number) => setGroup((g) => ({ ...g, members: g.members.filter((_, j) => j !== i) }));
  const setDay = (patch: Partial<WorkGroupInput['day']>) => setGroup((g) => ({ ...g, day: { ...g.day, ...patch } }));
  const save = () =>
    guard.run(async () => {
      const out = await callCloud('workgroups', 'assign', { communityId, group, version: saved?.version ?? 0 });
      setSaved(out.group);
      onSaved();
    });
  return { group, setGroup, setMember, addMember, removeMember, setDay, saved, save, busy: !!guard.busy, error: guard.error };
}

/** The community's month with its group. */
export function useWorkGroupMonth(communityId: string, month: string) {
  return useAsync(() => callCloud('workgroups', 'figures', { communityId, month }), [communityId, month]);
}

/** 工作组收集: a member records one problem; one key per form. */
export function useCollectForm(communityId: string) {
  const group = useAsync(() => callCloud('workgroups', 'get', { communityId }), [communityId]);
  const compounds = useAsync(() => callCloud('places', 'listChildren', { parentId: communityId }), [communityId]);
  const [compoundId, setCompoundId] = useState<string | null>(null);
  const form = useFindingForm('environment', async (key, finding) => {
    const groupId = group.state.data?.group?._id;
    if (!groupId || !compoundId) return;
    await callCloud('workgroups', 'collect', { key, groupId, compoundId, ...finding });
    await redirectTo('department/group', { communityId });
  });
  return { group, compounds, compoundId, setCompoundId, form };
}
