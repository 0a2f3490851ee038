import { formatRate, type RankedRow } from '@linli/shared';
import { FigureTiles } from '../requests/figures-view';

const hours = (h: number | null) => (h === null ? '—' : `${h} 小时`);

/** One department's figures for the month: what it received, how it responded, resolved and was rated. */
export function DepartmentFigures({ row: r, id }: { row: RankedRow; id?: string }) {
  return (
    <FigureTiles
      id={id}
      items={[
        { key: 'received', label: '接单件数', value: String(r.received) },
        { key: 'reportedOnTime', label: '按时报到', value: String(r.reportedOnTime) },
        { key: 'returned', label: '退单', value: String(r.returned) },
        { key: 'overdue', label: '超时', value: String(r.overdue), warn: r.overdue > 0 },
        { key: 'response', label: '响应率（按时报到）', value: formatRate(r.responseRate) },
        { key: 'resolution', label: '解决率（主办办结）', value: formatRate(r.resolutionRate) },
        { key: 'satisfaction', label: '满意率', value: formatRate(r.satisfactionRate) },
        { key: 'report-hours', label: '平均报到用时', value: hours(r.averageHoursToReport) },
        { key: 'resolve-hours', label: '平均办结用时', value: hours(r.averageHoursToResolve) },
      ]}
    />
  );
}
