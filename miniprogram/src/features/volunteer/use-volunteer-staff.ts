import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { PartyItem, RedemptionView, RewardView, WhoMayJoin } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { newIdempotencyKey } from '../../services/idempotency';
import { gatedCall } from '../../services/platform-call';
import { redirectTo } from '../../services/routes';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** A Shanghai calendar day `offset` days from now, as YYYY-MM-DD. */
export const shanghaiDay = (offset = 0, now = Date.now()): string =>
  new Date(now + SHANGHAI_OFFSET_MS + offset * 86_400_000).toISOString().slice(0, 10);

/** The month (YYYY-MM) in Shanghai, `offset` months from now. */
export function shanghaiMonth(offset = 0, now = Date.now()): string {
  const d = new Date(now + SHANGHAI_OFFSET_MS);
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  return m.toISOString().slice(0, 7);
}

/** A Shanghai wall time (day + HH:mm) as an instant. */
export const shanghaiInstant = (day: string, time: string): string => new Date(`${day}T${time}:00+08:00`).toISOString();

export type PostDraft = {
  title: string;
  location: string;
  description: string;
  day: string;
  start: string;
  hours: number;
  seats: string;
  pointsKind: 'perHour' | 'perTask';
  points: string;
  whoMayJoin: WhoMayJoin;
};

/** The activity the form describes, as the contract takes it (numbers parsed, wall times to instants). */
export function activityFromDraft(d: PostDraft) {
  const startAt = shanghaiInstant(d.day, d.start);
  return {
    title: d.title,
    location: d.location,
    description: d.description,
    startAt,
    endAt: new Date(Date.parse(startAt) + d.hours * 3_600_000).toISOString(),
    seats: Number(d.seats),
    points: { kind: d.pointsKind, points: Number(d.points) },
    whoMayJoin: d.whoMayJoin,
  };
}

/** Staff (or a team lead) post an activity; one key per form, so a double tap posts once. */
export function usePostActivity() {
  const communityId = decodeParam(useRouter().params.communityId);
  const [draft, setDraft] = useState<PostDraft>({
    title: '',
    location: '',
    description: '',
    day: shanghaiDay(1),
    start: '09:00',
    hours: 2,
    seats: '10',
    pointsKind: 'perHour',
    points: '1',
    whoMayJoin: 'community',
  });
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded();
  const set = <K extends keyof PostDraft>(k: K, v: PostDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = () =>
    void guard.run(async () => {
      const { activity } = await callCloud('volunteer', 'post', { communityId, key, activity: activityFromDraft(draft) });
      await redirectTo('volunteer/activity', { id: activity.id });
    });
  return { communityId, draft, set, guard, submit };
}

/** 积分超市 for staff: the shelf (price, stock) and handing over what a resident shows. */
export function useShopAdmin() {
  const communityId = decodeParam(useRouter().params.communityId);
  const rewards = useAsync(() => callCloud('volunteer', 'rewards', { communityId }), [communityId]);
  const guard = useGuarded<string>();
  const [edits, setEdits] = useState<Record<string, { price: string; stock: string }>>({});
  const [fresh, setFresh] = useState({ name: '', description: '', price: '', stock: '' });
  const [code, setCode] = useState('');
  const [handed, setHanded] = useState<RedemptionView | null>(null);

  const edit = (r: RewardView) => edits[r.id] ?? { price: String(r.price), stock: String(r.stock) };
  const setEdit = (r: RewardView, field: 'price' | 'stock', value: string) =>
    setEdits((e) => ({ ...e, [r.id]: { ...edit(r), [field]: value } }));

  /** Saves the edited price and stock; `active` flips a reward on or off the shelf (its held codes stay good). */
  const save = (r: RewardView, active = r.active) =>
    void guard.run(async () => {
      const e = edit(r);
      await callCloud('volunteer', 'saveReward', {
        communityId,
        rewardId: r.id,
        reward: { name: r.name, description: r.description, price: Number(e.price), stock: Number(e.stock), active },
      });
      setEdits(({ [r.id]: _done, ...rest }) => rest);
      rewards.reload();
    }, `save-${r.id}`);

  const add = () =>
    void guard.run(async () => {
      await callCloud('volunteer', 'saveReward', {
        communityId,
        reward: { name: fresh.name, description: fresh.description, price: Number(fresh.price), stock: Number(fresh.stock), active: true },
      });
      setFresh({ name: '', description: '', price: '', stock: '' });
      rewards.reload();
    }, 'add');

  async function handOver(value: string): Promise<void> {
    setHanded(null);
    await guard.run(async () => {
      const { redemption } = await callCloud('volunteer', 'handOver', { communityId, code: value });
      setHanded(redemption);
      setCode('');
      rewards.reload();
    }, 'handOver');
  }

  async function scan(): Promise<void> {
    const result = await gatedCall('扫码', () => Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }));
    if (result) await handOver(result.result);
  }

  return {
    communityId,
    rewards,
    guard,
    edit,
    setEdit,
    save,
    fresh,
    setFresh,
    add,
    code,
    setCode,
    handed,
    handOver: () => void handOver(code),
    scan: () => void scan(),
    canScan: process.env.TARO_ENV === 'weapp',
  };
}

