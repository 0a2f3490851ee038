import { useEffect, useState } from 'react';
import {
  addDays,
  type CommunityKind,
  type DeadlineTier,
  type RequestCategory,
  type RuleSettings,
  type SettingsView,
  type Span,
} from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { loadMe } from '../identity/me-store';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { settingsContract } from '../../../../shared/src/contracts/settings.contract';

registerContract('settings', settingsContract);

/** The district whose rules the caller works by: an admin's district, or the first ancestor of a staff grant. */
async function loadDistrictSettings(): Promise<SettingsView & { canEdit: boolean }> {
  const me = await loadMe();
  const admin = me.grants.find((g) => g.role === 'admin');
  const districtId = admin?.placeId ?? me.grants.find((g) => g.placePath.length > 0)?.placePath[0];
  if (!districtId) throw new Error('no district');
  return { ...(await callCloud('settings', 'get', { districtId })), canEdit: Boolean(admin) };
}

/** Span → the unit and amount the form shows, and back. */
export const spanAmount = (s: Span): number => ('hours' in s ? s.hours : s.workdays);
export const spanUnit = (s: Span): 'hours' | 'workdays' => ('hours' in s ? 'hours' : 'workdays');
export const toSpan = (unit: 'hours' | 'workdays', amount: number): Span => (unit === 'hours' ? { hours: amount } : { workdays: amount });

/** The district's rules as a form: starts from the version waiting for its date, else the one in force. */
export function useRuleSettings() {
  const loaded = useAsync(loadDistrictSettings, []);
  const [draft, setDraft] = useState<RuleSettings | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [saved, setSaved] = useState(false);
  const guard = useGuarded();
  useEffect(() => {
    const v = loaded.state.data;
    if (!v) return;
    setDraft(structuredClone(v.upcoming?.settings ?? v.inForce.settings));
    setEffectiveFrom(v.upcoming?.effectiveFrom ?? addDays(v.today, 1));
  }, [loaded.state.data]);

  const setTier = (tier: DeadlineTier, key: 'accept' | 'feedback' | 'resolve', span: Span) =>
    setDraft((d) => (d ? { ...d, tiers: { ...d.tiers, [tier]: { ...d.tiers[tier], [key]: span } } } : d));
  const setWarn = (tier: DeadlineTier, hours: number) =>
    setDraft((d) => (d ? { ...d, tiers: { ...d.tiers, [tier]: { ...d.tiers[tier], warnBeforeHours: hours } } } : d));
  /** A 督办 interval: 受理, or a tier's while it is handled. */
  const setEscalation = (key: DeadlineTier | 'accept', span: Span) =>
    setDraft((d) => (d ? { ...d, escalateEvery: { ...d.escalateEvery, [key]: span } } : d));
  const setCategory = (c: RequestCategory, patch: Partial<RuleSettings['categories'][RequestCategory]>) =>
    setDraft((d) => (d ? { ...d, categories: { ...d.categories, [c]: { ...d.categories[c], ...patch } } } : d));
  const setThreshold = (n: number) => setDraft((d) => (d ? { ...d, community: { ...d.community, yishitingSupportThreshold: n } } : d));
  const setKind = (kind: CommunityKind) => setDraft((d) => (d ? { ...d, community: { ...d.community, communityKind: kind } } : d));
  const reset = () => setDraft(loaded.state.data ? structuredClone(loaded.state.data.defaults) : null);

  // a version's id is its date: saving the same form again writes the same version
  const save = () =>
    guard.run(async () => {
      const v = loaded.state.data;
      if (!v || !draft) return;
      const next = await callCloud('settings', 'save', { districtId: v.districtId, effectiveFrom: effectiveFrom.trim(), settings: draft });
      loaded.setData({ ...next, canEdit: v.canEdit });
      setSaved(true);
    });

  return {
    loaded,
    draft,
    effectiveFrom,
    setEffectiveFrom,
    setTier,
    setWarn,
    setEscalation,
    setCategory,
    setThreshold,
    setKind,
    reset,
    save,
    saved,
    busy: guard.busy !== null,
    error: guard.error,
  };
}
