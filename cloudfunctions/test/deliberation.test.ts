import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '@linli/shared';
import { DEMO_DELIB } from '../dev/seed-deliberation';
import { seedResident } from '../dev/seed-resident';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';

const SECRETARY = DEMO_DELIB.secretary;
const STAFF = WHO.staffInScope;
const STREET = WHO.street;
const PARTY_MEMBER = 'seed-resident-p-zhongjie-1';
const OTHER_BRANCH = DEMO_DELIB.otherBranchMember;

/** `n` more residents bound to households of 中捷木材小区 (b2, b3: the seed's own are in b1), one per household. */
async function neighbours(app: Awaited<ReturnType<typeof createTestApp>>, n: number, prefix = 'nb') {
  const out: { openid: string; householdId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const b = 2 + Math.floor(i / 24);
    const u = 1 + (Math.floor(i / 12) % 2);
    const k = i % 12;
    const householdId = `p-zhongjie-b${b}-u${u}-${1 + Math.floor(k / 2)}0${1 + (k % 2)}`;
    const openid = `${prefix}-${i}`;
    await seedResident(
      app.ports.store,
      { openid, name: `邻居${i}`, phone: `1390000${String(i).padStart(4, '0')}`, householdId },
      '2026-11-20T02:00:00.000Z',
    );
    out.push({ openid, householdId });
  }
  return out;
}

const propose = (title = '小区南门加装雨棚') => ({
  key: `topic-${title.length}-${Math.random().toString(36).slice(2, 10)}`,
  scope: 'compound' as const,
  title,
  body: '南门进出的老人下雨天容易滑倒，建议加装雨棚和防滑地垫。',
});

const stepInput = (topicId: string, step: string, extra: Record<string, unknown> = {}) => ({
  topicId,
  step,
  outcome: 'approved',
  date: '2026-11-20',
  minutes: `${step} 会议记录：经讨论一致同意。`,
  ...extra,
});

