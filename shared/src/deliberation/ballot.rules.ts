import { checkQuorum, needed, reaches, type QuorumCheck, type QuorumRule } from './quorum.rules';

/**
 * One vote per household. A ballot's id is `${voteId}:${householdId}`, so two members of a household
 * voting at once, or a paper ballot entered while the household votes online, meet on one document:
 * the store's insert answers 'duplicate' for the second, and this rule says what happens then.
 */
export const ballotId = (voteId: string, householdId: string) => `${voteId}:${householdId}`;

export type BallotSource = 'online' | 'paper';
export type ExistingBallot = { source: BallotSource; option: number };

export type BallotMerge = { action: 'keep' } | { action: 'change' } | { ok: false; code: 'DELIB.ALREADY_VOTED'; source: BallotSource };

/**
 * What a second ballot for a household does. Paper never replaces anything and is never replaced
 * (it is the record a staff member signed for); online ballots may change until close when the vote
 * allows it; otherwise the first ballot counts.
 */
export function mergeBallot(
  existing: ExistingBallot,
  incoming: { source: BallotSource; option: number },
  changeable: boolean,
): BallotMerge {
  if (existing.source === 'online' && incoming.source === 'online' && changeable)
    return existing.option === incoming.option ? { action: 'keep' } : { action: 'change' };
  return { ok: false, code: 'DELIB.ALREADY_VOTED', source: existing.source };
}

export type VoteState = { opensAt: string; closesAt: string; closedAt?: string | null };

/** Open between its opening and closing time, unless closed early by staff. */
export function voteOpen(v: VoteState, now: string): boolean {
  return !v.closedAt && now >= v.opensAt && now < v.closesAt;
}

export type VoteResult = {
  /** Ballots per option, in the options' order. */
  counts: number[];
  ballots: number;
  online: number;
  paper: number;
  turnout: QuorumCheck;
  /** The option with more than half of the ballots (过半数), if any. */
  winner: number | null;
  /** Ballots the winner needed. */
  winNeeded: number;
  /** Quorum met and one option carried. */
  decided: boolean;
  /** Quorum met and the first option (the proposal as put to the households) carried. */
  passed: boolean;
};

/** The result, computed from the ballots alone: turnout against the household quorum, then 过半数 of ballots. */
export function tallyBallots(
  ballots: readonly { option: number; source: BallotSource }[],
  options: number,
  households: number,
  rule: QuorumRule,
): VoteResult {
  const counts = Array.from({ length: options }, () => 0);
  let paper = 0;
  for (const b of ballots) {
    if (b.option >= 0 && b.option < options) counts[b.option]! += 1;
    if (b.source === 'paper') paper += 1;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const turnout = checkQuorum(rule, households, total);
  const winner = counts.findIndex((c) => reaches(c, total, rule.pass));
  return {
    counts,
    ballots: total,
    online: total - paper,
    paper,
    turnout,
    winner: winner >= 0 ? winner : null,
    winNeeded: needed(total, rule.pass),
    decided: turnout.met && winner >= 0,
    passed: turnout.met && winner === 0,
  };
}
