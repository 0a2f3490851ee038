import { z } from 'zod';
import { requestStatusSchema } from '../requests/request.schema';
import { dispatchStatusSchema } from './department.schema';

/**
 * The expected failures of 网格吹哨、部门报到, spread into ERROR_CODES and ERROR_DETAILS (common/);
 * kept here so the domain's codes stay together.
 */
export const DEPARTMENT_ERROR_CODES = [
  'DEPARTMENT.NOT_FOUND',
  'DEPARTMENT.AREA_INVALID',
  'DISPATCH.NOT_FOUND',
  'DISPATCH.NO_DEPARTMENT',
  'DISPATCH.TOO_MANY',
  'DISPATCH.LEAD_NOT_LISTED',
  'DISPATCH.LEAD_EXISTS',
  'DISPATCH.OUT_OF_AREA',
  'DISPATCH.ALREADY_DISPATCHED',
  'DISPATCH.RETURNED_BEFORE',
  'DISPATCH.NOT_DISPATCHABLE',
  'DISPATCH.WRONG_STATE',
  'DISPATCH.PHOTO_REQUIRED',
  'DISPATCH.FINAL',
  'DISPATCH.RETURN_TOO_LATE',
  'DISPATCH.NOT_LEAD',
] as const;

export const DEPARTMENT_ERROR_DETAILS = {
  'DEPARTMENT.NOT_FOUND': z.object({ departmentId: z.string() }),
  'DEPARTMENT.AREA_INVALID': z.object({ placeId: z.string() }),
  'DISPATCH.TOO_MANY': z.object({ max: z.number() }),
  'DISPATCH.LEAD_EXISTS': z.object({ departmentName: z.string() }),
  'DISPATCH.OUT_OF_AREA': z.object({ departmentName: z.string() }),
  'DISPATCH.ALREADY_DISPATCHED': z.object({ departmentName: z.string() }),
  'DISPATCH.RETURNED_BEFORE': z.object({ departmentName: z.string() }),
  'DISPATCH.NOT_DISPATCHABLE': z.object({ status: requestStatusSchema }),
  'DISPATCH.WRONG_STATE': z.object({ status: dispatchStatusSchema }),
  'DISPATCH.RETURN_TOO_LATE': z.object({ returnBy: z.string() }),
} as const;
