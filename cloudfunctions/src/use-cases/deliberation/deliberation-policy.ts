import {
  err,
  hasStaffScope,
  ok,
  shanghaiDate,
  type CommunityNumbers,
  type Binding,
  type CommentDoc,
  type MeetingDoc,
  type Place,
  type Result,
  type Standing,
  type TopicDoc,
  type VoteDoc,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';
import type { Ctx } from '../../platform/context';
import { findPlace, type Loader, type Policy, type Rule } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { readCommunityNumbers } from '../settings/read-settings';
import { partyMemberId } from '../volunteer/volunteer-policy';

/**
 * Who a caller is in a community's 议事厅, from their grants (党组织书记, 两委委员, 代表, staff) and
 * the branch's roll (党员, read once by the loaders: a loader sees the caller's openid, never their
 * grants). The step rules (shared) decide from it.
 */
export function standingsOf(caller: Caller, loaded: LoadedCommunity): Standing[] {
  if (!caller.openid) return [];
  const { community } = loaded;
  const out: Standing[] = [];
  for (const role of ['partySecretary', 'committeeMember', 'representative'] as const)
    if (caller.grants.some((g) => g.role === role && g.placeId === community._id)) out.push(role);
  if (loaded.partyMember) out.push('partyMember');
  if (hasStaffScope(caller.grants, community, ['communityStaff'])) out.push('communityStaff');
  if (hasStaffScope(caller.grants, community, ['streetStaff'])) out.push('streetStaff');
  return out;
}

/** Whether the caller is on the community's party roll (the read a loader may make). */
async function onPartyRoll(ctx: Ctx, community: Pick<Place, '_id'>): Promise<boolean> {
  const openid = ctx.caller.openid;
  return openid ? (await ctx.ports.store.get(COLLECTIONS.partyMembers, partyMemberId(community._id, openid))) !== null : false;
}

/** The caller's standings in a community, for a use case that found the community itself. */
export async function standingsIn(ctx: Ctx, community: Place): Promise<Standing[]> {
  return standingsOf(ctx.caller, { community, partyMember: await onPartyRoll(ctx, community) });
}

/** Staff covering the community, or its 党组织书记 or a 两委 member: who run its meetings and votes. */
export const isOfficer = (caller: Caller, community: Pick<Place, '_id' | 'path'>) =>
  hasStaffScope(caller.grants, community) ||
  caller.grants.some((g) => (g.role === 'partySecretary' || g.role === 'committeeMember') && g.placeId === community._id);

export type LoadedCommunity = { community: Place; partyMember: boolean };
export type LoadedTopic = LoadedCommunity & { topic: TopicDoc };
export type LoadedMeeting = LoadedTopic & { meeting: MeetingDoc };
export type LoadedVote = LoadedTopic & { vote: VoteDoc };

/** The community's numbers in force today (附议 threshold, 社区 or 村), from the district's rule settings. */
export const numbersOf = (ctx: Ctx, community: Place): Promise<CommunityNumbers> =>
  readCommunityNumbers(ctx.ports.store, community, shanghaiDate(ctx.ports.clock.now()));

/** 附议 that put a topic on the agenda: the community's setting in force today. */
export const supportThreshold = async (ctx: Ctx, community: Place): Promise<number> =>
  (await numbersOf(ctx, community)).yishitingSupportThreshold;

async function loadTopic(ctx: Ctx, topicId: string): Promise<Result<LoadedTopic>> {
  const topic = await ctx.ports.store.get(COLLECTIONS.delibTopics, topicId);
  if (!topic) return err('DELIB.TOPIC_NOT_FOUND');
  const community = await findPlace(ctx, topic.communityId, 'community');
  if (!community.ok) return community;
  return ok({ topic, community: community.data, partyMember: await onPartyRoll(ctx, community.data) });
}

export const topicOf: Loader<{ topicId: string }, LoadedTopic> = (ctx, input) => loadTopic(ctx, input.topicId);

export const meetingOf: Loader<{ meetingId: string }, LoadedMeeting> = async (ctx, input) => {
  const meeting = await ctx.ports.store.get(COLLECTIONS.delibMeetings, input.meetingId);
  if (!meeting) return err('DELIB.MEETING_NOT_FOUND');
  const loaded = await loadTopic(ctx, meeting.topicId);
  return loaded.ok ? ok({ ...loaded.data, meeting }) : loaded;
};

export const voteOf: Loader<{ voteId: string }, LoadedVote> = async (ctx, input) => {
  const vote = await ctx.ports.store.get(COLLECTIONS.delibVotes, input.voteId);
  if (!vote) return err('DELIB.VOTE_NOT_FOUND');
  const loaded = await loadTopic(ctx, vote.topicId);
  return loaded.ok ? ok({ ...loaded.data, vote }) : loaded;
};

export type LoadedComment = { comment: CommentDoc; community: Place };
const commentOf: Loader<{ commentId: string }, LoadedComment> = async (ctx, input) => {
  const comment = await ctx.ports.store.get(COLLECTIONS.delibComments, input.commentId);
  if (!comment) return err('DELIB.COMMENT_NOT_FOUND');
  const community = await findPlace(ctx, comment.communityId, 'community');
  return community.ok ? ok({ comment, community: community.data }) : community;
};
/** 采纳: an officer of the comment's community. */
export const officerOfComment: Policy<{ commentId: string }, LoadedComment> = {
  load: commentOf,
  allow: (caller, loaded) => isOfficer(caller, loaded.community),
};

export const communityOf: Loader<{ communityId: string }, LoadedCommunity> = async (ctx, input) => {
  const community = await findPlace(ctx, input.communityId, 'community');
  if (!community.ok) return community;
  return ok({ community: community.data, partyMember: await onPartyRoll(ctx, community.data) });
};

const officerRule: Rule<unknown, LoadedCommunity> = (caller, loaded) => isOfficer(caller, loaded.community);

/** Public reads: anyone may read a community's topics, a topic and its votes' results. */
export const publicTopic: Policy<{ topicId: string }, LoadedTopic> = { caller: 'anyone', load: topicOf };
export const publicVote: Policy<{ voteId: string }, LoadedVote> = { caller: 'anyone', load: voteOf };
export const publicCommunity: Policy<{ communityId: string }, LoadedCommunity> = { caller: 'anyone', load: communityOf };

/** A signed-in person acting on a topic; the use case checks their binding (a read it needs anyway). */
export const onTopic: Policy<{ topicId: string }, LoadedTopic> = { load: topicOf };
export const onVote: Policy<{ voteId: string }, LoadedVote> = { load: voteOf };
export const onMeeting: Policy<{ meetingId: string }, LoadedMeeting> = { load: meetingOf };

export const officerOfTopic: Policy<{ topicId: string }, LoadedTopic> = { load: topicOf, allow: officerRule };
export const officerOfMeeting: Policy<{ meetingId: string }, LoadedMeeting> = { load: meetingOf, allow: officerRule };
export const officerOfVote: Policy<{ voteId: string }, LoadedVote> = { load: voteOf, allow: officerRule };
export const officerOfCommunity: Policy<{ communityId: string }, LoadedCommunity> = { load: communityOf, allow: officerRule };

/** Anyone with some standing in the topic's community may try a step; the step rule says which (DELIB.STEP_ROLE). */
export const recorderOfTopic: Policy<{ topicId: string }, LoadedTopic> = {
  load: topicOf,
  allow: (caller, loaded) => standingsOf(caller, loaded).some((s) => s !== 'representative'),
};

/** The caller's approved binding in this community (and compound, when given), or why not. */
export async function residentBinding(ctx: Ctx, communityId: string, compoundId?: string | null): Promise<Result<Binding>> {
  const openid = ctx.caller.openid;
  const binding = openid ? await ctx.ports.store.get(COLLECTIONS.bindings, openid) : null;
  if (!binding || binding.status !== 'approved' || binding.communityId !== communityId) return err('DELIB.NOT_RESIDENT');
  if (compoundId && binding.compoundId !== compoundId) return err('DELIB.NOT_IN_SCOPE');
  return ok(binding);
}

/** The name a person signs with in the 议事厅: their user name, else their binding's. */
export const callerName = (ctx: Ctx, binding?: Binding | null) => ctx.caller.user?.name ?? binding?.name ?? '居民';

/** Officers of a meeting's community see the roll; residents see the counts only. */
export const seesRoll = (caller: Caller, loaded: LoadedCommunity) => isOfficer(caller, loaded.community);

export type { MeetingDoc };