describe('topics', () => {
  it('a bound resident proposes; neighbours support it once each; the support that reaches the threshold puts it on the agenda', async () => {
    const app = await createTestApp();
    const topic = data(await app.call('deliberation', 'propose', propose(), WHO.resident));
    expect(topic).toMatchObject({ stage: 'open', placeName: expect.stringContaining('中捷木材小区'), supports: 0, threshold: 10 });
    const people = await neighbours(app, 10);
    for (const [i, p] of people.slice(0, 9).entries()) {
      const r = data(await app.call('deliberation', 'support', { topicId: topic.id }, p.openid));
      expect(r).toEqual({ supports: i + 1, stage: 'open' });
    }
    expect(code(await app.call('deliberation', 'support', { topicId: topic.id }, people[0]!.openid))).toBe('DELIB.ALREADY_SUPPORTED');
    expect(data(await app.call('deliberation', 'support', { topicId: topic.id }, people[9]!.openid))).toEqual({
      supports: 10,
      stage: 'agenda',
    });
    const after = data(await app.call('deliberation', 'get', { topicId: topic.id }, null));
    expect(after.history.map((h: { what: string }) => h.what)).toContain('附议达到 10 人，自动列入社区议程');
    const list = data(await app.call('deliberation', 'list', { communityId: 'c-zhongfang', stage: 'agenda' }, null));
    expect(list.topics.map((t: { id: string }) => t.id)).toContain(topic.id);
  });

  it('two supports at once count two; the same person twice at once counts one', async () => {
    const app = await createTestApp();
    const topic = data(await app.call('deliberation', 'propose', propose(), WHO.resident));
    const [a, b] = await neighbours(app, 2);
    const results = await Promise.all([
      app.call('deliberation', 'support', { topicId: topic.id }, a!.openid),
      app.call('deliberation', 'support', { topicId: topic.id }, b!.openid),
      app.call('deliberation', 'support', { topicId: topic.id }, a!.openid),
    ]);
    expect(results.map(code).sort()).toEqual(['DELIB.ALREADY_SUPPORTED', 'OK', 'OK']);
    expect(data(await app.call('deliberation', 'get', { topicId: topic.id }, null)).supports).toBe(2);
  });

  it('refuses a resident of nowhere, and text the content check refuses, writing nothing', async () => {
    const app = await createTestApp();
    expect(code(await app.call('deliberation', 'propose', propose(), WHO.newcomer))).toBe('DELIB.NOT_RESIDENT');
    const bad = await app.call(
      'deliberation',
      'propose',
      { ...propose(), body: '这里有违禁词：赌博网站，快来参与，稳赚不赔。' },
      WHO.resident,
    );
    expect(code(bad)).toBe('DELIB.CONTENT_REJECTED');
    expect(await app.ports.store.count(COLLECTIONS.delibTopics, { communityId: 'c-zhongfang' })).toBe(2);
    // a resident of 新光社区 cannot support 中房社区's topic
    expect(code(await app.call('deliberation', 'support', { topicId: DEMO_DELIB.open }, WHO.resident.replace('1', '2')))).toBe(
      'DELIB.NOT_RESIDENT',
    );
  });

  it('comments in one thread; an officer adopts a suggestion once, counted for the community', async () => {
    const app = await createTestApp();
    const before = data(await app.call('deliberation', 'list', { communityId: 'c-zhongfang' }, null)).adopted;
    const c = data(
      await app.call(
        'deliberation',
        'comment',
        { key: 'comment-key-0001', topicId: DEMO_DELIB.open, text: '建议车棚加装监控。' },
        WHO.resident,
      ),
    );
    const again = data(
      await app.call(
        'deliberation',
        'comment',
        { key: 'comment-key-0001', topicId: DEMO_DELIB.open, text: '建议车棚加装监控。' },
        WHO.resident,
      ),
    );
    expect(again.id).toBe(c.id);
    await Promise.all([
      app.call('deliberation', 'adopt', { commentId: c.id }, STAFF),
      app.call('deliberation', 'adopt', { commentId: c.id }, SECRETARY),
    ]);
    const list = data(await app.call('deliberation', 'list', { communityId: 'c-zhongfang' }, null));
    expect(list.adopted).toBe(before + 1);
    const thread = data(await app.call('deliberation', 'comments', { topicId: DEMO_DELIB.open }, null)).comments;
    expect(thread.filter((x: { id: string }) => x.id === c.id)).toEqual([expect.objectContaining({ adopted: true })]);
    expect(code(await app.call('deliberation', 'adopt', { commentId: c.id }, WHO.resident))).toBe('COMMON.FORBIDDEN');
  });

  it('staff open a topic from 大事 requests, which then link to it; a request not triaged 大事 is refused', async () => {
    const app = await createTestApp();
    const submit = async (key: string, description: string) =>
      data(
        await app.call(
          'requests',
          'submit',
          { key, compoundId: 'p-zhongjie', category: 'environment', description, location: { kind: 'spot', text: '小区北门' } },
          WHO.resident,
        ),
      ).request.id as string;
    const ids = [
      await submit('major-req-key-01', '北门外道路积水严重，需要市政改造'),
      await submit('major-req-key-02', '北门外路面塌陷，雨后积水没过脚踝'),
    ];
    const minor = await submit('minor-req-key-01', '3号楼门口垃圾桶满了没人清');
    for (const id of ids) {
      data(await app.call('requests', 'accept', { requestId: id }, WHO.pointLeader));
      data(await app.call('requests', 'triage', { requestId: id, track: 'major', handlerOpenid: STREET }, STAFF));
    }
    data(await app.call('requests', 'accept', { requestId: minor }, WHO.pointLeader));
    const open = (key: string, requestIds: string[]) =>
      app.call(
        'deliberation',
        'open',
        { key, communityId: 'c-zhongfang', title: '北门外道路改造', body: '几件诉求都反映北门外道路积水，合成一个议题来议。', requestIds },
        STAFF,
      );
    expect(code(await open('open-key-0002', [...ids, minor]))).toBe('DELIB.REQUEST_NOT_MAJOR');
    expect(await app.ports.store.count(COLLECTIONS.delibTopics, { communityId: 'c-zhongfang' })).toBe(2);
    const topic = data(await open('open-key-0001', ids));
    expect(topic).toMatchObject({ stage: 'agenda', fromRequests: ids, nextStep: 'partyProposal' });
    for (const id of ids) expect(data(await app.call('requests', 'get', { requestId: id }, WHO.resident)).topicId).toBe(topic.id);
  });
});

