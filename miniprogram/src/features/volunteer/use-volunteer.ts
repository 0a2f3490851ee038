import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { parseAttendanceToken, type AttendanceKind } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { newIdempotencyKey } from '../../services/idempotency';
import { gatedCall } from '../../services/platform-call';

/** 志愿服务 home: the caller's community, its activities, and (for a 联户党员) their households. */
export function useVolunteerHome() {
  const params = useRouter().params;
  const me = useAsync(() => callCloud('volunteer', 'me', {}), []);
  const communityId = decodeParam(params.communityId) || me.state.data?.community?.id || me.state.data?.manages[0]?.id || null;
  const activities = useAsync(communityId ? () => callCloud('volunteer', 'activities', { communityId }) : null, [communityId]);
  const isPartyMember = (me.state.data?.partyMemberOf.length ?? 0) > 0;
  const households = useAsync(isPartyMember ? () => callCloud('volunteer', 'myHouseholds', {}) : null, [isPartyMember]);
  const mine = useAsync(() => callCloud('volunteer', 'mine', {}), []);
  return { me, communityId, activities, households, mine };
}

/**
 * One activity: sign up, leave, check in and out (a scan in WeChat; in the browser build the code is
 * typed or pasted, and both go through the same call), and for its organiser the rotating code,
 * the roster and the confirmation.
 */
export function useActivityPage() {
  const id = decodeParam(useRouter().params.id);
  const load = useAsync(() => callCloud('volunteer', 'activity', { activityId: id }), [id]);
  const manage = load.state.data?.activity.canManage ?? false;
  const roster = useAsync(manage ? () => callCloud('volunteer', 'roster', { activityId: id }) : null, [manage, id]);
  const guard = useGuarded<string>();
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<{ kind: AttendanceKind; code: string; token: string; refreshAt: string; now: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // the organiser's code is fetched again when it turns over (every minute), while it is shown
  useEffect(() => {
    if (!shown) return;
    // counted on the server's clock (the phone's may be off): the code turns over at refreshAt
    const wait = Math.max(1000, Date.parse(shown.refreshAt) - Date.parse(shown.now) + 500);
    const t = setTimeout(() => void showCode(shown.kind), Math.min(wait, 65_000));
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  async function showCode(kind: AttendanceKind): Promise<void> {
    await guard.run(async () => {
      const c = await callCloud('volunteer', 'attendanceCode', { activityId: id, kind });
      setShown({ kind, code: c.code, token: c.token, refreshAt: c.refreshAt, now: c.now });
    }, `code-${kind}`);
  }

  const act = (kind: string, work: () => Promise<unknown>) =>
    void guard.run(async () => {
      await work();
      load.reload();
      if (manage) roster.reload();
    }, kind);

  /** What a scan read, or what was typed/pasted: a full QR text, or the characters under the code. */
  async function attend(kind: AttendanceKind, text: string): Promise<void> {
    const token = parseAttendanceToken(text);
    await guard.run(async () => {
      const r = await callCloud('volunteer', 'attend', {
        activityId: token?.activityId ?? id,
        kind: token?.kind ?? kind,
        code: token?.code ?? text,
        ...(token ? { window: token.window } : {}),
      });
      setDone(r.kind === 'in' ? '签到成功' : '签退成功');
      setCode('');
      load.reload();
    }, `attend-${kind}`);
  }

  async function scan(kind: AttendanceKind): Promise<void> {
    const result = await gatedCall('扫码', () => Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }));
    if (result) await attend(kind, result.result);
  }

  return {
    id,
    load,
    roster,
    guard,
    code,
    setCode,
    shown,
    done,
    canScan: process.env.TARO_ENV === 'weapp',
    signUp: (waitlist: boolean) => act('signUp', () => callCloud('volunteer', 'signUp', { activityId: id, waitlist })),
    leave: () => act('leave', () => callCloud('volunteer', 'leave', { activityId: id })),
    confirm: () => act('confirm', () => callCloud('volunteer', 'confirm', { activityId: id })),
    mark: (openid: string, present: boolean) =>
      act(`mark-${openid}`, () => callCloud('volunteer', 'mark', { activityId: id, openid, present })),
    showCode: (kind: AttendanceKind) => void showCode(kind),
    hideCode: () => setShown(null),
    attend: (kind: AttendanceKind) => void attend(kind, code),
    scan: (kind: AttendanceKind) => void scan(kind),
  };
}

/** 我的志愿积分: balance and history from the ledger, the certificate, the 积分超市 and its codes. */
export function usePointsPage() {
  const communityId = decodeParam(useRouter().params.communityId);
  const points = useAsync(() => callCloud('volunteer', 'myPoints', { communityId }), [communityId]);
  const rewards = useAsync(() => callCloud('volunteer', 'rewards', { communityId }), [communityId]);
  const redemptions = useAsync(() => callCloud('volunteer', 'myRedemptions', {}), []);
  const certificate = useAsync(() => callCloud('volunteer', 'certificate', { communityId }), [communityId]);
  const guard = useGuarded<string>();
  // one key per reward tapped, kept until it goes through, so a retry is the same redemption
  const [keys, setKeys] = useState<Record<string, string>>({});
  const redeem = (rewardId: string) =>
    void guard.run(async () => {
      const key = keys[rewardId] ?? newIdempotencyKey();
      setKeys((k) => ({ ...k, [rewardId]: key }));
      await callCloud('volunteer', 'redeem', { rewardId, key });
      setKeys((k) => ({ ...k, [rewardId]: newIdempotencyKey() }));
      points.reload();
      rewards.reload();
      redemptions.reload();
    }, `redeem-${rewardId}`);
  const cancel = (redemptionId: string) =>
    void guard.run(async () => {
      await callCloud('volunteer', 'cancelRedemption', { redemptionId });
      points.reload();
      rewards.reload();
      redemptions.reload();
    }, `cancel-${redemptionId}`);
  return { communityId, points, rewards, redemptions, certificate, guard, redeem, cancel };
}

/** The card's line: the 联户党员 of the caller's household (nothing for someone without one). */
export function useMyPartyMember() {
  return useAsync(() => callCloud('volunteer', 'myPartyMember', {}), []);
}
