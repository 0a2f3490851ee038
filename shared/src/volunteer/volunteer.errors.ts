import { z } from 'zod';

/**
 * The expected failures of 志愿积分, 党员积分 and 十户联保, spread into ERROR_CODES and
 * ERROR_DETAILS (common/); kept here so the domain's codes stay together.
 */
export const VOLUNTEER_ERROR_CODES = [
  'VOLUNTEER.ACTIVITY_NOT_FOUND',
  'VOLUNTEER.ACTIVITY_INVALID',
  'VOLUNTEER.NOT_ELIGIBLE',
  'VOLUNTEER.ACTIVITY_CLOSED',
  'VOLUNTEER.FULL',
  'VOLUNTEER.HAS_SEATS',
  'VOLUNTEER.NOT_SIGNED_UP',
  'VOLUNTEER.CODE_INVALID',
  'VOLUNTEER.CODE_EXPIRED',
  'VOLUNTEER.ATTENDANCE_CLOSED',
  'VOLUNTEER.NOT_CHECKED_IN',
  'VOLUNTEER.ALREADY_CONFIRMED',
  'VOLUNTEER.NOT_ENDED',
  'VOLUNTEER.ENTRY_NOT_FOUND',
  'VOLUNTEER.NOT_REVERSIBLE',
  'VOLUNTEER.REWARD_NOT_FOUND',
  'VOLUNTEER.OUT_OF_STOCK',
  'VOLUNTEER.INSUFFICIENT_POINTS',
  'VOLUNTEER.REDEMPTION_NOT_FOUND',
  'VOLUNTEER.REDEMPTION_DONE',
  'VOLUNTEER.PERSON_NOT_FOUND',
  'LIANBAO.NOT_PARTY_MEMBER',
  'LIANBAO.NOT_YOUR_HOUSEHOLD',
  'LIANBAO.VISIT_NOT_FOUND',
  'LIANBAO.NO_NEED',
  'LIANBAO.HOUSEHOLD_ELSEWHERE',
] as const;

const instant = z.string();

export const VOLUNTEER_ERROR_DETAILS = {
  'VOLUNTEER.ACTIVITY_INVALID': z.object({ reason: z.enum(['endBeforeStart', 'startInPast', 'tooLong']) }),
  'VOLUNTEER.NOT_ELIGIBLE': z.object({ whoMayJoin: z.enum(['community', 'partyMembers', 'anyone']) }),
  'VOLUNTEER.ACTIVITY_CLOSED': z.object({ status: z.enum(['open', 'cancelled', 'confirmed']), started: z.boolean() }),
  'VOLUNTEER.FULL': z.object({ waiting: z.number() }),
  'VOLUNTEER.ATTENDANCE_CLOSED': z.object({ opensAt: instant, closesAt: instant }),
  'VOLUNTEER.ALREADY_CONFIRMED': z.object({ confirmedAt: instant }),
  'VOLUNTEER.NOT_ENDED': z.object({ endAt: instant }),
  'VOLUNTEER.NOT_REVERSIBLE': z.object({ reason: z.enum(['reversal', 'alreadyReversed', 'spend']) }),
  'VOLUNTEER.INSUFFICIENT_POINTS': z.object({ balance: z.number(), price: z.number() }),
  'VOLUNTEER.REDEMPTION_DONE': z.object({ status: z.enum(['held', 'handedOver', 'cancelled']), at: instant.nullable() }),
  'LIANBAO.HOUSEHOLD_ELSEWHERE': z.object({ householdId: z.string() }),
  'LIANBAO.NO_NEED': z.object({ requestId: z.string().nullable() }),
} as const;
