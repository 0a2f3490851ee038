import { z } from 'zod';
import { normalizePhone, PHONE_PATTERN } from '../common/fields';

/**
 * The household ledger (住户台账) a community keeps in Excel: one row per resident, placed by
 * 楼栋 / 单元 / 房号 in a compound. Pure rules: reading a row, checking it against the compound's
 * rooms and the other rows, and what applying it would do to what is stored.
 */

/** The template's columns, in order; the dry run's file adds RESULT_COLUMN after them. */
export const LEDGER_COLUMNS = ['楼栋', '单元', '房号', '姓名', '手机号', '与户主关系', '身份（可不填）'] as const;
export const RESULT_COLUMN = '导入结果';

export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙辈', '兄弟姐妹', '其他亲属', '租户', '其他'] as const;
export type Relation = (typeof RELATIONS)[number];
/** Optional marks a street asks for: 三长五员 helpers below the team, and party members. */
export const LEDGER_TAGS = ['党员', '楼栋长', '单元长', '志愿者'] as const;
export type LedgerTag = (typeof LEDGER_TAGS)[number];

export const LEDGER_OUTCOMES = ['create', 'update', 'unchanged', 'error'] as const;
export type LedgerOutcome = (typeof LEDGER_OUTCOMES)[number];
export const LEDGER_OUTCOME_LABELS: Record<LedgerOutcome, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  error: '有错误',
};

