import ExcelJS from 'exceljs';
import {
  CATEGORY_CONFIG,
  CLOSURE_LABELS,
  err,
  ESCALATION_LABELS,
  formatShanghai,
  isOverdue,
  ok,
  PERIOD_LABELS,
  REQUEST_SOURCE_LABELS,
  sourceOf,
  periodRange,
  REQUEST_STATUS_LABELS,
  SATISFACTION_LABELS,
  shanghaiInstant,
  TIER_LABELS,
  TRIAGE_LABELS,
  dayjs,
  type DispatchDoc,
  type Period,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { foldStats } from './fold-stats';
import { figuresOf } from './get-figures';
import { LEVEL_FIELD } from './load-detail';
import { proxyLine } from './request-views';

/** A ledger is read by people, so one file holds at most this many rows; a longer period is split by the staff. */
const MAX_ROWS = 20_000;
/** Requests whose parts one read asks for (at most 6 parts each: under a read's 1000 documents). */
const PARTS_AT_ONCE = 150;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const time = (iso: string | undefined) => (iso ? formatShanghai(iso) : '');

/**
 * The ledger (台账) of a place over a period as an .xlsx file: one row per request reported in
 * the period, and a sheet with the figures. The resident's phone is left out: a ledger travels.
 */
export async function exportLedger(
  ctx: Ctx,
  input: { placeId: string; period: Period },
): Promise<Result<{ fileId: string; fileName: string; url: string; rows: number }>> {
  const { store, clock, files } = ctx.ports;
  const now = clock.now();
  // its figures sheet counts the steps' rows not yet added, as a figures read does (fold-stats.ts)
  const [place] = await Promise.all([store.get(COLLECTIONS.places, input.placeId), foldStats(ctx, { pages: 1 })]);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.placeId });
  const field = LEVEL_FIELD[place.kind];
  if (!field) return err('PLACE.NOT_A_COMPOUND');
  const range = periodRange(input.period, now);
  const from = shanghaiInstant(range.from).toISOString();
  const until = shanghaiInstant(dayjs.utc(range.to).add(1, 'day').format('YYYY-MM-DD')).toISOString();
  const requests = await findAll(
    store,
    COLLECTIONS.requests,
    { [field]: place._id, createdAt: { gte: from, lt: until } },
    [['createdAt', 'desc']],
    MAX_ROWS,
  );

  // the departments' parts of the dispatched ones (大事), by request, a page of ids at a time
  const parts = new Map<string, DispatchDoc[]>();
  const major = requests.filter((r) => r.track === 'major').map((r) => r._id);
  for (let i = 0; i < major.length; i += PARTS_AT_ONCE)
    for (const p of await findAll(
      store,
      COLLECTIONS.dispatches,
      { requestId: { in: major.slice(i, i + PARTS_AT_ONCE) } },
      [
        ['requestId', 'asc'],
        ['dispatchedAt', 'asc'],
      ],
      MAX_ROWS,
    ))
      parts.set(p.requestId, [...(parts.get(p.requestId) ?? []), p]);
  const names = (ps: DispatchDoc[]) => ps.map((p) => p.departmentName).join('、');

  const book = new ExcelJS.Workbook();
  book.creator = '邻里';
  book.created = now;
  const sheet = book.addWorksheet('诉求台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '编号', key: 'id', width: 22 },
    { header: '反映时间', key: 'createdAt', width: 17 },
    { header: '小区', key: 'compound', width: 14 },
    { header: '类别', key: 'category', width: 12 },
    { header: '紧急', key: 'emergency', width: 6 },
    { header: '问题描述', key: 'description', width: 40 },
    { header: '位置', key: 'location', width: 16 },
    { header: '反映人', key: 'reporter', width: 16 },
    { header: '来源', key: 'source', width: 10 },
    { header: '附议人数', key: 'followers', width: 8 },
    { header: '状态', key: 'status', width: 10 },
    { header: '分流', key: 'track', width: 6 },
    { header: '办理人', key: 'handler', width: 16 },
    { header: '时限', key: 'tier', width: 18 },
    { header: '受理时间', key: 'acceptedAt', width: 17 },
    { header: '按时受理', key: 'onTime', width: 8 },
    { header: '当前期限', key: 'deadline', width: 17 },
    { header: '超时', key: 'overdue', width: 6 },
    { header: '督办级别', key: 'level', width: 8 },
    { header: '主办部门', key: 'lead', width: 18 },
    { header: '协办部门', key: 'co', width: 22 },
    { header: '派单时间', key: 'dispatchedAt', width: 17 },
    { header: '报到时限', key: 'reportBy', width: 17 },
    { header: '报到时间', key: 'arrivedAt', width: 17 },
    { header: '按时报到', key: 'arrivedOnTime', width: 8 },
    { header: '退单', key: 'returned', width: 30 },
    { header: '部门督办次数', key: 'deptEscalations', width: 10 },
    { header: '办理结果', key: 'result', width: 30 },
    { header: '办结时间', key: 'closedAt', width: 17 },
    { header: '办结方式', key: 'closure', width: 20 },
    { header: '是否解决', key: 'solved', width: 8 },
    { header: '满意度', key: 'satisfaction', width: 8 },
    { header: '评价', key: 'comment', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of requests) {
    const mine = parts.get(r._id) ?? [];
    const lead = mine.filter((p) => p.role === 'lead' && p.status !== 'returned');
    const arrived = lead[0] ?? mine.find((p) => p.arrivedAt);
    sheet.addRow({
      id: r._id,
      createdAt: time(r.createdAt),
      compound: r.compoundName,
      category: CATEGORY_CONFIG[r.category].label,
      emergency: r.emergency ? '是' : '',
      description: r.description,
      location: r.location.text,
      reporter: r.proxy ? proxyLine(r) : r.reporter.name,
      source: REQUEST_SOURCE_LABELS[sourceOf(r)],
      followers: r.followerCount,
      status: REQUEST_STATUS_LABELS[r.status],
      track: r.track ? TRIAGE_LABELS[r.track].label : '',
      handler: r.handler ? `${r.handler.roleLabel} ${r.handler.name}` : '',
      tier: TIER_LABELS[r.tier],
      acceptedAt: time(r.acceptedAt),
      onTime: r.acceptedAt ? (r.acceptedOnTime ? '是' : '否') : '',
      deadline: time(r.deadlineAt),
      overdue: isOverdue(r, now) ? '是' : '',
      level: ESCALATION_LABELS[r.escalationLevel],
      lead: names(lead),
      co: names(mine.filter((p) => p.role !== 'lead' && p.status !== 'returned')),
      dispatchedAt: time(mine[0]?.dispatchedAt),
      reportBy: time(arrived?.reportBy ?? mine[0]?.reportBy),
      arrivedAt: time(arrived?.arrivedAt),
      arrivedOnTime: arrived?.arrivedAt ? (arrived.arrivedOnTime ? '是' : '否') : '',
      returned: mine
        .filter((p) => p.status === 'returned')
        .map((p) => `${p.departmentName}：${p.returnReason ?? ''}`)
        .join('；'),
      deptEscalations: mine.length ? mine.reduce((n, p) => n + p.escalations, 0) : '',
      result: r.result ?? r.guidance ?? '',
      closedAt: time(r.closedAt),
      closure: r.closure ? CLOSURE_LABELS[r.closure] : r.status === 'merged' ? '已合并' : '',
      solved: r.rating ? (r.rating.solved ? '是' : '否') : '',
      satisfaction: r.rating ? SATISFACTION_LABELS[r.rating.satisfaction] : '',
      comment: r.rating?.comment ?? '',
    });
  }

  const { figures } = await figuresOf(ctx, place, input.period);
  const summary = book.addWorksheet('统计');
  summary.columns = [
    { header: '指标', key: 'name', width: 24 },
    { header: '数值', key: 'value', width: 16 },
  ];
  summary.getRow(1).font = { bold: true };
  const rate = (v: number | null) => (v === null ? '—' : `${v}%`);
  summary.addRows([
    { name: '地点', value: place.fullName },
    { name: '期间', value: `${PERIOD_LABELS[input.period]}（${range.from} 至 ${range.to}）` },
    { name: '反映件数', value: figures.submitted },
    { name: '受理件数', value: figures.accepted },
    { name: '办结件数', value: figures.closed },
    { name: '响应率（按时受理）', value: rate(figures.responseRate) },
    { name: '解决率', value: rate(figures.resolutionRate) },
    { name: '满意率', value: rate(figures.satisfactionRate) },
    { name: '办结率', value: rate(figures.completionRate) },
    { name: '平均办理时长（小时）', value: figures.avgHandlingHours ?? '—' },
    { name: '当前超时件数', value: figures.overdueNow },
    { name: '导出时间', value: formatShanghai(now) },
  ]);

  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const fileName = `诉求台账-${place.name}-${range.from}至${range.to}.xlsx`;
  const fileId = await files.save({ name: fileName, contentType: XLSX, bytes, ownerOpenid: callerOpenid(ctx) });
  return ok({ fileId, fileName, url: await files.downloadUrl(fileId), rows: requests.length });
}
