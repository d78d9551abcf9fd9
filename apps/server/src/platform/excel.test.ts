import { computeIdCardCheck, creditCode, idCardNumber, mobilePhone } from '@wenming/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors';
import {
  type ImportColumn,
  cellText,
  readSheetRows,
  validateRows,
  writeErrorReport,
  writeTemplate,
  writeWorkbook,
} from './excel';

const columns: ImportColumn[] = [
  { key: 'name', header: ['姓名', '姓名', 'name'], required: true },
  { key: 'idCard', header: ['身份证号', '身分證號', 'ID number'] },
  { key: 'phone', header: ['手机号', '手機號', 'phone'] },
  { key: 'joined', header: ['入职日期', '到職日期', 'joined'] },
];

async function book(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const idCard = (first17: string) => first17 + computeIdCardCheck(first17);

describe('cellText', () => {
  it('turns numbers, dates, rich text, formulas and hyperlinks into trimmed strings', () => {
    expect(cellText(110101199003077000)).toBe('110101199003077000');
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(cellText({ richText: [{ text: ' 张' }, { text: '三 ' }] })).toBe('张三');
    expect(cellText({ formula: 'A1&B1', result: '李四' } as ExcelJS.CellFormulaValue)).toBe('李四');
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellText('   ')).toBeNull();
    expect(cellText(null)).toBeNull();
  });
});

describe('readSheetRows', () => {
  it('finds the header below a title and notes, maps headers in any language, skips blank rows', async () => {
    const buf = await book([
      ['人员导入'],
      ['说明：带 * 的列必填'],
      [],
      ['姓名*', 'ID number', '手機號（选填）', '备注'],
      ['张三', idCard('11010119900307777'), 13812345678, 'x'],
      [],
      [null, null, null, '只有备注'],
      ['李四', null, ' 13912345678 '],
    ]);
    const { headerRow, rows } = await readSheetRows(buf, { columns, maxRows: 100 });
    expect(headerRow).toBe(4);
    expect(rows).toEqual([
      { row: 5, values: { name: '张三', idCard: idCard('11010119900307777'), phone: '13812345678', joined: null } },
      { row: 8, values: { name: '李四', idCard: null, phone: '13912345678', joined: null } },
    ]);
  });

  it('keeps ID numbers typed as numbers out of exponent form, and dates as YYYY-MM-DD', async () => {
    const buf = await book(
      [
        ['姓名', '身份证号', '入职日期'],
        ['王五', 110101199003077000, new Date(Date.UTC(2023, 0, 9))],
      ],
      (ws) => {
        ws.getCell('B2').numFmt = '0';
      },
    );
    const { rows } = await readSheetRows(buf, { columns, maxRows: 10 });
    expect(rows[0].values).toMatchObject({ idCard: '110101199003077000', joined: '2023-01-09' });
  });

  it('reads formula results and rich text', async () => {
    const buf = await book(
      [
        ['姓名', '手机号'],
        [{ richText: [{ text: '赵' }, { text: '六', font: { bold: true } }] }, null],
      ],
      (ws) => {
        ws.getCell('B2').value = { formula: '"139"&"00001111"', result: '13900001111' };
      },
    );
    const { rows } = await readSheetRows(buf, { columns, maxRows: 10 });
    expect(rows[0].values).toMatchObject({ name: '赵六', phone: '13900001111' });
  });

  it('names the missing required header', async () => {
    const buf = await book([
      ['身份证号', '手机号'],
      ['x', 'y'],
    ]);
    const err = await readSheetRows(buf, { columns, maxRows: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('IMPORT_HEADER_MISSING');
    expect(err.details).toEqual({ missing: ['姓名'], keys: ['name'] });
  });

  it('refuses files that are not xlsx and files over the row limit', async () => {
    const notXlsx = await readSheetRows(Buffer.from('name,id\n'), { columns, maxRows: 10 }).catch((e) => e);
    expect(notXlsx.code).toBe('IMPORT_FILE_UNREADABLE');
    const big = await book([['姓名'], ['a'], ['b'], ['c']]);
    const tooMany = await readSheetRows(big, { columns, maxRows: 2 }).catch((e) => e);
    expect(tooMany.code).toBe('IMPORT_TOO_MANY_ROWS');
  });
});

describe('validateRows', () => {
  const schema = z.object({
    name: z.string().trim().min(1).max(5),
    idCard: idCardNumber.optional(),
    phone: mobilePhone.optional(),
    code: creditCode.optional(),
    kind: z.enum(['a', 'b']).default('a'),
  });

  it('reports every bad field of every row with its row number, in the language asked', () => {
    const rows = [
      { row: 3, values: { name: '张三', idCard: idCard('11010119900307777'), phone: null, code: null, kind: null } },
      { row: 4, values: { name: null, idCard: '110101199003077770', phone: '12345', code: null, kind: 'c' } },
      { row: 6, values: { name: '太长的名字啊', idCard: null, phone: null, code: '91110000600037341X', kind: null } },
    ];
    const { valid, errors } = validateRows(rows, schema, { lang: 'zh-CN' });
    expect(valid).toEqual([{ row: 3, data: { name: '张三', idCard: idCard('11010119900307777'), kind: 'a' } }]);
    expect(errors).toEqual([
      { row: 4, field: 'name', message: '名称：必填' },
      { row: 4, field: 'idCard', message: '身份证号：不是有效的居民身份证号码（校验位不符）' },
      { row: 4, field: 'phone', message: '手机号：不是有效的手机号码' },
      { row: 4, field: 'kind', message: '类别：不是允许的取值' },
      { row: 6, field: 'name', message: '名称：太长或太大' },
      { row: 6, field: 'code', message: '代码：不是有效的统一社会信用代码（校验位不符）' },
    ]);
  });

  it('maps zod paths to field names and translates', () => {
    const { errors } = validateRows([{ row: 2, values: { name: null } }], schema, {
      lang: 'en',
      fieldFor: (p) => (p === 'name' ? 'username' : p),
    });
    expect(errors).toEqual([{ row: 2, field: 'username', message: 'username required' }]);
  });
});

describe('writing workbooks', () => {
  it('writes a styled sheet that reads back, with title, frozen header and filter', async () => {
    const buf = await writeWorkbook({
      sheetName: '单位',
      title: '单位名录',
      columns: [
        { key: 'name', header: '姓名' },
        { key: 'idCard', header: '身份证号', text: true },
      ],
      rows: [{ name: '张三', idCard: '110101199003077777' }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const { rows } = await readSheetRows(buf, { columns, maxRows: 10 });
    expect(rows).toEqual([
      { row: 3, values: { name: '张三', idCard: '110101199003077777', phone: null, joined: null } },
    ]);
  });

  it('writes an error report with row, field label and message', async () => {
    const buf = await writeErrorReport(
      [
        { row: 7, field: 'idCard', message: '身份证号：必填' },
        { row: 3, message: '整行：x' },
      ],
      'zh-CN',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['行号', '字段', '错误']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([3, '', '整行：x']);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([7, '身份证号', '身份证号：必填']);
  });

  it('writes a template whose header the reader accepts', async () => {
    const buf = await writeTemplate(columns, { name: '示例', idCard: idCard('11010119900307777') });
    const { rows } = await readSheetRows(buf, { columns, maxRows: 10 });
    expect(rows[0].values.idCard).toBe(idCard('11010119900307777'));
  });
});
