import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { calendarDateSchema, isCalendarDate } from '../common/fields';
import { contracts } from './index';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of an input schema, by path (`settings.closedDates[].date`), down through wrappers. */
function fields(schema: z.ZodType, path: string, out: [string, z.ZodType][]): [string, z.ZodType][] {
  const def = defOf(schema);
  if (def.type === 'object')
    for (const [k, v] of Object.entries(def.shape ?? {})) {
      const at = path ? `${path}.${k}` : k;
      out.push([at, v]);
      fields(v, at, out);
    }
  else if (def.innerType) fields(def.innerType, path, out);
  else if (def.type === 'array' && def.element) fields(def.element, `${path}[]`, out);
  else if (def.type === 'pipe') [def.in, def.out].forEach((s) => s && fields(s, path, out));
  else if (def.type === 'union') def.options?.forEach((s) => fields(s, path, out));
  return out;
}

const inputs = Object.entries(contracts).flatMap(([fn, c]) =>
  Object.entries(c.actions).flatMap(([action, a]) => fields(a.input, '', []).map(([path, s]) => [`${fn}.${action}.${path}`, s] as const)),
);
const dateFields = inputs.filter(([path]) => /(^|\.)date$|Date$/.test(path.replace('[]', '')));
const instantFields = inputs.filter(([path]) => /At$/.test(path));

describe('dates in contracts', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-12-31', true],
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['20261201', false],
  ])('%s is a calendar date: %s', (value, real) => {
    expect(isCalendarDate(value)).toBe(real);
    expect(calendarDateSchema.safeParse(value).success).toBe(real);
  });

  it('says in Chinese what is wrong', () => {
    const impossible = calendarDateSchema.safeParse('2026-02-31');
    expect(impossible.success ? '' : impossible.error.issues[0]?.message).toContain('没有这一天');
    const malformed = calendarDateSchema.safeParse('12/01');
    expect(malformed.success ? '' : malformed.error.issues[0]?.message).toContain('2026-12-01');
  });

  it('finds the date and time fields of every contract (so the checks below cannot pass on nothing)', () => {
    expect(dateFields.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        'booking.slots.date',
        'booking.today.date',
        'booking.roster.date',
        'booking.saveSchedule.settings.closedDates[].date',
      ]),
    );
    expect(instantFields.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        'booking.book.startAt',
        'booking.move.startAt',
        'booking.joinWaitlist.startAt',
        'notices.publish.publishAt',
        'notices.publish.expiresAt',
      ]),
    );
  });

  it('every date a contract accepts is a real calendar date', () => {
    for (const [path, schema] of dateFields) {
      expect(schema.safeParse('2026-02-28').success, path).toBe(true);
      expect(schema.safeParse('2026-02-31').success, path).toBe(false);
    }
  });

  it('every instant a contract accepts is on a real calendar date', () => {
    for (const [path, schema] of instantFields) {
      expect(schema.safeParse('2026-02-28T01:00:00.000Z').success, path).toBe(true);
      expect(schema.safeParse('2026-02-31T01:00:00.000Z').success, path).toBe(false);
    }
  });
});
