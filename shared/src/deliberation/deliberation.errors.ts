import { z } from 'zod';
import { MEETING_TYPES } from './quorum.rules';
import { STEPS } from './steps.rules';

/** The expected failures of 议事厅, spread into ERROR_CODES and ERROR_DETAILS (common/). */
export const DELIBERATION_ERROR_CODES = [
  'DELIB.TOPIC_NOT_FOUND',
  'DELIB.NOT_RESIDENT',
  'DELIB.CONTENT_REJECTED',
  'DELIB.ALREADY_SUPPORTED',
  'DELIB.NOT_OPEN',
  'DELIB.COMMENT_NOT_FOUND',
  'DELIB.STEP_OUT_OF_ORDER',
  'DELIB.STEP_ROLE',
  'DELIB.TOPIC_CLOSED',
  'DELIB.STEP_NEEDS_MEETING',
  'DELIB.STEP_NEEDS_DECISION',
  'DELIB.MEETING_NOT_FOUND',
  'DELIB.MEETING_TYPE',
  'DELIB.NOT_ON_ROLL',
  'DELIB.NO_QUORUM',
  'DELIB.TALLY_INVALID',
  'DELIB.ALREADY_TALLIED',
  'DELIB.VOTE_NOT_FOUND',
  'DELIB.VOTE_INVALID',
  'DELIB.VOTE_CLOSED',
  'DELIB.NOT_IN_SCOPE',
  'DELIB.ALREADY_VOTED',
  'DELIB.REQUEST_NOT_MAJOR',
  'DELIB.WRONG_LAW',
] as const;

const quorum = z.object({ expected: z.number(), present: z.number(), needed: z.number(), source: z.string() });

export const DELIBERATION_ERROR_DETAILS = {
  'DELIB.CONTENT_REJECTED': z.object({ field: z.enum(['title', 'body', 'comment', 'minutes']) }),
  'DELIB.STEP_OUT_OF_ORDER': z.object({ expected: z.enum(STEPS).nullable() }),
  'DELIB.STEP_ROLE': z.object({ step: z.enum(STEPS) }),
  'DELIB.STEP_NEEDS_MEETING': z.object({ step: z.enum(STEPS) }),
  'DELIB.NO_QUORUM': quorum,
  'DELIB.ALREADY_VOTED': z.object({ source: z.enum(['online', 'paper']) }),
  'DELIB.VOTE_INVALID': z.object({ reason: z.enum(['closesBeforeOpens', 'tooFewOptions', 'closeInPast', 'optionUnknown']) }),
  'DELIB.REQUEST_NOT_MAJOR': z.object({ requestId: z.string() }),
  'DELIB.WRONG_LAW': z.object({ kind: z.enum(['urban', 'village']), meetingType: z.enum(MEETING_TYPES) }),
} as const;
