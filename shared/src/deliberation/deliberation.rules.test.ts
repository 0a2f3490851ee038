import { describe, expect, it } from 'vitest';
import { ballotId, mergeBallot, tallyBallots, voteOpen } from './ballot.rules';
import {
  checkQuorum,
  decideMeeting,
  lawAllows,
  meetingTypesFor,
  needed,
  quorumRule,
  reaches,
  type MeetingBase,
  type MeetingType,
} from './quorum.rules';
import { communityNumbers, DEFAULT_RULE_SETTINGS } from '../settings/rule-settings.schema';
import { checkStep, mayRecordStep, nextStep, STEPS, type RecordedStep, type Standing, type Step } from './steps.rules';
import { stageAfterSupport, stageOfSteps } from './topic.rules';

const approved = (n: number): RecordedStep[] => STEPS.slice(0, n).map((step) => ({ step, outcome: 'approved' }));

describe('step order (四议一审两公开)', () => {
  it.each([
    [0, 'partyProposal', true],
    [0, 'committeeConsult', false],
    [1, 'committeeConsult', true],
    [1, 'partyAssembly', false],
    [2, 'partyAssembly', true],
    [3, 'streetReview', true],
    [3, 'residentsResolution', false],
    [4, 'residentsResolution', true],
    [5, 'publishResolution', true],
    [5, 'publishImplementation', false],
    [6, 'publishImplementation', true],
    [7, 'publishImplementation', false],
    [2, 'partyProposal', false],
  ] as const)('after %i approved steps, %s may be recorded → %s', (n, step, expected) => {
    expect(checkStep(approved(n), step).ok).toBe(expected);
  });

  it('names the step that is due when one is out of order', () => {
    expect(checkStep(approved(1), 'streetReview')).toEqual({ ok: false, code: 'DELIB.STEP_OUT_OF_ORDER', expected: 'committeeConsult' });
    expect(nextStep(approved(7))).toBeNull();
  });

  it('a refused step ends the procedure', () => {
    const refused: RecordedStep[] = [...approved(3), { step: 'streetReview', outcome: 'refused' }];
    expect(checkStep(refused, 'residentsResolution')).toEqual({ ok: false, code: 'DELIB.TOPIC_CLOSED' });
    expect(nextStep(refused)).toBeNull();
    expect(stageOfSteps(refused)).toBe('refused');
  });

  it.each([
    [0, 'agenda'],
    [1, 'deciding'],
    [5, 'deciding'],
    [6, 'decided'],
    [7, 'carriedOut'],
  ] as const)('%i approved steps → stage %s', (n, stage) => expect(stageOfSteps(approved(n))).toBe(stage));
});

describe('who may record each step', () => {
  it.each([
    ['partyProposal', ['partySecretary'], true],
    ['partyProposal', ['committeeMember'], false],
    ['partyProposal', ['communityStaff'], false],
    ['committeeConsult', ['committeeMember'], true],
    ['committeeConsult', ['partyMember'], false],
    ['partyAssembly', ['partyMember'], true],
    ['partyAssembly', ['representative'], false],
    ['streetReview', ['streetStaff'], true],
    ['streetReview', ['partySecretary', 'committeeMember', 'communityStaff'], false],
    ['residentsResolution', ['communityStaff'], true],
    ['residentsResolution', ['streetStaff'], false],
    ['residentsResolution', ['representative'], false],
    ['publishResolution', ['committeeMember'], false],
    ['publishResolution', ['communityStaff'], true],
    ['publishImplementation', ['communityStaff'], true],
    ['publishImplementation', [], false],
  ] as [Step, Standing[], boolean][])('%s by %o → %s', (step, standings, expected) => {
    expect(mayRecordStep(step, standings)).toBe(expected);
  });
});

