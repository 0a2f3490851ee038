import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, RESULT_COLUMN, type RawRow } from '@linli/shared';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = '住户台账';

/** The cells of a row as text, whatever Excel stored (a phone typed as a number, a rich text, a formula's result). */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result);
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value);
}

export type ReadSheet = { ok: true; header: string[]; rows: RawRow[] } | { ok: false };

/** The first sheet's header and rows (empty rows skipped); not a workbook: ok false. */
export async function readLedgerSheet(bytes: Uint8Array): Promise<ReadSheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false };
  const width = LEDGER_COLUMNS.length;
  const cellsOf = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => textOf(r.getCell(i + 1).value).trim());
  const header = cellsOf(sheet.getRow(1));
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = cellsOf(r);
    if (cells.some((c) => c !== '')) rows.push({ row: n, cells });
  });
  return { ok: true, header, rows };
}

/** A workbook in the template's shape: the columns, phones as text, the header frozen. */
export function ledgerBook(extraColumn?: string): { book: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const book = new ExcelJS.Workbook();
  book.creator = '邻里';
  const sheet = book.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [10, 8, 8, 10, 15, 12, 16];
  sheet.columns = [...LEDGER_COLUMNS, ...(extraColumn ? [extraColumn] : [])].map((header, i) => ({
    header,
    width: widths[i] ?? 50,
    style: i === 4 ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  return { book, sheet };
}

export const RESULT_HEADER = RESULT_COLUMN;
