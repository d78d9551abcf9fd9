// Reading and writing spreadsheets for every module's import and export (exceljs, xlsx only).
import {
  type Language,
  type RowError,
  fieldLabels,
  translateFieldProblem,
  validationMessages,
} from '@wenming/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { fail } from './errors';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column an import reads: its key and every header text it is known by (zh-CN first, then zh-TW, en). */
export interface ImportColumn {
  key: string;
  header: string[];
  required?: boolean;
}

export interface SheetRow<V = Record<string, string | null>> {
  /** 1-based row number as Excel shows it. */
  row: number;
  values: V;
}

/** Rows the header is looked for in: sheets often start with a title and notes. */
const HEADER_SCAN_ROWS = 10;

/** "所属区划（代码或名称）*" → "所属区划": spaces, required-markers and explanations in brackets ignored. */
function normaliseHeader(text: string): string {
  return text
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s\u3000*＊:：]/g, '')
    .toLowerCase();
}

/** A number as Excel displays it: 15 significant digits, never in exponent form. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number(n.toPrecision(15)).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function formatDate(d: Date): string {
  // exceljs gives wall-clock dates as UTC instants.
  const iso = d.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Any cell value as a trimmed string, or null when empty. */
export function cellText(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  const v = value as any;
  if (Array.isArray(v.richText)) return cellText(v.richText.map((t: { text: string }) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  if ('error' in v) return String(v.error);
  return null;
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as any);
  } catch {
    throw fail('IMPORT_FILE_UNREADABLE');
  }
  return wb;
}

interface HeaderMatch {
  ws: ExcelJS.Worksheet;
  rowNumber: number;
  colOf: Map<string, number>;
}

function matchHeaderRow(row: ExcelJS.Row, columns: ImportColumn[]): Map<string, number> {
  const accepted = columns.map((c) => ({ key: c.key, texts: new Set(c.header.map(normaliseHeader)) }));
  const colOf = new Map<string, number>();
  row.eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (!text) return;
    const hit = accepted.find((a) => !colOf.has(a.key) && a.texts.has(normaliseHeader(text)));
    if (hit) colOf.set(hit.key, col);
  });
  return colOf;
}

/** The row (in any sheet, among the first rows) that names the most columns. */
function findHeader(wb: ExcelJS.Workbook, columns: ImportColumn[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
      const colOf = matchHeaderRow(ws.getRow(r), columns);
      if (colOf.size > (best?.colOf.size ?? 0)) best = { ws, rowNumber: r, colOf };
    }
  }
  return best;
}

/**
 * Data rows of a workbook under its header row, blank rows skipped. Throws IMPORT_HEADER_MISSING
 * (details.missing: header texts, details.keys: column keys) when a required column is absent.
 */
export async function readSheetRows(
  buffer: Buffer,
  opts: { columns: ImportColumn[]; maxRows: number },
): Promise<{ headerRow: number; rows: SheetRow[] }> {
  const header = findHeader(await loadWorkbook(buffer), opts.columns);
  const missing = opts.columns.filter((c) => c.required && !header?.colOf.has(c.key));
  if (!header || missing.length) {
    const absent = header ? missing : opts.columns.filter((c) => c.required);
    throw fail('IMPORT_HEADER_MISSING', {
      missing: absent.map((c) => c.header[0]),
      keys: absent.map((c) => c.key),
    });
  }
  const rows: SheetRow[] = [];
  header.ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= header.rowNumber) return;
    const values: Record<string, string | null> = {};
    let blank = true;
    for (const c of opts.columns) {
      const col = header.colOf.get(c.key);
      values[c.key] = col ? cellText(row.getCell(col).value) : null;
      if (values[c.key] !== null) blank = false;
    }
    if (!blank) rows.push({ row: rowNumber, values });
  });
  if (rows.length > opts.maxRows) throw fail('IMPORT_TOO_MANY_ROWS', { maxRows: opts.maxRows });
  return { headerRow: header.rowNumber, rows };
}

/** The validationMessages key of a zod issue; `input` is the row the issue was raised on. */
function issueKey(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  if (validationMessages[issue.message]) return issue.message;
  const value = issue.path.length ? input[String(issue.path[0])] : input;
  if (value === undefined) return 'required';
  if (issue.code === 'custom') return 'invalid_format';
  return validationMessages[issue.code] ? issue.code : 'invalid_format';
}

export interface ValidateOptions {
  lang: Language;
  /** Field name (a fieldLabels key) for a zod issue path such as `regionCode`; identity by default. */
  fieldFor?: (path: string) => string;
}

/**
 * Validate each row with a zod schema. Empty cells count as absent (so defaults apply); every
 * field's first problem becomes a RowError with its message in the given language.
 */
export function validateRows<T>(
  rows: SheetRow<Record<string, unknown>>[],
  schema: z.ZodType<T>,
  opts: ValidateOptions,
): { valid: { row: number; data: T }[]; errors: RowError[] } {
  const valid: { row: number; data: T }[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const input = Object.fromEntries(
      Object.entries(r.values).filter(([, v]) => v !== null && v !== undefined && v !== ''),
    );
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      valid.push({ row: r.row, data: parsed.data });
      continue;
    }
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = (opts.fieldFor ?? ((p: string) => p))(issue.path.map(String).join('.') || 'row');
      if (seen.has(field)) continue;
      seen.add(field);
      errors.push({ row: r.row, field, message: rowProblem(field, issueKey(issue, input), opts.lang) });
    }
  }
  return { valid, errors };
}