describe('四议一审两公开 through the real dispatch', () => {
  it('takes a topic through the seven steps in order, each by its standing, with quorum enforced and the 公开 in the 阳光三务 archive', async () => {
    const app = await createTestApp();
    const call = app.call;
    const topic = data(
      await call(
        'deliberation',
        'open',
        {
          key: 'story-topic-01',
          communityId: 'c-zhongfang',
          title: '更换中捷木材小区路灯',
          body: '小区路灯老化，晚上很暗，议一议用公共收益更换。',
        },
        STAFF,
      ),
    );
    const id = topic.id;

    // out of order, and the wrong standing
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'committeeConsult'), SECRETARY))).toBe('DELIB.STEP_OUT_OF_ORDER');
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'partyProposal'), STAFF))).toBe('DELIB.STEP_ROLE');
    data(await call('deliberation', 'recordStep', stepInput(id, 'partyProposal'), SECRETARY));

    // 两委商议: needs its meeting, and the meeting's hands
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'committeeConsult'), SECRETARY))).toBe('DELIB.STEP_NEEDS_MEETING');
    const committee = data(
      await call(
        'deliberation',
        'scheduleMeeting',
        {
          key: 'story-meet-committee',
          topicId: id,
          type: 'committeeMeeting',
          base: 'members',
          title: '两委联席会议',
          startsAt: '2026-11-20T06:00:00.000Z',
          place: '社区会议室',
        },
        SECRETARY,
      ),
    );
    expect(committee.roll.map((r: { id: string }) => r.id)).toEqual([SECRETARY]);
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'committeeConsult', { meetingId: committee.id }), SECRETARY))).toBe(
      'DELIB.STEP_NEEDS_DECISION',
    );
    data(await call('deliberation', 'checkIn', { meetingId: committee.id }, SECRETARY));
    data(await call('deliberation', 'tally', { meetingId: committee.id, yes: 1, no: 0, abstain: 0 }, SECRETARY));
    data(await call('deliberation', 'recordStep', stepInput(id, 'committeeConsult', { meetingId: committee.id }), SECRETARY));

    // 党员大会: the branch's party members are called (and told through the outbox); one of another branch cannot record
    const assembly = data(
      await call(
        'deliberation',
        'scheduleMeeting',
        {
          key: 'story-meet-assembly',
          topicId: id,
          type: 'partyAssembly',
          base: 'members',
          title: '党员大会',
          startsAt: '2026-11-20T07:00:00.000Z',
          place: '社区会议室',
        },
        SECRETARY,
      ),
    );
    expect(assembly.notified).toBe(2);
    expect(await app.ports.store.count(COLLECTIONS.messages, { toOpenid: PARTY_MEMBER })).toBeGreaterThan(0);
    data(
      await call(
        'deliberation',
        'markAttendance',
        { meetingId: assembly.id, ids: assembly.roll.map((r: { id: string }) => r.id) },
        SECRETARY,
      ),
    );
    data(await call('deliberation', 'tally', { meetingId: assembly.id, yes: 2, no: 0, abstain: 0 }, SECRETARY));
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'partyAssembly', { meetingId: assembly.id }), OTHER_BRANCH))).toBe(
      'COMMON.FORBIDDEN',
    );
    const afterAssembly = data(
      await call('deliberation', 'recordStep', stepInput(id, 'partyAssembly', { meetingId: assembly.id }), PARTY_MEMBER),
    );
    expect(afterAssembly.steps[2].attendance).toMatchObject({ expected: 2, present: 2, source: expect.stringContaining('支部工作条例') });

    // 街道审核: street staff only
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'streetReview'), SECRETARY))).toBe('DELIB.STEP_ROLE');
    data(await call('deliberation', 'recordStep', stepInput(id, 'streetReview'), STREET));

    // 居民代表会议: lacks quorum first (2 of 5), the vote is refused with the law; a third arrives, it passes
    const reps = data(
      await call(
        'deliberation',
        'scheduleMeeting',
        {
          key: 'story-meet-reps',
          topicId: id,
          type: 'residentsMeeting',
          base: 'groupReps',
          title: '居民代表会议',
          startsAt: '2026-11-20T08:00:00.000Z',
          place: '社区会议室',
        },
        STAFF,
      ),
    );
    expect(reps.quorum).toMatchObject({ expected: 5, needed: 3, met: false });
    const roll = reps.roll.map((r: { id: string }) => r.id);
    data(await call('deliberation', 'markAttendance', { meetingId: reps.id, ids: roll.slice(0, 2) }, STAFF));
    const short = await call('deliberation', 'tally', { meetingId: reps.id, yes: 2, no: 0, abstain: 0 }, STAFF);
    expect(code(short)).toBe('DELIB.NO_QUORUM');
    expect(short.ok ? null : short.error.details).toEqual({
      expected: 5,
      present: 2,
      needed: 3,
      source: expect.stringContaining('城市居民委员会组织法'),
    });
    // a representative scans in
    expect(data(await call('deliberation', 'checkIn', { meetingId: reps.id }, roll[2]))).toEqual({ present: 3, needed: 3 });
    expect(code(await call('deliberation', 'tally', { meetingId: reps.id, yes: 3, no: 1, abstain: 0 }, STAFF))).toBe('DELIB.TALLY_INVALID');
    data(await call('deliberation', 'tally', { meetingId: reps.id, yes: 3, no: 0, abstain: 0 }, STAFF));
    const resolved = data(await call('deliberation', 'recordStep', stepInput(id, 'residentsResolution', { meetingId: reps.id }), STAFF));
    expect(resolved.steps[4]).toMatchObject({ outcome: 'approved', attendance: { expected: 5, present: 3, needed: 3 } });

    // 两公开: 阳光三务 notices of type 村务, in the archive, linked from the topic
    const published = data(
      await call(
        'deliberation',
        'recordStep',
        stepInput(id, 'publishResolution', { minutes: '决议：更换小区路灯 40 盏，费用从公共收益列支。' }),
        STAFF,
      ),
    );
    expect(published.stage).toBe('decided');
    const done = data(
      await call(
        'deliberation',
        'recordStep',
        stepInput(id, 'publishImplementation', { minutes: '已完成更换 40 盏路灯，验收合格。', spent: 18600 }),
        STAFF,
      ),
    );
    expect(done).toMatchObject({ stage: 'carriedOut', nextStep: null });
    expect(done.noticeIds).toHaveLength(2);
    const archive = data(await call('notices', 'archive', { communityId: 'c-zhongfang', type: 'affairs' }, null));
    const titles = archive.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['决议公开：更换中捷木材小区路灯', '实施结果公开：更换中捷木材小区路灯']));
    const implementation = data(await call('notices', 'archiveNotice', { noticeId: done.noticeIds[1] }, null));
    expect(implementation.notice.body).toContain('支出金额：18600.00 元');
    // a retry of the last step answers the topic as it is; another record after the seventh is refused
    expect(data(await call('deliberation', 'recordStep', stepInput(id, 'publishImplementation'), STAFF)).noticeIds).toHaveLength(2);
    expect(code(await call('deliberation', 'recordStep', stepInput(id, 'publishImplementation', { date: '2026-11-21' }), STAFF))).toBe(
      'DELIB.STEP_OUT_OF_ORDER',
    );
  });

  it('a refused step ends the topic with its reason, public', async () => {
    const app = await createTestApp();
    const refused = data(
      await app.call(
        'deliberation',
        'recordStep',
        stepInput(DEMO_DELIB.reviewing, 'streetReview', { outcome: 'refused', reason: '资金来源不符合规定，请重新论证。' }),
        STREET,
      ),
    );
    expect(refused).toMatchObject({ stage: 'refused', refusedReason: expect.stringContaining('资金来源不符合规定'), nextStep: null });
    const seen = data(await app.call('deliberation', 'get', { topicId: DEMO_DELIB.reviewing }, null));
    expect(seen.refusedReason).toContain('资金来源不符合规定');
    expect(code(await app.call('deliberation', 'recordStep', stepInput(DEMO_DELIB.reviewing, 'residentsResolution'), STAFF))).toBe(
      'DELIB.TOPIC_CLOSED',
    );
  });

  it('two street cadres recording the same step at once record it once', async () => {
    const app = await createTestApp();
    const other = 'dev-street-2';
    const street = (await app.ports.store.get(COLLECTIONS.users, STREET))!;
    await app.ports.store.put(COLLECTIONS.users, { ...street, _id: other, name: '第二位' });
    const results = await Promise.all([
      app.call('deliberation', 'recordStep', stepInput(DEMO_DELIB.reviewing, 'streetReview'), STREET),
      app.call('deliberation', 'recordStep', stepInput(DEMO_DELIB.reviewing, 'streetReview'), other),
    ]);
    expect(results.map(code).sort()).toEqual(['DELIB.STEP_OUT_OF_ORDER', 'OK']);
    const t = await app.ports.store.get(COLLECTIONS.delibTopics, DEMO_DELIB.reviewing);
    expect(t!.steps.filter((s) => s.step === 'streetReview')).toHaveLength(1);
  });
});

