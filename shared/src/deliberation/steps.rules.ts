import type { MeetingType } from './quorum.rules';

/**
 * 四议一审两公开, in the order every formal decision must follow. A step is recorded once; the next
 * one is only open when the previous was approved; a refusal ends the topic with its reason.
 */
export const STEPS = [
  'partyProposal',
  'committeeConsult',
  'partyAssembly',
  'streetReview',
  'residentsResolution',
  'publishResolution',
  'publishImplementation',
] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  partyProposal: '党组织提议',
  committeeConsult: '两委商议',
  partyAssembly: '党员大会审议',
  streetReview: '街道（乡镇）党（工）委审核',
  residentsResolution: '居民会议／居民代表会议决议',
  publishResolution: '决议公开',
  publishImplementation: '实施结果公开',
};

/**
 * The standings a person can have in a community's deliberation. The first three are grants of the
 * role model (shared/src/roles: partySecretary, committeeMember, representative); partyMember is the
 * branch's roll (party_members, kept by the volunteer function); street staff is a staff grant above.
 */
export const STANDINGS = ['partySecretary', 'committeeMember', 'partyMember', 'representative', 'communityStaff', 'streetStaff'] as const;
export type Standing = (typeof STANDINGS)[number];

/**
 * Who may record each step: the body that takes it. A street cadre reviews (审核) but never decides
 * for the community; community staff serve the 居委会 in convening the 居民会议 and publishing.
 */
export const STEP_RECORDERS: Record<Step, readonly Standing[]> = {
  partyProposal: ['partySecretary'],
  committeeConsult: ['partySecretary', 'committeeMember'],
  partyAssembly: ['partySecretary', 'partyMember'],
  streetReview: ['streetStaff'],
  residentsResolution: ['committeeMember', 'communityStaff'],
  // 阳光三务 are published by the community's office, the only publisher of its disclosures
  publishResolution: ['communityStaff'],
  publishImplementation: ['communityStaff'],
};

/** The meeting a step is taken in (its attendance and quorum are part of the record), when it has one. */
export const STEP_MEETINGS: Partial<Record<Step, readonly MeetingType[]>> = {
  committeeConsult: ['committeeMeeting'],
  partyAssembly: ['partyAssembly'],
  residentsResolution: ['residentsMeeting', 'villagersMeeting', 'villagersRepMeeting'],
};

export const mayRecordStep = (step: Step, standings: readonly Standing[]): boolean =>
  STEP_RECORDERS[step].some((s) => standings.includes(s));

/** The steps a person may record anywhere, for the staff page's buttons and the policy. */
export const recordableSteps = (standings: readonly Standing[]): Step[] => STEPS.filter((s) => mayRecordStep(s, standings));

export type StepOutcome = 'approved' | 'refused';
export type RecordedStep = { step: Step; outcome: StepOutcome };

export type StepCheck =
  | { ok: true; index: number }
  | { ok: false; code: 'DELIB.STEP_OUT_OF_ORDER'; expected: Step | null }
  | { ok: false; code: 'DELIB.TOPIC_CLOSED' };

/** The step that comes next after those recorded, or null when all seven are done or one was refused. */
export function nextStep(recorded: readonly RecordedStep[]): Step | null {
  if (recorded.some((r) => r.outcome === 'refused')) return null;
  return STEPS[recorded.length] ?? null;
}

/** May `step` be recorded now? Only the next one, on a topic that is still in the procedure. */
export function checkStep(recorded: readonly RecordedStep[], step: Step): StepCheck {
  if (recorded.some((r) => r.outcome === 'refused')) return { ok: false, code: 'DELIB.TOPIC_CLOSED' };
  const expected = nextStep(recorded);
  if (expected !== step) return { ok: false, code: 'DELIB.STEP_OUT_OF_ORDER', expected };
  return { ok: true, index: recorded.length };
}