/** 十户联保 assignment on the building/unit map of one compound of the community. */
export function useLianbaoAdmin() {
  const params = useRouter().params;
  const communityId = decodeParam(params.communityId);
  const [compoundId, setCompoundId] = useState(decodeParam(params.compoundId));
  const compounds = useAsync(() => callCloud('places', 'listChildren', { parentId: communityId }), [communityId]);
  const chosen = compoundId || compounds.state.data?.children[0]?._id || '';
  const map = useAsync(chosen ? () => callCloud('volunteer', 'lianbaoMap', { compoundId: chosen }) : null, [chosen]);
  const members = useAsync(() => callCloud('volunteer', 'partyMembers', { communityId }), [communityId]);
  const guard = useGuarded<string>();
  const [member, setMember] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [warning, setWarning] = useState<{ name: string; households: number; perMember: number } | null>(null);

  const toggle = (householdId: string) =>
    setPicked((p) => (p.includes(householdId) ? p.filter((x) => x !== householdId) : p.length >= 30 ? p : [...p, householdId]));

  const after = () => {
    setPicked([]);
    map.reload();
    members.reload();
  };
  const assign = () =>
    void guard.run(async () => {
      if (!member) return;
      const r = await callCloud('volunteer', 'assign', { communityId, partyMemberOpenid: member, householdIds: picked });
      setWarning(r.warning ? { name: r.member.name, ...r.warning } : null);
      after();
    }, 'assign');
  const unassign = () =>
    void guard.run(async () => {
      await callCloud('volunteer', 'unassign', { communityId, householdIds: picked });
      setWarning(null);
      after();
    }, 'unassign');

  return {
    communityId,
    compounds,
    chosen,
    choose: (id: string) => {
      setCompoundId(id);
      setPicked([]);
    },
    map,
    members,
    member,
    setMember,
    picked,
    toggle,
    guard,
    warning,
    assign,
    unassign,
  };
}

/** Households no one has visited lately, by party member and building. */
export function useCoverage() {
  const communityId = decodeParam(useRouter().params.communityId);
  return { communityId, coverage: useAsync(() => callCloud('volunteer', 'coverage', { communityId }), [communityId]) };
}

/** 党员积分: the branch's items, this month's counting from the records, awards by hand, the ranking. */
export function usePartyAdmin() {
  const communityId = decodeParam(useRouter().params.communityId);
  const months = useMemo(() => [shanghaiMonth(0), shanghaiMonth(-1), shanghaiMonth(-2)], []);
  const [month, setMonth] = useState(months[0]!);
  const ranking = useAsync(() => callCloud('volunteer', 'partyRanking', { communityId, month }), [communityId, month]);
  const members = useAsync(() => callCloud('volunteer', 'partyMembers', { communityId }), [communityId]);
  const guard = useGuarded<string>();
  const [scored, setScored] = useState<{ written: number; points: number } | null>(null);
  const [award, setAward] = useState<{ openid: string | null; itemId: string | null; note: string }>({
    openid: null,
    itemId: null,
    note: '',
  });
  const manualItems: PartyItem[] = (ranking.state.data?.items ?? []).filter((i) => i.source === 'manual');

  const score = () =>
    void guard.run(async () => {
      setScored(await callCloud('volunteer', 'scoreMonth', { communityId, month }));
      ranking.reload();
    }, 'score');
  const give = () =>
    void guard.run(async () => {
      if (!award.openid || !award.itemId) return;
      await callCloud('volunteer', 'award', { communityId, month, openid: award.openid, itemId: award.itemId, note: award.note });
      setAward((a) => ({ ...a, note: '' }));
      ranking.reload();
    }, 'award');
  return { communityId, months, month, setMonth, ranking, members, guard, scored, score, award, setAward, manualItems, give };
}