describe('household votes', () => {
  async function compoundVote(changeable = false) {
    const app = await createTestApp();
    const topic = data(
      await app.call(
        'deliberation',
        'open',
        {
          key: 'vote-topic-0001',
          communityId: 'c-zhongfang',
          compoundId: 'p-zhongjie',
          title: '中捷木材小区公共收益使用',
          body: '今年停车费收益怎么用，请每户投票决定。',
        },
        STAFF,
      ),
    );
    const vote = data(
      await app.call(
        'deliberation',
        'openVote',
        {
          key: 'vote-key-00001',
          topicId: topic.id,
          question: '收益用于更换路灯？',
          options: ['同意', '不同意'],
          closesAt: '2026-11-27T02:00:00.000Z',
          changeable,
        },
        STAFF,
      ),
    );
    return { app, topic, vote };
  }

  it('one vote per household: two members at once make one ballot; the first counts unless changes are allowed', async () => {
    const { app, vote } = await compoundVote();
    expect(vote.households).toBe(72);
    // a second member of 陈秀英's household
    await seedResident(
      app.ports.store,
      { openid: 'chen-son', name: '陈小明', phone: '13900009999', householdId: 'p-zhongjie-b1-u1-101' },
      '2026-11-20T02:00:00.000Z',
    );
    const both = await Promise.all([
      app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, WHO.resident),
      app.call('deliberation', 'cast', { voteId: vote.id, option: 1 }, 'chen-son'),
    ]);
    expect(both.map(code).sort()).toEqual(['DELIB.ALREADY_VOTED', 'OK']);
    const seen = data(await app.call('deliberation', 'vote', { voteId: vote.id }, WHO.resident));
    expect(seen.result.ballots).toBe(1);
    expect(seen.mine).not.toBeNull();
    expect(seen.ballots).toBeNull(); // secret
  });

  it('changeable votes change the household ballot, never add one', async () => {
    const { app, vote } = await compoundVote(true);
    data(await app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, WHO.resident));
    const changed = data(await app.call('deliberation', 'cast', { voteId: vote.id, option: 1 }, WHO.resident));
    expect(changed.result).toMatchObject({ ballots: 1, counts: [0, 1] });
  });

  it('a paper ballot and an online vote for the same household at once make one ballot; staff are recorded on paper', async () => {
    const { app, vote } = await compoundVote(true);
    const [online, paper] = await Promise.all([
      app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, WHO.resident),
      app.call(
        'deliberation',
        'paperBallot',
        { voteId: vote.id, householdId: 'p-zhongjie-b1-u1-101', option: 1, voterName: '陈秀英' },
        STAFF,
      ),
    ]);
    expect([online, paper].filter((r) => r.ok)).toHaveLength(1);
    const ballots = await app.ports.store.find(COLLECTIONS.delibBallots, {
      where: { voteId: vote.id },
      orderBy: [['_id', 'asc']],
      limit: 10,
    });
    expect(ballots).toHaveLength(1);
    if (ballots[0]!.source === 'paper') expect(ballots[0]).toMatchObject({ enteredBy: '王丽', voterName: '陈秀英' });
    // and an online change after paper is refused: paper is what a staff member signed for
    if (ballots[0]!.source === 'paper') expect(code(online)).toBe('DELIB.ALREADY_VOTED');
    expect(
      code(
        await app.call(
          'deliberation',
          'paperBallot',
          { voteId: vote.id, householdId: 'p-zhongjie-b1-u1-101', option: 0, voterName: '陈秀英' },
          STAFF,
        ),
      ),
    ).toBe('DELIB.ALREADY_VOTED');
  });

  it('a resident of another community or compound cannot vote; closed votes take no ballots', async () => {
    const { app, vote } = await compoundVote();
    expect(code(await app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, 'dev-resident-2'))).toBe('DELIB.NOT_RESIDENT');
    expect(code(await app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, 'seed-resident-p-hemu-1'))).toBe(
      'DELIB.NOT_IN_SCOPE',
    );
    expect(
      code(
        await app.call(
          'deliberation',
          'paperBallot',
          { voteId: vote.id, householdId: 'p-hemu-b1-u1-101', option: 0, voterName: '某某' },
          STAFF,
        ),
      ),
    ).toBe('DELIB.NOT_IN_SCOPE');
    data(await app.call('deliberation', 'closeVote', { voteId: vote.id }, STAFF));
    expect(code(await app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, WHO.resident))).toBe('DELIB.VOTE_CLOSED');
  });

  it('the result is computed from the ballots: turnout against the households, then more than half; it decides the resolution', async () => {
    const { app, topic, vote } = await compoundVote();
    const people = await neighbours(app, 36);
    for (const p of people.slice(0, 30)) data(await app.call('deliberation', 'cast', { voteId: vote.id, option: 0 }, p.openid));
    for (const p of people.slice(30)) data(await app.call('deliberation', 'cast', { voteId: vote.id, option: 1 }, p.openid));
    // 36 of 72 households: not more than half
    let v = data(await app.call('deliberation', 'vote', { voteId: vote.id }, null));
    expect(v.result).toMatchObject({ ballots: 36, turnout: { needed: 37, met: false }, passed: false });
    data(
      await app.call(
        'deliberation',
        'paperBallot',
        { voteId: vote.id, householdId: 'p-zhongjie-b3-u2-601', option: 0, voterName: '王大爷' },
        STAFF,
      ),
    );
    v = data(await app.call('deliberation', 'closeVote', { voteId: vote.id }, STAFF));
    expect(v.result).toMatchObject({ ballots: 37, paper: 1, online: 36, counts: [31, 6], turnout: { met: true }, winner: 0, passed: true });

    // the resolution step takes the vote's outcome
    const id = topic.id;
    await app.ports.store.update(COLLECTIONS.delibTopics, id, {
      set: {
        stage: 'deciding',
        steps: ['partyProposal', 'committeeConsult', 'partyAssembly', 'streetReview'].map((step) => ({
          step,
          outcome: 'approved',
          date: '2026-11-20',
          minutes: '记录',
          recordedBy: SECRETARY,
          recordedByName: '张建国',
          recordedAt: '2026-11-20T02:00:00.000Z',
        })),
      },
    });
    const resolved = data(await app.call('deliberation', 'recordStep', stepInput(id, 'residentsResolution', { voteId: vote.id }), STAFF));
    expect(resolved.steps[4]).toMatchObject({
      outcome: 'approved',
      voteId: vote.id,
      attendance: { expected: 72, present: 37, needed: 37 },
    });
  });
});

