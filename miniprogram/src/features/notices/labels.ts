import {
  formatShanghai,
  isUrgentCategory,
  NOTICE_CATEGORY_LABELS,
  NOTICE_STATE_LABELS,
  SUNSHINE_TYPE_LABELS,
  type NoticeCategory,
  type NoticeState,
  type SunshineType,
} from '@linli/shared';

/** The label on a notice: 紧急 red, 停水停电 amber, 阳光三务 with its type. */
export function categoryTag(category: NoticeCategory, sunshineType: SunshineType | null): { text: string; className: string } {
  const text = category === 'sunshine' && sunshineType ? `${SUNSHINE_TYPE_LABELS[sunshineType]}公开` : NOTICE_CATEGORY_LABELS[category];
  const className =
    category === 'urgent' ? 'tag tag-urgent' : category === 'outage' ? 'tag tag-warn' : category === 'sunshine' ? 'tag tag-ok' : 'tag';
  return { text, className };
}

export const isTopTier = (n: { category: NoticeCategory; pinned: boolean }) => isUrgentCategory(n.category) || n.pinned;

/** 11月20日 10:00 this year, 2025年11月20日 10:00 otherwise: Shanghai time whatever the phone's zone. */
export function when(iso: string, now = new Date()): string {
  return formatShanghai(iso, formatShanghai(iso, 'YYYY') === formatShanghai(now, 'YYYY') ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

export const stateLabel = (state: NoticeState) => NOTICE_STATE_LABELS[state];

/** 3 / 12 → "25%"; nothing to count → "—". */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}
