import { hasStaffScope, ok, volunteerContract, type Place } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, placeOf, signedIn, systemOnly, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { cancelActivity } from '../../use-cases/volunteer/cancel-activity';
import { getActivity } from '../../use-cases/volunteer/get-activity';
import { leaveActivity } from '../../use-cases/volunteer/leave-activity';
import { listActivities } from '../../use-cases/volunteer/list-activities';
import { myActivities } from '../../use-cases/volunteer/my-activities';
import { postActivity } from '../../use-cases/volunteer/post-activity';
import { signUp } from '../../use-cases/volunteer/sign-up';
import { attend } from '../../use-cases/volunteer/attend';
import { attendanceCode } from '../../use-cases/volunteer/attendance-code';
import { confirmActivity } from '../../use-cases/volunteer/confirm-activity';
import { markAttendance } from '../../use-cases/volunteer/mark-attendance';
import { roster } from '../../use-cases/volunteer/roster';
import { addPartyMember } from '../../use-cases/volunteer/add-party-member';
import { assignHouseholds } from '../../use-cases/volunteer/assign-households';
import { coverage } from '../../use-cases/volunteer/coverage';
import { householdVisits } from '../../use-cases/volunteer/household-visits';
import { lianbaoMap } from '../../use-cases/volunteer/lianbao-map';
import { listPartyMembers } from '../../use-cases/volunteer/list-party-members';
import { logVisit } from '../../use-cases/volunteer/log-visit';
import { myDoorList } from '../../use-cases/volunteer/my-door-list';
import { myHouseholds } from '../../use-cases/volunteer/my-households';
import { myPartyMember } from '../../use-cases/volunteer/my-party-member';
import { raiseNeed } from '../../use-cases/volunteer/raise-need';
import { remindFollowUps } from '../../use-cases/volunteer/remind-follow-ups';
import { unassignHouseholds } from '../../use-cases/volunteer/unassign-households';
import { expirePoints } from '../../use-cases/volunteer/expire-points';
import { runHourly } from '../../use-cases/volunteer/run-hourly';
import { awardParty } from '../../use-cases/volunteer/award-party';
import { partyRanking } from '../../use-cases/volunteer/party-ranking';
import { scoreMonth } from '../../use-cases/volunteer/score-month';
import { entryStaff } from '../../use-cases/volunteer/points-records';
import { certificate } from '../../use-cases/volunteer/certificate';
import { correctPoints } from '../../use-cases/volunteer/correct-points';
import { getSettings } from '../../use-cases/volunteer/get-settings';
import { myPoints } from '../../use-cases/volunteer/my-points';
import { people } from '../../use-cases/volunteer/people';
import { personLedger } from '../../use-cases/volunteer/person-ledger';
import { publicBoard } from '../../use-cases/volunteer/public-board';
import { reverseEntry } from '../../use-cases/volunteer/reverse-entry';
import { saveSettings } from '../../use-cases/volunteer/save-settings';
import { volunteerMe } from '../../use-cases/volunteer/volunteer-me';
import { redeemerOf, redemptionOwner } from '../../use-cases/volunteer/shop-records';
import { cancelRedemption } from '../../use-cases/volunteer/cancel-redemption';
import { handOver } from '../../use-cases/volunteer/hand-over';
import { listRewards } from '../../use-cases/volunteer/list-rewards';
import { myRedemptions } from '../../use-cases/volunteer/my-redemptions';
import { redeem } from '../../use-cases/volunteer/redeem';
import { saveReward } from '../../use-cases/volunteer/save-reward';
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
/** The branch: its staff, or one of its party members (whose record the loader reads beside the community). */
const branch: Policy<{ communityId: string }, Place & { callerIsMember: boolean }> = {
  load: async (ctx, input) => {
    const [community, member] = await Promise.all([
      placeOf((i: { communityId: string }) => i.communityId, 'community')(ctx, input),
      ctx.caller.openid ? ctx.ports.store.get(COLLECTIONS.partyMembers, partyMemberId(input.communityId, ctx.caller.openid)) : null,
    ]);
    return community.ok ? ok({ ...community.data, callerIsMember: member !== null }) : community;
  },
  allow: (caller, community) => community.callerIsMember || hasStaffScope(caller.grants, community),
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
    expire: act(systemOnly, expirePoints),
    hourly: act(systemOnly, runHourly),
  },
  { timer: { action: 'hourly', cron: '0 0 * * * * *', everyMs: 3_600_000 }, workingDays: true },
);
