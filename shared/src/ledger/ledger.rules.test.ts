import { describe, expect, it } from 'vitest';
import { outcomeText, planLedger, readRow, type CompoundRooms, type RawRow } from './ledger.rules';

const ROOMS: CompoundRooms = {
  buildings: new Set(['1号楼', '2号楼']),
  units: new Set(['1号楼|1单元', '1号楼|2单元', '2号楼|1单元']),
  households: new Map([
    ['1号楼|1单元|101', { _id: 'h-1-1-101', room: '1号楼1单元101' }],
    ['1号楼|1单元|102', { _id: 'h-1-1-102', room: '1号楼1单元102' }],
    ['2号楼|1单元|301', { _id: 'h-2-1-301', room: '2号楼1单元301' }],
  ]),
};
const PLACE = { compoundId: 'p-x', communityId: 'c-x' };
const row = (n: number, ...cells: string[]): RawRow => ({ row: n, cells });

describe('one ledger row on its own', () => {
  it.each([
    [['1号楼', '1单元', '101', '陈秀英', '13804002001', '户主', ''], 'create'],
    [['1', '1', '101', '陈秀英', '138 0400 2001', '户主', ''], 'create'], // 1 → 1号楼, 1 → 1单元, spaces in the phone
    [['1栋', '1单元', '101室', '陈秀英', '+86 13804002001', '', '党员、楼栋长'], 'create'],
    [['1号楼', '1单元', '101', '陈秀英', '024-88886666', '配偶', ''], 'create'], // a landline
    [['3号楼', '1单元', '101', '陈秀英', '13804002001', '户主', ''], '小区里没有“3号楼”，请核对楼栋'],
    [['2号楼', '2单元', '101', '陈秀英', '13804002001', '户主', ''], '2号楼没有“2单元”，请核对单元'],
    [['1号楼', '1单元', '909', '陈秀英', '13804002001', '户主', ''], '1号楼1单元没有房号“909”，请核对房号'],
    [['1号楼', '', '101', '陈秀英', '13804002001', '户主', ''], '楼栋、单元、房号要填全'],
    [['1号楼', '1单元', '101', '', '13804002001', '户主', ''], '姓名没有填'],
    [['1号楼', '1单元', '101', '陈秀英', '', '户主', ''], '手机号没有填'],
    [['1号楼', '1单元', '101', '陈秀英', '1380400200', '户主', ''], '手机号“1380400200”格式不对，请填 11 位手机号或带区号的座机号'],
    [['1号楼', '1单元', '101', '陈秀英', '12804002001', '户主', ''], '手机号“12804002001”格式不对，请填 11 位手机号或带区号的座机号'],
    [['1号楼', '1单元', '101', '陈秀英', '13804002001', '表哥', ''], expect.stringContaining('与户主关系“表哥”不认识')],
    [['1号楼', '1单元', '101', '陈秀英', '13804002001', '户主', '主任'], expect.stringContaining('身份“主任”不认识')],
  ])('%j → %s', (cells, expected) => {
    const plan = readRow(row(2, ...cells), ROOMS, PLACE.compoundId, PLACE.communityId);
    if (expected === 'create') expect(plan.outcome).toBe('create');
    else expect(plan).toMatchObject({ outcome: 'error', reason: expected });
  });

  it('keeps the room, the normalised phone, the relation (其他 when left empty) and sorted marks', () => {
    const plan = readRow(row(2, '1栋', '1单元', '101室', '陈秀英', '+86 13804002001', '', '楼栋长 党员'), ROOMS, 'p-x', 'c-x');
    expect(plan).toMatchObject({
      outcome: 'create',
      resident: {
        _id: 'h-1-1-101:陈秀英',
        householdId: 'h-1-1-101',
        room: '1号楼1单元101',
        phone: '13804002001',
        relation: '其他',
        tags: ['党员', '楼栋长'],
      },
    });
  });
});

describe('the rows against each other and against what is stored', () => {
  const rows = [
    row(2, '1号楼', '1单元', '101', '陈秀英', '13804002001', '户主'),
    row(3, '1号楼', '1单元', '101', '王大山', '13804002002', '户主'),
    row(4, '1号楼', '1单元', '101', '陈秀英', '13804002009', '配偶'),
    row(5, '1号楼', '1单元', '102', '李四', '13804002003', '户主'),
    row(6, '2号楼', '1单元', '301', '赵六', '13804002004', '租户'),
    row(7, '1号楼', '1单元', '102', '钱七', '13804002005', '子女'),
  ];
  const existing = new Map([
    ['h-1-1-102:李四', { phone: '13804002003', relation: '户主' as const, tags: [] }],
    ['h-2-1-301:赵六', { phone: '13900000000', relation: '租户' as const, tags: [] }],
  ]);

  it('two householders, the same person twice, unchanged, update with what changes, create', () => {
    const plans = planLedger(rows, ROOMS, existing, PLACE);
    expect(plans.map(outcomeText)).toEqual([
      '新增',
      '错误：1号楼1单元101有两位户主（另一位在第 2 行），一户只能有一位户主',
      '错误：与第 2 行重复：同一户（1号楼1单元101）里同一个人填了两次',
      '无变化',
      '更新：手机号',
      '新增',
    ]);
  });

  it('applied, the same file again changes nothing', () => {
    const applied = new Map(
      planLedger(rows, ROOMS, existing, PLACE).flatMap((p) => (p.outcome === 'error' ? [] : [[p.resident._id, p.resident] as const])),
    );
    const again = planLedger(rows, ROOMS, applied, PLACE);
    expect(again.filter((p) => p.outcome !== 'error').every((p) => p.outcome === 'unchanged')).toBe(true);
  });
});
