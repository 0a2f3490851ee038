import type {
  ActivityDoc,
  AssignmentDoc,
  Entry,
  Ledger,
  PartyMemberDoc,
  RedemptionDoc,
  RewardDoc,
  SettingsDoc,
  SignupDoc,
  VisitDoc,
} from '@linli/shared';

/**
 * 志愿积分, 党员积分 and 十户联保: the collections of the `volunteer` function, spread into
 * COLLECTIONS, INDEXES and Documents (collections.ts, documents.ts).
 */
export const VOLUNTEER_COLLECTIONS = {
  /** One per community (id = its id): caps, 十户联保 numbers, team leads, 党员积分 items. */
  volSettings: 'vol_settings',
  /** Activities, id from the organiser's idempotency key. */
  volActivities: 'vol_activities',
  /** One per (activity, person), id `${activityId}:${openid}`: place, line position, attendance. */
  volSignups: 'vol_signups',
  /** The ledger: append-only entries whose ids say what they are about (grant per activity × person …). */
  volEntries: 'vol_entries',
  /**
   * One per (ledger, community, person): the last entry's number and the running balance, written in
   * the same transaction as every entry. It is what a redemption locks; the entries stay the truth
   * (a test folds them and compares).
   */
  volWallets: 'vol_wallets',
  /** One per (community, person, month): what attendance granted, for the caps, in the grant's transaction. */
  volCaps: 'vol_caps',
  volRewards: 'vol_rewards',
  /** Redemptions, id from the resident's idempotency key. */
  volRedemptions: 'vol_redemptions',
  /** id = the redemption's short code, so codes are unique by construction. */
  volCodes: 'vol_codes',
  /** 党员: one per (community, person). */
  partyMembers: 'party_members',
  /** 十户联保: one per household (id = household id), naming its 联户党员. */
  lianbaoAssignments: 'lianbao_assignments',
  /** 走访 records, id from the party member's idempotency key. */
  lianbaoVisits: 'lianbao_visits',
} as const;

/** A wallet: the running projection of one person's entries, locked by a redemption. */
export type WalletDoc = {
  _id: string;
  ledger: Ledger;
  communityId: string;
  openid: string;
  seq: number;
  balance: number;
  updatedAt: string;
};
export type CapDoc = { _id: string; month: number; days: Record<string, number> };
export type RedemptionCodeDoc = { _id: string; redemptionId: string; communityId: string };

export type VolunteerDocuments = {
  vol_settings: SettingsDoc;
  vol_activities: ActivityDoc;
  vol_signups: SignupDoc;
  vol_entries: Entry;
  vol_wallets: WalletDoc;
  vol_caps: CapDoc;
  vol_rewards: RewardDoc;
  vol_redemptions: RedemptionDoc;
  vol_codes: RedemptionCodeDoc;
  party_members: PartyMemberDoc;
  lianbao_assignments: AssignmentDoc;
  lianbao_visits: VisitDoc;
};

type VolunteerCollection = (typeof VOLUNTEER_COLLECTIONS)[keyof typeof VOLUNTEER_COLLECTIONS];
/** IndexSpec (collections.ts) for these collections, declared here without importing it back. */
type VolunteerIndex = { collection: VolunteerCollection; name: string; fields: [string, 'asc' | 'desc'][] };

export const VOLUNTEER_INDEXES: VolunteerIndex[] = [
  // points expiry (the hourly timer): the communities whose points expire, then their wallets page by page
  { collection: 'vol_settings', name: 'vol_settings_expiry_due', fields: [['expiryDueAt', 'asc']] },
  {
    collection: 'vol_wallets',
    name: 'vol_wallets_community',
    fields: [
      ['ledger', 'asc'],
      ['communityId', 'asc'],
      ['_id', 'asc'],
    ],
  },
  {
    collection: 'vol_activities',
    name: 'vol_activities_community_start',
    fields: [
      ['communityId', 'asc'],
      ['startAt', 'desc'],
    ],
  },
  {
    collection: 'vol_signups',
    name: 'vol_signups_line',
    fields: [
      ['activityId', 'asc'],
      ['status', 'asc'],
      ['seq', 'asc'],
    ],
  },
  {
    collection: 'vol_signups',
    name: 'vol_signups_openid_start',
    fields: [
      ['openid', 'asc'],
      ['startAt', 'desc'],
    ],
  },
  // one person's ledger in order, and a community's month (the board, 党员积分)
  {
    collection: 'vol_entries',
    name: 'vol_entries_person',
    fields: [
      ['ledger', 'asc'],
      ['communityId', 'asc'],
      ['openid', 'asc'],
      ['seq', 'asc'],
    ],
  },
  {
    collection: 'vol_entries',
    name: 'vol_entries_month',
    fields: [
      ['ledger', 'asc'],
      ['communityId', 'asc'],
      ['month', 'asc'],
      ['_id', 'asc'],
    ],
  },
  {
    collection: 'vol_entries',
    name: 'vol_entries_openid',
    fields: [
      ['openid', 'asc'],
      ['at', 'desc'],
    ],
  },
  {
    collection: 'vol_rewards',
    name: 'vol_rewards_community',
    fields: [
      ['communityId', 'asc'],
      ['price', 'asc'],
    ],
  },
  {
    collection: 'vol_redemptions',
    name: 'vol_redemptions_openid',
    fields: [
      ['openid', 'asc'],
      ['createdAt', 'desc'],
    ],
  },
  {
    collection: 'party_members',
    name: 'party_members_community',
    fields: [
      ['communityId', 'asc'],
      ['name', 'asc'],
    ],
  },
  { collection: 'party_members', name: 'party_members_openid', fields: [['openid', 'asc']] },
  {
    collection: 'lianbao_assignments',
    name: 'lianbao_assignments_member',
    fields: [
      ['partyMemberOpenid', 'asc'],
      ['sortKey', 'asc'],
    ],
  },
  {
    collection: 'lianbao_assignments',
    name: 'lianbao_assignments_compound',
    fields: [
      ['compoundId', 'asc'],
      ['sortKey', 'asc'],
    ],
  },
  {
    collection: 'lianbao_assignments',
    name: 'lianbao_assignments_community',
    fields: [
      ['communityId', 'asc'],
      ['sortKey', 'asc'],
    ],
  },
  {
    collection: 'lianbao_visits',
    name: 'lianbao_visits_household',
    fields: [
      ['householdId', 'asc'],
      ['date', 'desc'],
    ],
  },
  {
    collection: 'lianbao_visits',
    name: 'lianbao_visits_member',
    fields: [
      ['partyMemberOpenid', 'asc'],
      ['date', 'desc'],
    ],
  },
  {
    collection: 'lianbao_visits',
    name: 'lianbao_visits_follow_up',
    fields: [
      ['reminded', 'asc'],
      ['followUpOn', 'asc'],
    ],
  },
];