export type SettingsDraft = {
  capPerDay: string;
  capPerMonth: string;
  householdsPerMember: string;
  visitEveryDays: string;
  pointsLifeMonths: string;
};

/** A blank cap is no cap (and a blank life: points never expire). */
const capOf = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** The community's caps and 十户联保 numbers; saved against the version read (two staff editing: the second is told). */
export function useVolunteerSettings() {
  const communityId = decodeParam(useRouter().params.communityId);
  const settings = useAsync(() => callCloud('volunteer', 'settings', { communityId }), [communityId]);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const guard = useGuarded();
  const [saved, setSaved] = useState(false);
  const s = settings.state.data;
  const shown: SettingsDraft | null =
    draft ??
    (s
      ? {
          capPerDay: s.capPerDay === null ? '' : String(s.capPerDay),
          capPerMonth: s.capPerMonth === null ? '' : String(s.capPerMonth),
          householdsPerMember: String(s.householdsPerMember),
          visitEveryDays: String(s.visitEveryDays),
          pointsLifeMonths: s.pointsLifeMonths === null ? '' : String(s.pointsLifeMonths),
        }
      : null);
  const set = (k: keyof SettingsDraft, v: string) => {
    setSaved(false);
    if (shown) setDraft({ ...shown, [k]: v });
  };
  const save = () =>
    void guard.run(async () => {
      if (!s || !shown) return;
      const next = await callCloud('volunteer', 'saveSettings', {
        communityId,
        version: s.version,
        settings: {
          capPerDay: capOf(shown.capPerDay),
          capPerMonth: capOf(shown.capPerMonth),
          householdsPerMember: Number(shown.householdsPerMember),
          visitEveryDays: Number(shown.visitEveryDays),
          pointsLifeMonths: capOf(shown.pointsLifeMonths),
        },
        leads: s.leads,
        partyItems: s.partyItems,
      });
      settings.setData(next);
      setDraft(null);
      setSaved(true);
    });
  return { communityId, settings, shown, set, save, guard, saved };
}

/** 公示: a community's month of hours and points by volunteer, open to anyone; this month and the last five. */
export function usePublicBoard() {
  const communityId = decodeParam(useRouter().params.communityId);
  const months = useMemo(() => Array.from({ length: 6 }, (_, i) => shanghaiMonth(-i)), []);
  const [month, setMonth] = useState(months[0]!);
  const board = useAsync(() => callCloud('volunteer', 'board', { communityId, month }), [communityId, month]);
  return { communityId, months, month, setMonth, board };
}

/**
 * Staff: one person's ledger, a correction by hand (a new entry with its reason; one key per
 * correction, so a retry writes it once) and undoing an entry by a reversing entry.
 */
export function useLedgerAdmin() {
  const communityId = decodeParam(useRouter().params.communityId);
  const people = useAsync(() => callCloud('volunteer', 'people', { communityId }), [communityId]);
  const [openid, setOpenid] = useState<string | null>(null);
  const ledger = useAsync(openid ? () => callCloud('volunteer', 'ledger', { communityId, openid }) : null, [communityId, openid]);
  const guard = useGuarded<string>();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const choose = (id: string) => {
    setOpenid(id);
    setPoints('');
    setReason('');
    setKey(newIdempotencyKey());
  };
  const correct = () =>
    void guard.run(async () => {
      if (!openid) return;
      await callCloud('volunteer', 'correct', { communityId, openid, points: Number(points), reason, key });
      setPoints('');
      setReason('');
      setKey(newIdempotencyKey());
      ledger.reload();
    }, 'correct');
  const reverse = (entryId: string) =>
    void guard.run(async () => {
      await callCloud('volunteer', 'reverse', { entryId, reason: reason.trim() || '记录有误，冲销' });
      setReason('');
      ledger.reload();
    }, `reverse-${entryId}`);
  return { communityId, people, openid, choose, ledger, guard, points, setPoints, reason, setReason, correct, reverse };
}
