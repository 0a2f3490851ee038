import { err, hasStaffScope, ok, volunteerContract, type Place } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, placeOf, signedIn, systemOnly, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import {
  cancelActivity,
  getActivity,
  leaveActivity,
  listActivities,
  myActivities,
  postActivity,
  signUp,
} from '../../use-cases/volunteer/activities';
import { attend, attendanceCode, confirmActivity, markAttendance, roster } from '../../use-cases/volunteer/attendance';
import {
  addPartyMember,
  assignHouseholds,
  coverage,
  householdVisits,
  lianbaoMap,
  listPartyMembers,
  logVisit,
  myDoorList,
  myHouseholds,
  myPartyMember,
  raiseNeed,
  remindFollowUps,
  unassignHouseholds,
} from '../../use-cases/volunteer/lianbao';
import { awardParty, partyRanking, scoreMonth } from '../../use-cases/volunteer/party';
import {
  certificate,
  correctPoints,
  entryStaff,
  getSettings,
  myPoints,
  people,
  personLedger,
  publicBoard,
  reverseEntry,
  saveSettings,
  volunteerMe,
} from '../../use-cases/volunteer/points';
import {
  cancelRedemption,
  handOver,
  listRewards,
  myRedemptions,
  redeem,
  redeemerOf,
  redemptionOwner,
  saveReward,
} from '../../use-cases/volunteer/shop';
import {
  anActivity,
  communityStaff,
  compoundStaff,
  memberOrStaffOfHousehold,
  organiserOf,
  organisersOfCommunity,
  partyMemberId,
  peopleOfCommunity,
  visitorOf,
} from '../../use-cases/volunteer/volunteer-policy';

/** Anyone may read a community's activities and its board: a public call for volunteers, a public 公示. */
const aCommunity = { caller: 'anyone', load: placeOf((i: { communityId: string }) => i.communityId, 'community') } as const;

/** The branch's ranking: its staff, and its own party members (read once by the loader). */
const branch: Policy<{ communityId: string }, Place> = {
  load: async (ctx, input) => {
    const community = await placeOf((i: { communityId: string }) => i.communityId, 'community')(ctx, input);
    if (!community.ok) return community;
    if (hasStaffScope(ctx.caller.grants, community.data)) return community;
    const member = ctx.caller.openid
      ? await ctx.ports.store.get(COLLECTIONS.partyMembers, partyMemberId(input.communityId, ctx.caller.openid))
      : null;
    return member ? ok(community.data) : err('COMMON.FORBIDDEN');
  },
};

export const volunteerFunction = defineFunction(
  volunteerContract,
  {
    me: act(signedIn, volunteerMe),
    // the community's call for volunteers is public; organisersOfCommunity's loader brings its settings (canPost)
    activities: act({ caller: 'anyone', load: organisersOfCommunity.load! }, listActivities),
    activity: act(anActivity, getActivity),
    post: act(organisersOfCommunity, postActivity),
    cancel: act(organiserOf, cancelActivity),
    signUp: act(anActivity, signUp),
    leave: act(anActivity, leaveActivity),
    mine: act(signedIn, myActivities),
    attendanceCode: act(organiserOf, attendanceCode),
    attend: act(anActivity, attend),
    roster: act(organiserOf, roster),
    mark: act(organiserOf, markAttendance),
    confirm: act(organiserOf, confirmActivity),
    myPoints: act(signedIn, myPoints),
    certificate: act(peopleOfCommunity, certificate),
    board: act(aCommunity, publicBoard),
    ledger: act(communityStaff, personLedger),
    correct: act(communityStaff, correctPoints),
    reverse: act(entryStaff, reverseEntry),
    people: act(communityStaff, people),
    settings: act(communityStaff, getSettings),
    saveSettings: act(communityStaff, saveSettings),
    rewards: act(anyone, listRewards),
    saveReward: act(communityStaff, saveReward),
    redeem: act(redeemerOf, redeem),
    myRedemptions: act(signedIn, myRedemptions),
    cancelRedemption: act(redemptionOwner, cancelRedemption),
    handOver: act(communityStaff, handOver),
    partyMembers: act(communityStaff, listPartyMembers),
    addPartyMember: act(communityStaff, addPartyMember),
    scoreMonth: act(communityStaff, scoreMonth),
    award: act(communityStaff, awardParty),
    partyRanking: act(branch, partyRanking),
    lianbaoMap: act(compoundStaff, lianbaoMap),
    assign: act(communityStaff, assignHouseholds),
    unassign: act(communityStaff, unassignHouseholds),
    myHouseholds: act(signedIn, myHouseholds),
    logVisit: act(memberOrStaffOfHousehold, logVisit),
    raiseNeed: act(visitorOf, raiseNeed),
    visits: act(memberOrStaffOfHousehold, householdVisits),
    coverage: act(communityStaff, coverage),
    myPartyMember: act(signedIn, myPartyMember),
    myDoorList: act(signedIn, myDoorList),
    remind: act(systemOnly, remindFollowUps),
  },
  { timer: { action: 'remind', cron: '0 0 * * * * *', everyMs: 3_600_000 }, calendar: true },
);
