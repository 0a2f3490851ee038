import type { BallotDoc, CommentDoc, DelibStatsDoc, MeetingDoc, SupportDoc, TopicDoc, VoteDoc } from '@linli/shared';

/**
 * 议事厅: the collections of the `deliberation` function, spread into COLLECTIONS, INDEXES and
 * Documents (collections.ts, documents.ts).
 */
export const DELIBERATION_COLLECTIONS = {
  /** Topics (议题), id from the proposer's idempotency key; carries its steps and history. */
  delibTopics: 'delib_topics',
  /** 附议: id `${topicId}:${openid}`, so one per person by construction. */
  delibSupports: 'delib_supports',
  /** 意见建议, id from the author's idempotency key. */
  delibComments: 'delib_comments',
  /** Per community: topics and adopted suggestions, kept with inc. */
  delibStats: 'delib_stats',
  /** Meetings, id from the scheduler's key: roll, attendance, the show of hands. */
  delibMeetings: 'delib_meetings',
  /** Household votes, id from the staff member's key. */
  delibVotes: 'delib_votes',
  /** Ballots, id `${voteId}:${householdId}`: one per household by construction. */
  delibBallots: 'delib_ballots',
} as const;

export type DeliberationDocuments = {
  delib_topics: TopicDoc;
  delib_supports: SupportDoc;
  delib_comments: CommentDoc;
  delib_stats: DelibStatsDoc;
  delib_meetings: MeetingDoc;
  delib_votes: VoteDoc;
  delib_ballots: BallotDoc;
};

type DeliberationCollection = (typeof DELIBERATION_COLLECTIONS)[keyof typeof DELIBERATION_COLLECTIONS];
type DeliberationIndex = { collection: DeliberationCollection; name: string; fields: [string, 'asc' | 'desc'][] };

export const DELIBERATION_INDEXES: DeliberationIndex[] = [
  // a community's list, newest first, and one stage of it
  {
    collection: 'delib_topics',
    name: 'delib_topics_community',
    fields: [
      ['communityId', 'asc'],
      ['updatedAt', 'desc'],
    ],
  },
  {
    collection: 'delib_topics',
    name: 'delib_topics_community_stage',
    fields: [
      ['communityId', 'asc'],
      ['stage', 'asc'],
      ['updatedAt', 'desc'],
    ],
  },
  {
    collection: 'delib_comments',
    name: 'delib_comments_topic',
    fields: [
      ['topicId', 'asc'],
      ['createdAt', 'asc'],
    ],
  },
  {
    collection: 'delib_meetings',
    name: 'delib_meetings_topic',
    fields: [
      ['topicId', 'asc'],
      ['startsAt', 'asc'],
    ],
  },
  {
    collection: 'delib_votes',
    name: 'delib_votes_topic',
    fields: [
      ['topicId', 'asc'],
      ['createdAt', 'asc'],
    ],
  },
  // the count: every ballot of a vote, paged by id
  {
    collection: 'delib_ballots',
    name: 'delib_ballots_vote',
    fields: [
      ['voteId', 'asc'],
      ['_id', 'asc'],
    ],
  },
];