describe('quorum and pass rules per meeting type', () => {
  it.each([
    // 居民会议 (城市居民委员会组织法 第九条): more than half of any base, decided by more than half present
    ['residentsMeeting', 'adults', 100, 50, false],
    ['residentsMeeting', 'adults', 100, 51, true],
    ['residentsMeeting', 'households', 144, 72, false],
    ['residentsMeeting', 'households', 144, 73, true],
    ['residentsMeeting', 'groupReps', 9, 5, true],
    ['residentsMeeting', 'groupReps', 10, 5, false],
    // 村民会议 (村民委员会组织法 第二十二条): more than half of adults, or two-thirds (inclusive) of households
    ['villagersMeeting', 'adults', 801, 400, false],
    ['villagersMeeting', 'adults', 801, 401, true],
    ['villagersMeeting', 'households', 300, 199, false],
    ['villagersMeeting', 'households', 300, 200, true],
    ['villagersMeeting', 'households', 10, 7, true],
    ['villagersMeeting', 'households', 10, 6, false],
    // 村民代表会议 (第二十六条): two-thirds of its members, inclusive
    ['villagersRepMeeting', 'members', 9, 6, true],
    ['villagersRepMeeting', 'members', 9, 5, false],
    ['villagersRepMeeting', 'members', 40, 26, false],
    ['villagersRepMeeting', 'members', 40, 27, true],
    // 党员大会 (支部工作条例 第十一条): half or more, inclusive
    ['partyAssembly', 'members', 30, 15, true],
    ['partyAssembly', 'members', 30, 14, false],
  ] as [MeetingType, MeetingBase, number, number, boolean][])(
    '%s on %s: %i expected, %i present → quorum %s',
    (type, base, expected, present, met) => {
      const rule = quorumRule(type, base)!;
      expect(checkQuorum(rule, expected, present).met).toBe(met);
      // the shown threshold agrees with the check
      expect(reaches(needed(expected, rule.quorum), expected, rule.quorum)).toBe(true);
      expect(reaches(needed(expected, rule.quorum) - 1, expected, rule.quorum)).toBe(false);
    },
  );

  it('has no 村民会议 of group representatives (only urban law has that base)', () => {
    expect(quorumRule('villagersMeeting', 'groupReps')).toBeNull();
    expect(quorumRule('residentsMeeting', 'adults')!.source).toContain('城市居民委员会组织法');
    expect(quorumRule('villagersRepMeeting', 'members')!.source).toContain('第二十六条');
    expect(quorumRule('villagersMeeting', 'households')!.source).toContain('第二十二条');
  });

  it('an empty roll never has quorum', () => expect(checkQuorum(quorumRule('residentsMeeting', 'adults')!, 0, 0).met).toBe(false));

  it.each([
    // type, base, expected, present, yes/no/abstain → passed | code
    ['residentsMeeting', 'households', 144, 72, [72, 0, 0], 'DELIB.NO_QUORUM'],
    ['residentsMeeting', 'households', 144, 80, [41, 39, 0], true],
    ['residentsMeeting', 'households', 144, 80, [40, 30, 10], false],
    ['residentsMeeting', 'households', 144, 80, [50, 40, 0], 'DELIB.TALLY_INVALID'],
    ['villagersRepMeeting', 'members', 9, 6, [4, 2, 0], true],
    ['villagersRepMeeting', 'members', 9, 6, [3, 3, 0], false],
    // 党员大会: more than half of those expected, not of those present
    ['partyAssembly', 'members', 30, 20, [15, 5, 0], false],
    ['partyAssembly', 'members', 30, 20, [16, 4, 0], true],
  ] as [MeetingType, MeetingBase, number, number, [number, number, number], boolean | string][])(
    '%s on %s, %i expected, %i present, hands %o → %s',
    (type, base, expected, present, [yes, no, abstain], outcome) => {
      const d = decideMeeting(quorumRule(type, base)!, expected, present, { yes, no, abstain });
      if (typeof outcome === 'string') expect(d).toMatchObject({ ok: false, code: outcome });
      else expect(d).toMatchObject({ ok: true, passed: outcome });
    },
  );
});

