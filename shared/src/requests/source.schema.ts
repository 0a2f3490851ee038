import { z } from 'zod';

/** Where a request came from; a request without one came from a resident (居民反映). */
export const REQUEST_SOURCES = ['resident', 'patrol', 'workGroup', 'hotline'] as const;
export const requestSourceSchema = z.enum(REQUEST_SOURCES, { message: '请选择诉求来源' });
export type RequestSource = z.infer<typeof requestSourceSchema>;
export const REQUEST_SOURCE_LABELS: Record<RequestSource, string> = {
  resident: '居民反映',
  patrol: '网格巡查',
  workGroup: '工作组收集',
  hotline: '12345 转来',
};
export const sourceOf = (r: { source?: RequestSource | undefined }): RequestSource => r.source ?? 'resident';
