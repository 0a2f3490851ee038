import { z } from 'zod';

/** The expected failures of the 服务群众工作组, spread into ERROR_CODES and ERROR_DETAILS (common/). */
export const WORK_GROUP_ERROR_CODES = [
  'WORKGROUP.NOT_FOUND',
  'WORKGROUP.DUPLICATE_MEMBER',
  'WORKGROUP.COMPOUND_OUTSIDE',
  'WORKGROUP.STALE',
] as const;

export const WORK_GROUP_ERROR_DETAILS = {
  'WORKGROUP.NOT_FOUND': z.object({ communityId: z.string() }),
  'WORKGROUP.DUPLICATE_MEMBER': z.object({ name: z.string() }),
  'WORKGROUP.COMPOUND_OUTSIDE': z.object({ communityName: z.string() }),
} as const;