describe('one vote per household', () => {
  it('a household has one ballot id per vote, whoever in it votes', () => {
    expect(ballotId('v1', 'h-101')).toBe(ballotId('v1', 'h-101'));
    expect(ballotId('v1', 'h-101')).not.toBe(ballotId('v2', 'h-101'));
  });

  it.each([
    // existing, incoming, changeable → outcome
    ['online', 'online', false, 'DELIB.ALREADY_VOTED'],
    ['online', 'online', true, 'change'],
    ['online', 'paper', true, 'DELIB.ALREADY_VOTED'],
    ['paper', 'online', true, 'DELIB.ALREADY_VOTED'],
    ['paper', 'paper', true, 'DELIB.ALREADY_VOTED'],
  ] as const)('%s then %s (changeable %s) → %s', (existing, incoming, changeable, expected) => {
    const m = mergeBallot({ source: existing, option: 0 }, { source: incoming, option: 1 }, changeable);
    expect('action' in m ? m.action : m.code).toBe(expected);
  });

  it('the same choice again changes nothing', () =>
    expect(mergeBallot({ source: 'online', option: 1 }, { source: 'online', option: 1 }, true)).toEqual({ action: 'keep' }));

  it('is open between its times unless closed early', () => {
    const v = { opensAt: '2026-11-20T00:00:00Z', closesAt: '2026-11-27T00:00:00Z' };
    expect(voteOpen(v, '2026-11-19T23:59:59Z')).toBe(false);
    expect(voteOpen(v, '2026-11-21T00:00:00Z')).toBe(true);
    expect(voteOpen(v, '2026-11-27T00:00:00Z')).toBe(false);
    expect(voteOpen({ ...v, closedAt: '2026-11-21T00:00:00Z' }, '2026-11-22T00:00:00Z')).toBe(false);
  });

  it.each([
    // households, ballots per option (online), paper for option 0 → passed, winner
    [144, [60, 10], 3, true, 0],
    [144, [60, 10], 2, false, 0], // 72 ballots: not more than half of 144 households
    [144, [40, 40], 1, true, 0], // 81 ballots, 41 is more than half of 81
    [144, [40, 41], 0, false, 1], // the other option carried: decided, not passed
    [144, [30, 30], 13, true, 0],
  ] as const)('%i households, online %o, paper %i → passed %s, winner %s', (households, online, paper, passed, winner) => {
    const ballots = [
      ...online.flatMap((n, option) => Array.from({ length: n }, () => ({ option, source: 'online' as const }))),
      ...Array.from({ length: paper }, () => ({ option: 0, source: 'paper' as const })),
    ];
    const r = tallyBallots(ballots, 2, households, quorumRule('residentsMeeting', 'households')!);
    expect(r.passed).toBe(passed);
    expect(r.winner).toBe(winner);
    expect(r.ballots).toBe(ballots.length);
    expect(r.paper).toBe(paper);
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(r.ballots);
  });

  it('a tie has no winner and does not pass', () => {
    const ballots = [...Array(45).fill({ option: 0, source: 'online' }), ...Array(45).fill({ option: 1, source: 'online' })];
    const r = tallyBallots(ballots, 2, 144, quorumRule('residentsMeeting', 'households')!);
    expect(r.turnout.met).toBe(true);
    expect(r.winner).toBeNull();
    expect(r.passed).toBe(false);
  });
});

describe('support threshold', () => {
  it.each([
    ['open', 9, 10, 'open'],
    ['open', 10, 10, 'agenda'],
    ['agenda', 11, 10, 'agenda'],
    ['deciding', 30, 10, 'deciding'],
  ] as const)('%s with %i supports (threshold %i) → %s', (stage, n, t, expected) => expect(stageAfterSupport(stage, n, t)).toBe(expected));
});

describe('社区 or 村: each law its own meetings', () => {
  it.each([
    ['urban', 'residentsMeeting', true],
    ['urban', 'villagersMeeting', false],
    ['urban', 'villagersRepMeeting', false],
    ['village', 'residentsMeeting', false],
    ['village', 'villagersMeeting', true],
    ['village', 'villagersRepMeeting', true],
    ['urban', 'partyAssembly', true],
    ['village', 'committeeMeeting', true],
  ] as const)('%s may hold %s: %s', (kind, type, allowed) => expect(lawAllows(kind, type)).toBe(allowed));
  it("the form offers only the law's resolution meetings", () => {
    const step = ['residentsMeeting', 'villagersMeeting', 'villagersRepMeeting'] as const;
    expect(meetingTypesFor('urban', step)).toEqual(['residentsMeeting']);
    expect(meetingTypesFor('village', step)).toEqual(['villagersMeeting', 'villagersRepMeeting']);
  });
});

describe('community numbers from the settings', () => {
  const settings = {
    ...DEFAULT_RULE_SETTINGS,
    communities: { 'c-v': { communityKind: 'village' as const, yishitingSupportThreshold: 4 }, 'c-t': { yishitingSupportThreshold: 20 } },
  };
  it.each([
    ['c-v', 'village', 4],
    ['c-t', 'urban', 20],
    ['c-none', 'urban', 10],
  ] as const)('%s is %s with threshold %i', (id, kind, threshold) =>
    expect(communityNumbers(settings, id)).toEqual({ communityKind: kind, yishitingSupportThreshold: threshold }),
  );
  it('a version saved before the kind existed reads as urban', () => {
    const old = { ...DEFAULT_RULE_SETTINGS, community: { yishitingSupportThreshold: 7 } } as never;
    expect(communityNumbers(old, 'c-x')).toEqual({ communityKind: 'urban', yishitingSupportThreshold: 7 });
  });
});