const langIndex: Record<Language, number> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** translateFieldProblem with placeholders such as `{row}` filled in. */
export function rowProblem(
  field: string,
  key: string,
  lang: Language,
  vars: Record<string, string | number> = {},
): string {
  let msg = translateFieldProblem(field, key, lang);
  for (const [k, v] of Object.entries(vars)) msg = msg.replaceAll(`{${k}}`, String(v));
  return msg;
}

/** Errors in row order (stable: a row's own problems keep the order they were found in). */
export function sortRowErrors(errors: RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}

export interface ExportColumn {
  key: string;
  header: string;
  width?: number;
  /** Cell format "text", so that typed ID numbers keep their digits. */
  text?: boolean;
}

/** Header and title cells styled; header frozen with an auto filter. */
function styleSheet(ws: ExcelJS.Worksheet, headerRow: number, count: number, title?: string) {
  if (title) {
    ws.mergeCells(1, 1, 1, count);
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
  }
  const header = ws.getRow(headerRow);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: count } };
}

export interface SheetInput {
  sheetName: string;
  title?: string;
  /** Lines between the title and the header (notes, totals), one merged row each. */
  notes?: string[];
  columns: ExportColumn[];
  rows: Record<string, unknown>[];
}

/** Add one styled sheet to a workbook (what writeWorkbook writes; for files of several sheets). */
export function addSheet(wb: ExcelJS.Workbook, input: SheetInput): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(input.sheetName.slice(0, 31));
  ws.columns = input.columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4),
    style: c.text ? { numFmt: '@' } : {},
  }));
  if (input.title) ws.addRow([input.title]);
  for (const note of input.notes ?? []) ws.mergeCells(ws.addRow([note]).number, 1, ws.rowCount, input.columns.length);
  const headerRow = ws.addRow(input.columns.map((c) => c.header)).number;
  for (const r of input.rows) ws.addRow(input.columns.map((c) => r[c.key] ?? null));
  styleSheet(ws, headerRow, input.columns.length, input.title);
  return ws;
}

/** An xlsx of one sheet: optional title row, styled header, one row per record (keys of columns). */
export async function writeWorkbook(input: SheetInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet as text cells (1-based like Excel) with its merged ranges: covered cells carry the master's text. */
export interface SheetGrid {
  name: string;
  rowCount: number;
  columnCount: number;
  text(row: number, col: number): string | null;
  mergeAt(row: number, col: number): MergeRange | null;
}

function parseRange(ref: string): MergeRange {
  const [a, b] = ref.split(':').map((x) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  });
  return { top: a.row, left: a.col, bottom: (b ?? a).row, right: (b ?? a).col };
}

function toGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells = new Map<number, (string | null)[]>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const texts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      texts[c] = cellText(cell.value);
    });
    cells.set(r, texts);
  });
  const merges = new Map<string, MergeRange>();
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = parseRange(ref);
    const master = cells.get(m.top)?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      if (!cells.has(r)) cells.set(r, []);
      for (let c = m.left; c <= m.right; c++) {
        merges.set(`${r}:${c}`, m);
        cells.get(r)![c] = master;
      }
    }
  }
  return {
    name: ws.name,
    rowCount: Math.max(0, ...cells.keys()),
    columnCount: Math.max(0, ...[...cells.values()].map((t) => t.length - 1)),
    text: (r, c) => cells.get(r)?.[c] ?? null,
    mergeAt: (r, c) => merges.get(`${r}:${c}`) ?? null,
  };
}

/** Every sheet of a workbook as a grid with merged cells resolved (for layouts readSheetRows cannot read). */
export async function readWorkbookGrids(buffer: Buffer, opts: { maxRows: number }): Promise<SheetGrid[]> {
  const grids = (await loadWorkbook(buffer)).worksheets.map(toGrid);
  if (grids.some((g) => g.rowCount > opts.maxRows)) throw fail('IMPORT_TOO_MANY_ROWS', { maxRows: opts.maxRows });
  return grids;
}

const reportHeaders: Record<Language, [string, string, string]> = {
  'zh-CN': ['行号', '字段', '错误'],
  'zh-TW': ['列號', '欄位', '錯誤'],
  en: ['Row', 'Field', 'Error'],
};

/** The errors of an import as an xlsx the user can fix the file with (行号/字段/错误). */
export function writeErrorReport(errors: RowError[], lang: Language): Promise<Buffer> {
  const [row, field, error] = reportHeaders[lang];
  return writeWorkbook({
    sheetName: error,
    columns: [
      { key: 'row', header: row, width: 8 },
      { key: 'field', header: field, width: 20 },
      { key: 'message', header: error, width: 60 },
    ],
    rows: sortRowErrors(errors).map((e) => ({
      row: e.row,
      field: e.field ? (fieldLabels[e.field]?.[langIndex[lang]] ?? e.field) : '',
      message: e.message,
    })),
  });
}

/** An import template: the columns' first header texts (required ones marked *), text cells, an optional example row. */
export function writeTemplate(
  columns: ImportColumn[],
  exampleRow?: Record<string, unknown>,
  opts: { sheetName?: string; title?: string } = {},
): Promise<Buffer> {
  return writeWorkbook({
    sheetName: opts.sheetName ?? 'Sheet1',
    title: opts.title,
    // Required columns are marked with *, which the reader ignores.
    columns: columns.map((c) => ({ key: c.key, header: c.required ? `${c.header[0]}*` : c.header[0], text: true })),
    rows: exampleRow ? [exampleRow] : [],
  });
}