/** A resident as the ledger keeps them: id `${householdId}:${name}`, so a row always lands on the same document. */
export const ledgerResidentSchema = z.object({
  _id: z.string(),
  householdId: z.string(),
  compoundId: z.string(),
  communityId: z.string(),
  /** 1号楼1单元101, for lists and search. */
  room: z.string(),
  name: z.string(),
  phone: z.string(),
  relation: z.enum(RELATIONS),
  tags: z.array(z.enum(LEDGER_TAGS)),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type LedgerResident = z.infer<typeof ledgerResidentSchema>;

export const ledgerResidentId = (householdId: string, name: string) => `${householdId}:${name}`;

/** One row as read from the sheet: the cells as text, and the sheet's row number (1 = the header). */
export type RawRow = { row: number; cells: string[] };

/** What the compound holds: household id by `楼栋|单元|房号`, and the building and unit names. */
export interface CompoundRooms {
  households: ReadonlyMap<string, { _id: string; room: string }>;
  buildings: ReadonlySet<string>;
  /** `楼栋|单元` */
  units: ReadonlySet<string>;
}

export type RowPlan =
  | { row: number; outcome: 'error'; reason: string }
  | { row: number; outcome: Exclude<LedgerOutcome, 'error'>; resident: Omit<LedgerResident, 'updatedAt' | 'updatedBy'>; changes: string[] };

const cell = (cells: string[], i: number) => (cells[i] ?? '').replace(/\s+/g, ' ').trim();
/** 1 → 1号楼, 1栋 → 1号楼; 2 → 2单元; a room 0101 stays as written. */
const buildingName = (s: string) => (/^\d+$/.test(s) ? `${s}号楼` : s.replace(/^(\d+)(栋|幢|号)$/, '$1号楼'));
const unitName = (s: string) => (/^\d+$/.test(s) ? `${s}单元` : s);
const roomName = (s: string) => s.replace(/室$/, '');

/** Reads and checks one row on its own (the compound's rooms, the phone, the name, the relation and marks). */
export function readRow(raw: RawRow, rooms: CompoundRooms, compoundId: string, communityId: string): RowPlan {
  const c = (i: number) => cell(raw.cells, i);
  const fail = (reason: string): RowPlan => ({ row: raw.row, outcome: 'error', reason });
  const [b, u, r, name, phoneRaw, relationRaw, tagsRaw] = [0, 1, 2, 3, 4, 5, 6].map(c) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!b || !u || !r) return fail('楼栋、单元、房号要填全');
  const building = buildingName(b);
  const unit = unitName(u);
  const room = roomName(r);
  if (!rooms.buildings.has(building)) return fail(`小区里没有“${building}”，请核对楼栋`);
  if (!rooms.units.has(`${building}|${unit}`)) return fail(`${building}没有“${unit}”，请核对单元`);
  const household = rooms.households.get(`${building}|${unit}|${room}`);
  if (!household) return fail(`${building}${unit}没有房号“${room}”，请核对房号`);
  if (!name) return fail('姓名没有填');
  if (name.length > 20) return fail('姓名最多 20 个字');
  if (!phoneRaw) return fail('手机号没有填');
  const phone = normalizePhone(phoneRaw);
  if (!PHONE_PATTERN.test(phone)) return fail(`手机号“${phoneRaw}”格式不对，请填 11 位手机号或带区号的座机号`);
  const relation = (relationRaw || '其他') as Relation;
  if (!RELATIONS.includes(relation)) return fail(`与户主关系“${relationRaw}”不认识，请填：${RELATIONS.join('、')}`);
  const tags: LedgerTag[] = [];
  for (const t of tagsRaw.split(/[、,，;；\s]+/).filter(Boolean)) {
    if (!(LEDGER_TAGS as readonly string[]).includes(t)) return fail(`身份“${t}”不认识，请填：${LEDGER_TAGS.join('、')}，或不填`);
    if (!tags.includes(t as LedgerTag)) tags.push(t as LedgerTag);
  }
  return {
    row: raw.row,
    outcome: 'create',
    changes: [],
    resident: {
      _id: ledgerResidentId(household._id, name),
      householdId: household._id,
      compoundId,
      communityId,
      room: household.room,
      name,
      phone,
      relation,
      tags: tags.sort(),
    },
  };
}

const FIELDS = [
  ['phone', '手机号'],
  ['relation', '与户主关系'],
  ['tags', '身份'],
] as const;

/**
 * Every row's outcome: the row's own checks, then against the other rows (the same person twice
 * in one household, two 户主 in one household), then against what is stored: create, update
 * (with what changes) or unchanged. A row that repeats an earlier one is the error, not both.
 */
export function planLedger(
  rows: readonly RawRow[],
  rooms: CompoundRooms,
  existing: ReadonlyMap<string, Pick<LedgerResident, 'phone' | 'relation' | 'tags'>>,
  place: { compoundId: string; communityId: string },
): RowPlan[] {
  const seen = new Map<string, number>();
  const head = new Map<string, number>();
  return rows.map((raw) => {
    const plan = readRow(raw, rooms, place.compoundId, place.communityId);
    if (plan.outcome === 'error') return plan;
    const r = plan.resident;
    const twin = seen.get(r._id);
    if (twin !== undefined) return { row: raw.row, outcome: 'error', reason: `与第 ${twin} 行重复：同一户（${r.room}）里同一个人填了两次` };
    seen.set(r._id, raw.row);
    if (r.relation === '户主') {
      const other = head.get(r.householdId);
      if (other !== undefined)
        return { row: raw.row, outcome: 'error', reason: `${r.room}有两位户主（另一位在第 ${other} 行），一户只能有一位户主` };
      head.set(r.householdId, raw.row);
    }
    const before = existing.get(r._id);
    if (!before) return plan;
    const changes = FIELDS.filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(r[k])).map(([, label]) => label);
    return { ...plan, outcome: changes.length ? 'update' : 'unchanged', changes };
  });
}

/** The text of a row's outcome in the result column. */
export function outcomeText(plan: RowPlan): string {
  if (plan.outcome === 'error') return `错误：${plan.reason}`;
  if (plan.outcome === 'update') return `更新：${plan.changes.join('、')}`;
  return LEDGER_OUTCOME_LABELS[plan.outcome];
}

export type LedgerCounts = Record<LedgerOutcome, number>;
export function countOutcomes(plans: readonly RowPlan[]): LedgerCounts {
  const counts: LedgerCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const p of plans) counts[p.outcome]++;
  return counts;
}
