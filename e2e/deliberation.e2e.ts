import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFn, fill, launch, on, open, openFresh, phonePage, screenshotWhole, tap } from './browser';

/**
 * Issue 12's proof in the browser build: a resident proposes a topic, neighbours support it to the
 * threshold, staff take it through all seven steps of 四议一审两公开 with a meeting that first lacks
 * quorum and then reaches it, households vote online and one on paper, and the resolution and the
 * implementation appear in the 阳光三务 archive. 中房社区 (its 党组织书记 张建国 is seeded); three
 * new residents are bound in 中捷木材小区 3号楼2单元 so that ten people can support.
 */
const RESIDENT = 'dev-resident-1'; // 陈秀英, 中捷木材小区
const SECRETARY = 'dev-secretary-zhongfang'; // 张建国, 党组织书记 and 两委委员
const STAFF = 'dev-staff-zhongfang'; // 王丽, 社区工作人员
const STREET = 'dev-street'; // 刘晓燕, 街道
const PARTY_MEMBER = 'seed-resident-p-zhongjie-1';
const SEEDED = [
  'seed-resident-p-zhongjie-1',
  'seed-resident-p-zhongjie-2',
  'seed-resident-p-zhongjie-3',
  'seed-resident-p-hemu-1',
  'seed-resident-p-hemu-2',
  'seed-resident-p-hemu-3',
];
const NEW = ['e2e-agora-nb-1', 'e2e-agora-nb-2', 'e2e-agora-nb-3'];
const TITLE = '3号楼楼道加装扶手';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  for (const [i, openid] of NEW.entries()) {
    await callFn(
      'identity',
      'requestBinding',
      { householdId: `p-zhongjie-b3-u2-${i + 2}01`, name: `议事邻居${i + 1}`, phone: `1380000900${i}` },
      openid,
    );
    await callFn('identity', 'reviewBinding', { bindingId: openid, approve: true }, STAFF);
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('议事厅: from a resident topic to the 阳光三务 archive', () => {
  it('goes the whole way', { timeout: 240_000 }, async () => {
    // ── a resident proposes ──
    const resident = await phonePage(browser, RESIDENT);
    await open(resident, '/packages/agora/list/index?communityId=c-zhongfang');
    await on(resident, '#agora-counts').waitFor();
    await screenshotWhole(resident, 'agora-01-list');
    await tap(resident, '#agora-propose');
    await fill(resident, '#topic-title', TITLE);
    await fill(resident, '#topic-body', '3号楼住着很多老人，楼道没有扶手，上下楼容易摔倒。建议每层加装不锈钢扶手。');
    await screenshotWhole(resident, 'agora-02-propose');
    await tap(resident, '#topic-submit');
    await expect.poll(() => on(resident, '#topic-stage').innerText(), { timeout: 15_000 }).toBe('征集意见');
    const topicId = new URL(resident.url().replace('/#', '')).searchParams.get('id')!;
    expect(topicId).toBeTruthy();
    await fill(resident, '#comment-text', '建议扶手装在靠墙一侧，不占楼道。');
    await tap(resident, '#comment-submit');
    await on(resident, '.comment').waitFor();
    await screenshotWhole(resident, 'agora-03-topic-open');

    // ── neighbours support it to the threshold; the tenth from the page ──
    for (const openid of [RESIDENT, ...SEEDED, NEW[0]!, NEW[1]!]) await callFn('deliberation', 'support', { topicId }, openid);
    const tenth = await phonePage(browser, NEW[2]!);
    await open(tenth, `/packages/agora/topic/index?id=${topicId}`);
    await on(tenth, '#topic-support').waitFor();
    await tap(tenth, '#topic-support');
    await expect.poll(() => on(tenth, '#topic-done').innerText(), { timeout: 10_000 }).toContain('列入社区议程');
    await expect.poll(() => on(tenth, '#topic-stage').innerText()).toBe('已列入议程');
    await screenshotWhole(tenth, 'agora-04-threshold-agenda');

    // ── 党组织提议, by the secretary on the staff page ──
    const secretary = await phonePage(browser, SECRETARY);
    await open(secretary, `/packages/agora/topic/index?id=${topicId}`);
    await tap(secretary, '#topic-staff');
    await on(secretary, '#record-step').waitFor();
    await fill(secretary, '#step-minutes', '社区党委会研究：同意提议为3号楼加装楼道扶手，费用从公共收益列支。');
    await screenshotWhole(secretary, 'agora-05-steps-proposal');
    await tap(secretary, '#step-submit');
    await expect.poll(() => on(secretary, '#step-partyProposal').isVisible(), { timeout: 10_000 }).toBe(true);

    // ── 两委商议 (its meeting taken by API) and 党员大会 (recorded by a party member of the branch) ──
    const committee = await callFn(
      'deliberation',
      'scheduleMeeting',
      {
        key: `e2e-agora-c-${topicId.slice(0, 20)}`,
        topicId,
        type: 'committeeMeeting',
        base: 'members',
        title: '两委联席会议',
        startsAt: new Date().toISOString(),
        place: '社区会议室',
      },
      SECRETARY,
    );
    await callFn('deliberation', 'checkIn', { meetingId: committee.id }, SECRETARY);
    await callFn('deliberation', 'tally', { meetingId: committee.id, yes: 1, no: 0, abstain: 0 }, SECRETARY);
    await openFresh(secretary, `/packages/agora-staff/steps/index?id=${topicId}`);
    await on(secretary, '#record-step').waitFor();
    await fill(secretary, '#step-minutes', '两委联席会议商议：同意提交党员大会审议。');
    await tap(secretary, `#step-meeting-${committee.id}`);
    await tap(secretary, '#step-submit');
    await expect.poll(() => on(secretary, '#step-committeeConsult').isVisible(), { timeout: 10_000 }).toBe(true);
    const assembly = await callFn(
      'deliberation',
      'scheduleMeeting',
      {
        key: `e2e-agora-a-${topicId.slice(0, 20)}`,
        topicId,
        type: 'partyAssembly',
        base: 'members',
        title: '党员大会',
        startsAt: new Date().toISOString(),
        place: '社区会议室',
      },
      SECRETARY,
    );
    await callFn(
      'deliberation',
      'markAttendance',
      { meetingId: assembly.id, ids: assembly.roll.map((r: { id: string }) => r.id) },
      SECRETARY,
    );
    await callFn('deliberation', 'tally', { meetingId: assembly.id, yes: assembly.roll.length, no: 0, abstain: 0 }, SECRETARY);
    await callFn(
      'deliberation',
      'recordStep',
      { topicId, step: 'partyAssembly', date: today(), minutes: '党员大会审议：全体到会党员同意。', meetingId: assembly.id },
      PARTY_MEMBER,
    );

    // ── 街道审核 ──
    const street = await phonePage(browser, STREET);
    await open(street, `/packages/agora-staff/steps/index?id=${topicId}`);
    await on(street, '#record-step').waitFor();
    await fill(street, '#step-minutes', '街道党工委审核：程序合规，资金来源符合规定，同意。');
    await tap(street, '#step-submit');
    await expect.poll(() => on(street, '#step-streetReview').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshotWhole(street, 'agora-06-street-review');

    // ── 居民代表会议: scheduled on the page, short of quorum first, then reached ──
    const staff = await phonePage(browser, STAFF);
    await open(staff, `/packages/agora-staff/steps/index?id=${topicId}`);
    await on(staff, '#meeting-schedule').waitFor();
    await tap(staff, '#meeting-type-residentsMeeting');
    await tap(staff, '#meeting-base-groupReps');
    await tap(staff, '#meeting-schedule');
    await expect.poll(() => on(staff, '#steps-done').innerText(), { timeout: 10_000 }).toContain('会议已安排');
    const meetings = (await callFn('deliberation', 'meetings', { topicId }, STAFF)).meetings as { id: string; type: string }[];
    const reps = meetings.find((m) => m.type === 'residentsMeeting')!;
    await tap(staff, `#meeting-${reps.id}`);
    await on(staff, '#meeting-roll').waitFor();
    const roll = (await callFn('deliberation', 'meeting', { meetingId: reps.id }, STAFF)).roll as { id: string }[];
    await tap(staff, `#roll-${roll[0]!.id}`);
    await expect.poll(() => on(staff, '#meeting-quorum').innerText()).toContain('实到 1');
    await tap(staff, `#roll-${roll[1]!.id}`);
    await expect.poll(() => on(staff, '#meeting-quorum').innerText()).toContain('实到 2');
    await fill(staff, '#tally-yes', '2');
    await tap(staff, '#tally-submit');
    await expect.poll(() => on(staff, '#meeting-error').innerText(), { timeout: 10_000 }).toContain('到会人数不足');
    expect(await on(staff, '#meeting-error').innerText()).toContain('城市居民委员会组织法');
    await screenshotWhole(staff, 'agora-07-meeting-no-quorum');
    await tap(staff, `#roll-${roll[2]!.id}`);
    await expect.poll(() => on(staff, '#meeting-quorum').innerText()).toContain('已达到法定人数');
    await fill(staff, '#tally-yes', '3');
    await tap(staff, '#tally-submit');
    await expect.poll(() => on(staff, '#tally-result').innerText(), { timeout: 10_000 }).toContain('通过');
    await screenshotWhole(staff, 'agora-08-meeting-quorum-passed');

    // ── households vote online and one on paper ──
    const vote = await callFn(
      'deliberation',
      'openVote',
      {
        key: `e2e-agora-v-${topicId.slice(0, 20)}`,
        topicId,
        question: '是否同意为3号楼加装楼道扶手？',
        options: ['同意', '不同意'],
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      STAFF,
    );
    await openFresh(resident, `/packages/agora/topic/index?id=${topicId}`);
    await tap(resident, `#cast-${vote.id}-0`);
    await expect.poll(() => on(resident, `#vote-mine-${vote.id}`).innerText(), { timeout: 10_000 }).toContain('同意');
    await screenshotWhole(resident, 'agora-09-voted-online');
    await callFn('deliberation', 'cast', { voteId: vote.id, option: 0 }, NEW[0]);
    await open(staff, `/packages/agora-staff/vote/index?id=${vote.id}`);
    await on(staff, '#paper-ballot').waitFor();
    // the resident's household voted online: a paper ballot for it is refused
    await fill(staff, '#paper-household', 'p-zhongjie-b1-u1-101');
    await fill(staff, '#paper-voter', '陈秀英');
    await tap(staff, '#paper-submit');
    await expect.poll(() => on(staff, '#vote-error').innerText(), { timeout: 10_000 }).toContain('每户只算一票');
    await fill(staff, '#paper-household', 'p-zhongjie-b3-u2-601');
    await fill(staff, '#paper-voter', '王大爷');
    await tap(staff, '#paper-submit');
    await expect.poll(() => on(staff, '#vote-done').innerText(), { timeout: 10_000 }).toContain('纸质选票已登记');
    await expect.poll(() => on(staff, `#vote-result-${vote.id}`).innerText()).toContain('投票户数 3/72（纸质 1）');
    await tap(staff, '#vote-close');
    await expect.poll(() => on(staff, `#vote-outcome-${vote.id}`).innerText(), { timeout: 10_000 }).toContain('投票户数不足');
    await screenshotWhole(staff, 'agora-10-vote-paper-closed');

    // ── 决议 (from the meeting), 决议公开, 实施结果公开 ──
    await openFresh(staff, `/packages/agora-staff/steps/index?id=${topicId}`);
    await on(staff, '#record-step').waitFor();
    await fill(staff, '#step-minutes', '居民代表会议决议：为3号楼每层加装楼道扶手。');
    await tap(staff, `#step-meeting-${reps.id}`);
    await tap(staff, '#step-submit');
    await expect.poll(() => on(staff, '#step-residentsResolution').isVisible(), { timeout: 10_000 }).toBe(true);
    await fill(staff, '#step-minutes', '决议已经居民代表会议通过，现予公开，公示期七天。');
    await tap(staff, '#step-submit');
    await expect.poll(() => on(staff, '#step-publishResolution').isVisible(), { timeout: 15_000 }).toBe(true);
    await fill(staff, '#step-minutes', '已为3号楼1至6层加装不锈钢扶手，于本周验收合格。');
    await fill(staff, '#step-spent', '8600');
    await screenshotWhole(staff, 'agora-11-implementation-form');
    await tap(staff, '#step-submit');
    await expect.poll(() => on(staff, '#step-publishImplementation').isVisible(), { timeout: 15_000 }).toBe(true);

    await openFresh(resident, `/packages/agora/topic/index?id=${topicId}`);
    await expect.poll(() => on(resident, '#topic-stage').innerText(), { timeout: 10_000 }).toBe('已实施');
    await screenshotWhole(resident, 'agora-12-topic-carried-out');

    // ── the 阳光三务 archive holds both, and the topic links them ──
    await open(resident, '/packages/notices/archive/index?communityId=c-zhongfang');
    await expect.poll(() => resident.locator('body').innerText(), { timeout: 10_000 }).toContain(`决议公开：${TITLE}`);
    expect(await resident.locator('body').innerText()).toContain(`实施结果公开：${TITLE}`);
    await screenshotWhole(resident, 'agora-13-sunshine-archive');
    await openFresh(resident, `/packages/agora/topic/index?id=${topicId}`);
    await tap(resident, '#notice-link-publishImplementation');
    await expect.poll(() => resident.locator('body').innerText(), { timeout: 10_000 }).toContain('支出金额：8600.00 元');
    await screenshotWhole(resident, 'agora-14-implementation-notice');
  });

  it(
    'a 大事 request becomes a topic from the workbench, and the resident sees its progress on the request',
    { timeout: 120_000 },
    async () => {
      const { request } = await callFn(
        'requests',
        'submit',
        {
          key: `e2e-agora-req-${Date.now()}`,
          compoundId: 'p-zhongjie',
          category: 'environment',
          description: '北门外道路积水严重，需要市政改造',
          location: { kind: 'spot', text: '小区北门' },
        },
        RESIDENT,
      );
      await callFn('requests', 'accept', { requestId: request.id }, 'dev-leader-zhongjie');
      await callFn('requests', 'triage', { requestId: request.id, track: 'major', handlerOpenid: STREET }, STAFF);
      const street = await phonePage(browser, STREET);
      await open(street, `/packages/workbench/detail/index?id=${request.id}`);
      await on(street, '#btn-to-topic').waitFor();
      await screenshotWhole(street, 'agora-15-workbench-to-topic');
      await tap(street, '#btn-to-topic');
      await expect.poll(() => on(street, '#topic-stage').innerText(), { timeout: 15_000 }).toBe('已列入议程');
      expect(await on(street, '#topic-head').innerText()).toContain('由 1 件居民诉求转来');
      const resident = await phonePage(browser, RESIDENT);
      await open(resident, `/packages/request/detail/index?id=${request.id}`);
      await on(resident, '#open-topic').waitFor();
      await screenshotWhole(resident, 'agora-16-request-links-topic');
      await tap(resident, '#open-topic');
      await expect.poll(() => on(resident, '#topic-stage').innerText(), { timeout: 15_000 }).toBe('已列入议程');
    },
  );
});
