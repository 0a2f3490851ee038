/**
 * 议事厅 at community scale. Prints the time to
 * - count a household vote of 5,000 households: the pure rule over the ballots, and the whole `vote`
 *   action through the real dispatch (ballots read page by page from SQLite, result computed);
 * - answer a community's topic list with 1,000 topics (`list`, all 1,000 in one answer, with the
 *   per-stage counts), through the real dispatch.
 * Setup writes straight into SQLite (not what is measured).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ballotId,
  quorumRule,
  tallyBallots,
  TOPIC_STAGES,
  type BallotDoc,
  type Place,
  type TopicDoc,
  type TopicSummary,
  type VoteView,
} from '@linli/shared';
import { createLocalPorts } from '../cloudfunctions/dev/local-ports';
import { FUNCTIONS } from '../cloudfunctions/src/functions/registry';
import { dispatch } from '../cloudfunctions/src/platform/dispatch';
import { fromPhone } from '../cloudfunctions/src/platform/origin';
import { COLLECTIONS } from '../cloudfunctions/src/ports/collections';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 5_000);
const TOPICS = Number(process.env.BENCH_TOPICS ?? 1_000);
const ms = (t: number) => `${t.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-delib-'));
  const ports = createLocalPorts(join(dir, 'bench.sqlite'));
  const call = (action: string, data: unknown) =>
    dispatch(FUNCTIONS.deliberation, { action, data }, fromPhone(null), ports, 'bench', { error: console.error }, { checkOutputs: true });
  try {
    const community: Place = { _id: 'b-community', kind: 'community', name: '基准社区', parentId: null, path: [], fullName: '基准社区' };
    await ports.store.put(COLLECTIONS.places, community);
    const now = '2026-11-20T02:00:00.000Z';
    const topic = (i: number): TopicDoc => ({
      _id: `b-topic-${String(i).padStart(5, '0')}`,
      communityId: community._id,
      compoundId: null,
      placeName: community.fullName,
      title: `议题 ${i}：楼道照明改造`,
      body: '楼道灯经常坏，建议换成声控节能灯。',
      photos: [],
      origin: { kind: 'resident' },
      proposerOpenid: `r${i}`,
      proposerName: `居民${i}`,
      stage: TOPIC_STAGES[i % TOPIC_STAGES.length]!,
      supports: i % 30,
      comments: i % 7,
      adopted: i % 3,
      threshold: 10,
      steps: [],
      history: [{ at: now, what: '提出议题', by: `居民${i}` }],
      noticeIds: [],
      createdAt: now,
      updatedAt: new Date(Date.parse(now) - i * 60_000).toISOString(),
    });
    await ports.store.insertMany(
      COLLECTIONS.delibTopics,
      Array.from({ length: TOPICS }, (_, i) => topic(i)),
    );
    await ports.store.put(COLLECTIONS.delibVotes, {
      _id: 'b-vote',
      topicId: topic(0)._id,
      communityId: community._id,
      compoundId: null,
      question: '是否同意？',
      options: ['同意', '不同意', '弃权'],
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-12-31T00:00:00.000Z',
      closedAt: null,
      secret: true,
      changeable: false,
      households: HOUSEHOLDS,
      meetingType: 'residentsMeeting',
      createdBy: 's',
      createdAt: now,
    });
    const ballots: BallotDoc[] = Array.from({ length: HOUSEHOLDS }, (_, i) => ({
      _id: ballotId('b-vote', `h${i}`),
      voteId: 'b-vote',
      householdId: `h${i}`,
      option: i % 5 === 0 ? 1 : i % 11 === 0 ? 2 : 0,
      source: i % 50 === 0 ? 'paper' : 'online',
      openid: `r${i}`,
      at: now,
    }));
    await ports.store.insertMany(COLLECTIONS.delibBallots, ballots);

    let t = performance.now();
    const r = tallyBallots(ballots, 3, HOUSEHOLDS, quorumRule('residentsMeeting', 'households')!);
    console.log(
      `count ${HOUSEHOLDS} households' ballots in memory (the pure rule): ${(performance.now() - t).toFixed(2)} ms → ${r.counts.join('/')}, passed ${r.passed}`,
    );

    for (let round = 0; round < 2; round++) {
      t = performance.now();
      const v = await call('vote', { voteId: 'b-vote' });
      if (!v.ok) throw new Error(v.error.code);
      const result = (v.data as VoteView).result;
      console.log(
        `vote of ${HOUSEHOLDS} households counted through the dispatch (read all ballots from SQLite, tally)${round ? ' again' : ''}: ${ms(performance.now() - t)} → ${result.ballots} ballots, ${result.paper} on paper`,
      );
    }

    for (let round = 0; round < 2; round++) {
      t = performance.now();
      const list = await call('list', { communityId: community._id, limit: 1000 });
      if (!list.ok) throw new Error(list.error.code);
      const topics = (list.data as { topics: TopicSummary[] }).topics;
      console.log(
        `a community's topic list with ${TOPICS} topics through the dispatch${round ? ' again' : ''}: ${ms(performance.now() - t)} → ${topics.length} topics`,
      );
    }
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
