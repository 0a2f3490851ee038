import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  basesOf,
  lawAllows,
  MEETING_TYPE_LABELS,
  meetingTypesFor,
  quorumRule,
  type CommunityKind,
  type MeetingBase,
  type MeetingType,
  type Step,
  type TopicStage,
} from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { newIdempotencyKey } from '../../services/idempotency';
import { redirectTo } from '../../services/routes';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { deliberationContract } from '../../../../shared/src/contracts/deliberation.contract';

registerContract('deliberation', deliberationContract);

/** A community's 议事厅: its topics by stage, the counters, the threshold. */
export function useTopicList() {
  const communityId = decodeParam(useRouter().params.communityId);
  const [stage, setStage] = useState<TopicStage | 'all'>('all');
  const list = useAsync(
    () => callCloud('deliberation', 'list', { communityId, ...(stage === 'all' ? {} : { stage }), limit: 100 }),
    [communityId, stage],
  );
  return { communityId, stage, setStage, list };
}

/** A topic: stage, steps, history; 附议, comments, votes for residents. */
export function useTopicPage() {
  const id = decodeParam(useRouter().params.id);
  const topic = useAsync(() => callCloud('deliberation', 'get', { topicId: id }), [id]);
  const comments = useAsync(() => callCloud('deliberation', 'comments', { topicId: id }), [id]);
  const votes = useAsync(() => callCloud('deliberation', 'votes', { topicId: id }), [id]);
  const guard = useGuarded<string>();
  const [text, setText] = useState('');
  // one key per comment being written, kept until it goes through: a retry is the same comment
  const [commentKey, setCommentKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<string | null>(null);

  const support = () =>
    void guard.run(async () => {
      const r = await callCloud('deliberation', 'support', { topicId: id });
      setDone(r.stage === 'agenda' ? '附议成功，议题已达到附议人数，列入社区议程' : '附议成功');
      topic.reload();
    }, 'support');
  const comment = () =>
    void guard.run(async () => {
      await callCloud('deliberation', 'comment', { key: commentKey, topicId: id, text });
      setText('');
      setCommentKey(newIdempotencyKey());
      setDone('意见已发表');
      comments.reload();
    }, 'comment');
  const cast = (voteId: string, option: number) =>
    void guard.run(async () => {
      await callCloud('deliberation', 'cast', { voteId, option });
      setDone('投票成功，每户一票');
      votes.reload();
    }, `cast-${voteId}-${option}`);
  const adopt = (commentId: string) =>
    void guard.run(async () => {
      await callCloud('deliberation', 'adopt', { commentId });
      comments.reload();
      topic.reload();
    }, `adopt-${commentId}`);
  return { id, topic, comments, votes, guard, text, setText, done, support, comment, cast, adopt };
}

/** The propose form: the place comes from the binding, the key from the form. */
export function useProposeForm() {
  const [scope, setScope] = useState<'compound' | 'community'>('compound');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded();
  const submit = () =>
    void guard.run(async () => {
      const t = await callCloud('deliberation', 'propose', { key, scope, title, body, photos: [] });
      await redirectTo('agora/topic', { id: t.id, fresh: true });
    });
  return { scope, setScope, title, setTitle, body, setBody, guard, submit };
}

export type StepForm = {
  date: string;
  minutes: string;
  outcome: 'approved' | 'refused';
  reason: string;
  meetingId: string;
  voteId: string;
  spent: string;
};

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type MeetingForm = { type: MeetingType; base: MeetingBase; title: string; startsAt: string; place: string };

/** The meeting's name as the law calls it: 居民会议 counted on the groups' representatives is the 居民代表会议. */
const meetingTitle = (type: MeetingType, base: MeetingBase): string =>
  type === 'residentsMeeting' && base === 'groupReps' ? '居民代表会议' : MEETING_TYPE_LABELS[type];

/** The resolution meeting a community of this kind holds unless the officer picks another. */
const defaultMeetingOf = (kind: CommunityKind): Pick<MeetingForm, 'type' | 'base' | 'title'> =>
  kind === 'village'
    ? { type: 'villagersRepMeeting', base: 'members', title: '村民代表会议' }
    : { type: 'residentsMeeting', base: 'groupReps', title: '居民代表会议' };

/** Staff: the next step's record, meetings to schedule, votes to open. */
export function useStepsPage() {
  const id = decodeParam(useRouter().params.id);
  const topic = useAsync(() => callCloud('deliberation', 'get', { topicId: id }), [id]);
  const meetings = useAsync(() => callCloud('deliberation', 'meetings', { topicId: id }), [id]);
  const votes = useAsync(() => callCloud('deliberation', 'votes', { topicId: id }), [id]);
  const guard = useGuarded<string>();
  const [form, setForm] = useState<StepForm>({
    date: today(),
    minutes: '',
    outcome: 'approved',
    reason: '',
    meetingId: '',
    voteId: '',
    spent: '',
  });
  const [meetingKey, setMeetingKey] = useState(newIdempotencyKey);
  const [voteKey, setVoteKey] = useState(newIdempotencyKey);
  const [picked, setMeeting] = useState<MeetingForm>({
    ...defaultMeetingOf('urban'),
    startsAt: `${today()}T14:00`,
    place: '社区党群服务中心会议室',
  });
  // only the meetings of the community's own law (社区: 居民会议, 村: 村民会议／村民代表会议); the server
  // refuses the other law's (DELIB.WRONG_LAW), so the form never offers them
  const kind: CommunityKind = topic.state.data?.communityKind ?? 'urban';
  const meetingTypes = meetingTypesFor(kind);
  const meeting = lawAllows(kind, picked.type) ? picked : { ...picked, ...defaultMeetingOf(kind) };
  const pickType = (type: MeetingType) => {
    const base = basesOf(type)[0]!;
    setMeeting({ ...meeting, type, base, title: meetingTitle(type, base) });
  };
  const pickBase = (base: MeetingBase) =>
    setMeeting({
      ...meeting,
      base,
      title: meeting.title === meetingTitle(meeting.type, meeting.base) ? meetingTitle(meeting.type, base) : meeting.title,
    });
  /** The quorum and pass rule of the chosen meeting, with its law, shown before it is scheduled. */
  const rule = quorumRule(meeting.type, meeting.base);
  const [vote, setVote] = useState({
    question: '',
    options: '同意,不同意,弃权',
    closesAt: `${today()}T20:00`,
    secret: true,
    changeable: false,
  });
  const [done, setDone] = useState<string | null>(null);

  const record = (step: Step) =>
    void guard.run(async () => {
      await callCloud('deliberation', 'recordStep', {
        topicId: id,
        step,
        outcome: form.outcome,
        date: form.date,
        minutes: form.minutes,
        ...(form.reason ? { reason: form.reason } : {}),
        ...(form.meetingId ? { meetingId: form.meetingId } : {}),
        ...(form.voteId ? { voteId: form.voteId } : {}),
        ...(form.spent ? { spent: Number(form.spent) } : {}),
        photos: [],
      });
      setForm((f) => ({ ...f, minutes: '', reason: '', meetingId: '', voteId: '', spent: '', outcome: 'approved' }));
      setDone('已记录');
      topic.reload();
    }, 'record');
  const schedule = () =>
    void guard.run(async () => {
      const m = await callCloud('deliberation', 'scheduleMeeting', {
        key: meetingKey,
        topicId: id,
        ...meeting,
        startsAt: new Date(`${meeting.startsAt}:00+08:00`).toISOString(),
      });
      setMeetingKey(newIdempotencyKey());
      setDone(`会议已安排，已通知 ${m.notified} 人`);
      meetings.reload();
    }, 'schedule');
  const openVote = () =>
    void guard.run(async () => {
      await callCloud('deliberation', 'openVote', {
        key: voteKey,
        topicId: id,
        question: vote.question,
        options: vote.options
          .split(/[,，]/)
          .map((o) => o.trim())
          .filter(Boolean),
        closesAt: new Date(`${vote.closesAt}:00+08:00`).toISOString(),
        secret: vote.secret,
        changeable: vote.changeable,
        law: kind,
      });
      setVoteKey(newIdempotencyKey());
      setDone('入户投票已发起');
      votes.reload();
    }, 'openVote');
  return {
    id,
    topic,
    meetings,
    votes,
    guard,
    form,
    setForm,
    kind,
    meetingTypes,
    meeting,
    setMeeting,
    pickType,
    pickBase,
    rule,
    vote,
    setVote,
    done,
    record,
    schedule,
    openVote,
  };
}

/** Staff: one meeting's roll, its quorum with the law, and the show of hands. */
export function useMeetingPage() {
  const id = decodeParam(useRouter().params.id);
  const meeting = useAsync(() => callCloud('deliberation', 'meeting', { meetingId: id }), [id]);
  const guard = useGuarded<string>();
  const [hands, setHands] = useState({ yes: '', no: '', abstain: '' });
  const mark = (personId: string, present: boolean) =>
    void guard.run(async () => {
      await callCloud('deliberation', 'markAttendance', { meetingId: id, ids: [personId], present });
      meeting.reload();
    }, `mark-${personId}`);
  const tally = () =>
    void guard.run(async () => {
      await callCloud('deliberation', 'tally', {
        meetingId: id,
        yes: Number(hands.yes || 0),
        no: Number(hands.no || 0),
        abstain: Number(hands.abstain || 0),
      });
      meeting.reload();
    }, 'tally');
  return { id, meeting, guard, hands, setHands, mark, tally };
}

/** Staff: a vote's result, paper ballots, closing. */
export function useVotePage() {
  const id = decodeParam(useRouter().params.id);
  const vote = useAsync(() => callCloud('deliberation', 'vote', { voteId: id }), [id]);
  const guard = useGuarded<string>();
  const [paper, setPaper] = useState({ householdId: '', voterName: '', option: 0 });
  const [done, setDone] = useState<string | null>(null);
  const enter = () =>
    void guard.run(async () => {
      await callCloud('deliberation', 'paperBallot', { voteId: id, ...paper });
      setPaper({ householdId: '', voterName: '', option: 0 });
      setDone('纸质选票已登记');
      vote.reload();
    }, 'paper');
  const close = () =>
    void guard.run(async () => {
      await callCloud('deliberation', 'closeVote', { voteId: id });
      setDone('投票已截止');
      vote.reload();
    }, 'close');
  return { id, vote, guard, paper, setPaper, done, enter, close };
}
