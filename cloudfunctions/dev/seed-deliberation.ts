import { ballotId, type Grant, type MeetingDoc, type TopicDoc, type VoteDoc } from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';

/**
 * 议事厅 in the demo street: 中房社区's 党组织书记 张建国 (dev-secretary-zhongfang, also a 两委
 * member), four 居民代表, a party member of 新光社区's branch (for the branch check), and three
 * topics: one gathering support, one whose first three steps are done (街道 must review next), with
 * its meetings, and an open household vote on it; one adopted suggestion.
 */
export const DEMO_DELIB = {
  open: 'seed-topic-open-0001',
  reviewing: 'seed-topic-review-0001',
  committee: 'seed-meeting-committee-01',
  assembly: 'seed-meeting-assembly-01',
  residents: 'seed-meeting-residents-01',
  vote: 'seed-vote-0000000001',
  comment: 'seed-comment-000000001',
  secretary: 'dev-secretary-zhongfang',
  representatives: ['seed-resident-p-zhongjie-3', 'seed-resident-p-hemu-1', 'seed-resident-p-hemu-2', 'seed-resident-p-hemu-3'],
  otherBranchMember: 'seed-resident-p-xinguang-1',
} as const;

export async function seedDeliberation(store: Store, clock: Clock): Promise<void> {
  const now = clock.now();
  const at = now.toISOString();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const community = (await store.get(COLLECTIONS.places, 'c-zhongfang'))!;

  // 居民代表 of 中房社区: a grant of the role model, on the community's roster
  const roster = (await store.get(COLLECTIONS.placeStaff, community._id)) ?? { _id: community._id, members: [] };
  for (const openid of DEMO_DELIB.representatives) {
    const user = (await store.get(COLLECTIONS.users, openid))!;
    const grant: Grant = {
      role: 'representative',
      placeId: community._id,
      placePath: community.path,
      placeName: community.fullName,
      grantedAt: at,
      grantedBy: 'seed',
    };
    await store.put(COLLECTIONS.users, { ...user, grants: [...user.grants, grant] });
    roster.members.push({ openid, name: user.name, role: 'representative' });
  }
  await store.put(COLLECTIONS.placeStaff, roster);

  // a party member of the other branch (新光社区)
  const other = (await store.get(COLLECTIONS.users, DEMO_DELIB.otherBranchMember))!;
  await store.put(COLLECTIONS.partyMembers, {
    _id: `c-xinguang:${other._id}`,
    communityId: 'c-xinguang',
    openid: other._id,
    name: other.name,
    phone: other.phone ?? '',
    cadre: null,
    households: 0,
    createdAt: at,
    updatedAt: at,
  });

  const topic = (over: Partial<TopicDoc> & Pick<TopicDoc, '_id' | 'title' | 'body'>): TopicDoc => ({
    communityId: community._id,
    compoundId: null,
    placeName: community.fullName,
    photos: [],
    origin: { kind: 'resident' },
    proposerOpenid: 'dev-resident-1',
    proposerName: '陈秀英',
    stage: 'open',
    supports: 0,
    comments: 0,
    adopted: 0,
    threshold: 10,
    steps: [],
    history: [],
    noticeIds: [],
    createdAt: ago(10),
    updatedAt: ago(10),
    ...over,
  });
  await store.put(
    COLLECTIONS.delibTopics,
    topic({
      _id: DEMO_DELIB.open,
      compoundId: 'p-zhongjie',
      placeName: '中捷木材小区',
      title: '小区北门加装电动车充电棚',
      body: '北门空地常有电动车在楼道充电，有火灾隐患。建议在北门空地建一个带充电桩的车棚，费用从公共收益里出。',
      supports: 2,
      comments: 1,
      adopted: 1,
      history: [{ at: ago(10), what: '提出议题，征集附议和意见', by: '陈秀英' }],
    }),
  );
  await store.put(COLLECTIONS.delibSupports, {
    _id: `${DEMO_DELIB.open}:seed-resident-p-zhongjie-1`,
    topicId: DEMO_DELIB.open,
    openid: 'seed-resident-p-zhongjie-1',
    at: ago(9),
  });
  await store.put(COLLECTIONS.delibSupports, {
    _id: `${DEMO_DELIB.open}:seed-resident-p-zhongjie-2`,
    topicId: DEMO_DELIB.open,
    openid: 'seed-resident-p-zhongjie-2',
    at: ago(9),
  });
  await store.put(COLLECTIONS.delibComments, {
    _id: DEMO_DELIB.comment,
    topicId: DEMO_DELIB.open,
    communityId: community._id,
    openid: 'seed-resident-p-zhongjie-2',
    name: (await store.get(COLLECTIONS.users, 'seed-resident-p-zhongjie-2'))?.name ?? '居民',
    text: '建议充电桩按时计费，晚上十点后断电，更安全。',
    adopted: true,
    adoptedBy: DEMO_DELIB.secretary,
    adoptedAt: ago(8),
    createdAt: ago(9),
  });

  const meeting = (over: Partial<MeetingDoc> & Pick<MeetingDoc, '_id' | 'type' | 'base' | 'invitees' | 'title'>): MeetingDoc => ({
    topicId: DEMO_DELIB.reviewing,
    communityId: community._id,
    startsAt: ago(5),
    place: '中房社区党群服务中心二楼会议室',
    roll: [],
    rollNames: {},
    expected: 0,
    present: [],
    createdBy: DEMO_DELIB.secretary,
    createdAt: ago(6),
    ...over,
  });
  const members = ['seed-resident-p-zhongjie-1', 'seed-resident-p-zhongjie-2'];
  await store.put(
    COLLECTIONS.delibMeetings,
    meeting({
      _id: DEMO_DELIB.committee,
      type: 'committeeMeeting',
      base: 'members',
      invitees: 'committee',
      title: '两委联席会议',
      roll: [DEMO_DELIB.secretary],
      rollNames: { [DEMO_DELIB.secretary]: '张建国' },
      expected: 1,
      present: [DEMO_DELIB.secretary],
      tally: { yes: 1, no: 0, abstain: 0, passed: true, at: ago(5) },
    }),
  );
  await store.put(
    COLLECTIONS.delibMeetings,
    meeting({
      _id: DEMO_DELIB.assembly,
      type: 'partyAssembly',
      base: 'members',
      invitees: 'partyMembers',
      title: '党员大会',
      roll: members,
      rollNames: Object.fromEntries(members.map((m) => [m, m])),
      expected: 2,
      present: members,
      tally: { yes: 2, no: 0, abstain: 0, passed: true, at: ago(4) },
    }),
  );
  const reps = [...DEMO_DELIB.representatives, DEMO_DELIB.secretary];
  await store.put(
    COLLECTIONS.delibMeetings,
    meeting({
      _id: DEMO_DELIB.residents,
      type: 'residentsMeeting',
      base: 'groupReps',
      invitees: 'representatives',
      title: '居民代表会议',
      startsAt: `${day(3)}T06:00:00.000Z`,
      roll: reps,
      rollNames: Object.fromEntries(reps.map((m) => [m, m])),
      expected: reps.length,
    }),
  );
  const record = (step: TopicDoc['steps'][number]['step'], date: string, minutes: string, meetingId?: string) => ({
    step,
    outcome: 'approved' as const,
    date,
    minutes,
    ...(meetingId ? { meetingId } : {}),
    recordedBy: DEMO_DELIB.secretary,
    recordedByName: '张建国',
    recordedAt: ago(4),
  });
  await store.put(
    COLLECTIONS.delibTopics,
    topic({
      _id: DEMO_DELIB.reviewing,
      title: '社区公共收益用于更换老旧单元门禁',
      body: '中房社区两个小区的单元门禁使用超过十年，经常失灵。提议用去年的公共收益更换为刷卡加人脸的新门禁。',
      origin: { kind: 'staff' },
      proposerOpenid: DEMO_DELIB.secretary,
      proposerName: '张建国',
      stage: 'deciding',
      steps: [
        record('partyProposal', day(-6), '社区党委会研究，提议更换老旧单元门禁，费用从公共收益列支。'),
        record('committeeConsult', day(-5), '两委联席会议商议，同意提交党员大会审议。', DEMO_DELIB.committee),
        record('partyAssembly', day(-4), '党员大会审议，同意报街道党工委审核。', DEMO_DELIB.assembly),
      ],
      history: [
        { at: ago(6), what: '社区提出议题，列入议程', by: '张建国' },
        { at: ago(6), what: '党组织提议：通过', by: '张建国' },
        { at: ago(5), what: '两委商议：通过', by: '张建国' },
        { at: ago(4), what: '党员大会审议：通过', by: '张建国' },
      ],
      updatedAt: ago(4),
    }),
  );
  const vote: VoteDoc = {
    _id: DEMO_DELIB.vote,
    topicId: DEMO_DELIB.reviewing,
    communityId: community._id,
    compoundId: null,
    question: '是否同意用公共收益更换老旧单元门禁？',
    options: ['同意', '不同意', '弃权'],
    opensAt: ago(1),
    closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    closedAt: null,
    secret: true,
    changeable: false,
    households: 144,
    meetingType: 'residentsMeeting',
    createdBy: 'dev-staff-zhongfang',
    createdAt: ago(1),
  };
  await store.put(COLLECTIONS.delibVotes, vote);
  await store.put(COLLECTIONS.delibBallots, {
    _id: ballotId(vote._id, 'p-hemu-b1-u1-201'),
    voteId: vote._id,
    householdId: 'p-hemu-b1-u1-201',
    option: 0,
    source: 'online',
    openid: 'seed-resident-p-hemu-1',
    at: ago(1),
  });
  await store.put(COLLECTIONS.delibStats, { _id: community._id, topics: 2, adopted: 1 });
}
