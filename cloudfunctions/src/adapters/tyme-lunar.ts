import type { LunarCalendar } from '@linli/shared';
import { LunarDay, SolarTerm } from 'tyme4ts';

/**
 * Lunar dates and the solar term 清明 from `tyme4ts` (6tail's maintained successor of
 * lunar-javascript, written in TypeScript, no dependencies): it computes both astronomically
 * (寿星天文历), so it answers for any year rather than a table's 1900–2100.
 */
const ymd = (d: { getYear(): number; getMonth(): number; getDay(): number }) =>
  `${d.getYear()}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;

export const tymeLunar: LunarCalendar = {
  solarOf: (lunarYear, month, day) => ymd(LunarDay.fromYmd(lunarYear, month, day).getSolarDay()),
  qingming: (year) => ymd(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay()),
};