describe('社区 or 村: the community kind and the 附议 threshold come from the rule settings', () => {
  it('a 村 holds 村民（代表）会议 only; a 居民会议 there is DELIB.WRONG_LAW, and the threshold is the setting', async () => {
    const app = await createTestApp();
    const settings = structuredClone(DEFAULT_RULE_SETTINGS);
    settings.communities['c-zhongfang'] = { communityKind: 'village', yishitingSupportThreshold: 3 };
    data(await app.call('settings', 'save', { districtId: 'd-dadong', effectiveFrom: '2026-11-20', settings }, WHO.admin));

    const proposed = data(await app.call('deliberation', 'propose', propose(), WHO.resident));
    expect(proposed).toMatchObject({ threshold: 3, communityKind: 'village' });
    const topic = data(
      await app.call(
        'deliberation',
        'open',
        { key: 'law-topic-01', communityId: 'c-zhongfang', title: '村道硬化', body: '村东头土路雨天泥泞，议一议硬化。' },
        STAFF,
      ),
    );
    // every answer carries the kind the app offers meetings by: get (anyone), open, and the step record
    expect(topic.communityKind).toBe('village');
    expect(data(await app.call('deliberation', 'get', { topicId: topic.id }, null)).communityKind).toBe('village');
    const meeting = (key: string, type: string, base: string) => ({
      key,
      topicId: topic.id,
      type,
      base,
      title: '会议',
      startsAt: '2026-11-21T06:00:00.000Z',
      place: '村委会',
    });
    const wrong = await app.call('deliberation', 'scheduleMeeting', meeting('law-meet-01', 'residentsMeeting', 'households'), STAFF);
    expect(code(wrong)).toBe('DELIB.WRONG_LAW');
    expect(wrong.ok ? null : wrong.error.details).toEqual({ kind: 'village', meetingType: 'residentsMeeting' });
    expect(await app.ports.store.get(COLLECTIONS.delibMeetings, 'law-meet-01')).toBeNull();
    data(await app.call('deliberation', 'scheduleMeeting', meeting('law-meet-02', 'villagersRepMeeting', 'members'), STAFF));
    // party and 两委 meetings belong to neither law
    data(await app.call('deliberation', 'scheduleMeeting', meeting('law-meet-03', 'committeeMeeting', 'members'), STAFF));
  });

  it('an urban 社区 (the default) refuses a 村民会议', async () => {
    const app = await createTestApp();
    const topic = data(
      await app.call(
        'deliberation',
        'open',
        { key: 'law-topic-02', communityId: 'c-zhongfang', title: '更换路灯', body: '路灯老化，议一议更换。' },
        STAFF,
      ),
    );
    expect(data(await app.call('deliberation', 'get', { topicId: topic.id }, WHO.resident)).communityKind).toBe('urban');
    const r = await app.call(
      'deliberation',
      'scheduleMeeting',
      {
        key: 'law-meet-04',
        topicId: topic.id,
        type: 'villagersMeeting',
        base: 'households',
        title: '会议',
        startsAt: '2026-11-21T06:00:00.000Z',
        place: '社区',
      },
      STAFF,
    );
    expect(code(r)).toBe('DELIB.WRONG_LAW');
  });
});
