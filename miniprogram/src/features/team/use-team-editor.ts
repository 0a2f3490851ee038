import Taro from '@tarojs/taro';
import { useState } from 'react';
import { TEAM_ROLE_LABELS, type Card, type TeamMember, type TeamPerson } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { errorCopy } from '../../services/error-copy';
import type { MemberFormMode } from './member-form';

/** The card of one compound and the three changes staff make to it; each change answers with the new card. */
export function useTeamEditor(compoundId: string | null) {
  const card = useAsync(compoundId ? () => callCloud('team', 'getCard', { compoundId }) : null, [compoundId]);
  const [form, setForm] = useState<MemberFormMode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const applied = (next: Card, message: string) => {
    card.setData(next);
    setForm(null);
    setError(null);
    void Taro.showToast({ title: message, icon: 'success' });
  };

  const open = (mode: MemberFormMode | null) => {
    setForm(mode);
    setError(null);
  };

  const save = async (person: TeamPerson, checkpoint: string | undefined) => {
    if (!compoundId || !form || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (form.kind === 'add') {
        const next = await callCloud('team', 'addMember', { compoundId, role: form.role, person, ...(checkpoint ? { checkpoint } : {}) });
        applied(next, '已添加');
      } else {
        const next = await callCloud('team', 'replaceMember', { compoundId, memberId: form.member.id, person });
        applied(next, '已更换');
      }
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (member: TeamMember) => {
    if (!compoundId || removing) return;
    const { confirm } = await Taro.showModal({
      title: '确认移除',
      content: `确定把 ${member.name}（${TEAM_ROLE_LABELS[member.role]}）从联系卡上移除吗？移除后，联系卡会提示缺少这个岗位。`,
      confirmText: '移除',
      confirmColor: '#c8102e',
      cancelText: '不移除',
    });
    if (!confirm) return;
    setRemoving(member.id);
    try {
      const next = await callCloud('team', 'removeMember', { compoundId, memberId: member.id });
      applied(next, '已移除');
    } catch (e) {
      await Taro.showModal({ title: '没有移除成功', content: errorCopy(toCloudError(e)), showCancel: false, confirmText: '知道了' });
    } finally {
      setRemoving(null);
    }
  };

  return { card, form, open, save, remove, busy, error, removing };
}
