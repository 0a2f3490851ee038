import type { WeeklyRule } from '@linli/shared';

/** One opening as staff think of it: the same hours on several weekdays. */
export interface OpeningBlock {
  days: number[];
  start: string;
  end: string;
}

/** Weekly rules with the same hours become one block, in the order they first appear. */
export function toBlocks(rules: readonly WeeklyRule[]): OpeningBlock[] {
  const blocks: OpeningBlock[] = [];
  for (const r of rules) {
    const same = blocks.find((b) => b.start === r.start && b.end === r.end);
    if (same) same.days = [...same.days, r.weekday].sort((a, b) => a - b);
    else blocks.push({ days: [r.weekday], start: r.start, end: r.end });
  }
  return blocks;
}

export const toRules = (blocks: readonly OpeningBlock[]): WeeklyRule[] =>
  blocks.flatMap((b) => b.days.map((weekday) => ({ weekday, start: b.start.trim(), end: b.end.trim() })));
