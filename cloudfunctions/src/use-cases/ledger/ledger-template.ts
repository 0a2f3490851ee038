import { LEDGER_TAGS, ok, RELATIONS, type Place, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { compoundRooms } from './ledger-rooms';
import { ledgerBook, XLSX } from './ledger-sheet';

/**
 * The template for a compound: the columns, two example rows from its own rooms, and a sheet of
 * how to fill it in (the relations and marks it accepts, and every building and unit it has).
 */
export async function ledgerTemplate(
  ctx: Ctx,
  _input: { compoundId: string },
  compound: Place,
): Promise<Result<{ fileId: string; fileName: string; url: string }>> {
  const rooms = await compoundRooms(ctx, compound);
  const { book, sheet } = ledgerBook();
  const first = [...rooms.households.keys()][0]?.split('|') ?? ['1号楼', '1单元', '101'];
  sheet.addRow([...first, '张三', '13800000000', '户主', '']);
  sheet.addRow([...first, '李四', '13900000000', '配偶', '党员']);
  const help = book.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 80 }];
  help.addRows([
    ['小区', compound.fullName],
    ['每一行', '一位居民。请从第 2 行起填写，删除示例行；第一行表头不要改。'],
    ['楼栋、单元、房号', '与小区登记一致，如 1号楼、1单元、101（楼栋也可写 1 或 1栋，单元可写 1）。'],
    ['手机号', '11 位手机号或带区号的座机号。居民首次用小程序绑定时填同样的姓名和手机号，即可直接通过。'],
    ['与户主关系', RELATIONS.join('、') + '（一户只能有一位户主；不填算“其他”）'],
    ['身份（可不填）', LEDGER_TAGS.join('、') + '，多个用顿号隔开'],
    ['楼栋和单元', ''],
    ...[...rooms.units].map((u) => ['', u.replace('|', ' ')]),
  ]);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const fileName = `住户台账模板-${compound.name}.xlsx`;
  const fileId = await ctx.ports.files.save({ name: fileName, contentType: XLSX, bytes, ownerOpenid: callerOpenid(ctx) });
  return ok({ fileId, fileName, url: await ctx.ports.files.downloadUrl(fileId) });
}
